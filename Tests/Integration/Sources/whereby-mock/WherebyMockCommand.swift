import ArgumentParser
import Foundation
import WherebyMock

/// `whereby-mock`: the Whereby REST API on localhost, for trying the client offline.
@main
struct WherebyMockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whereby-mock",
        abstract: "Serve a local stand-in for the Whereby REST API v1 from memory.",
        discussion: """
            Serves every operation of spec/whereby.json under http://<host>:<port>/v1, starting with \
            the bundled fixture of recordings, transcriptions, summaries and insights. Requests need \
            'Authorization: Bearer <key>' with one of the --api-key values (default: \
            \(WherebyMockServer.Configuration.developmentAPIKey)). All keys share one rate-limit \
            budget: reads cost 1 point, deletes 2, writes 3. State is kept in memory until the \
            process ends; stop it with Ctrl-C.
            """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8080

    @Option(
        name: .customLong("api-key"),
        help: ArgumentHelp(
            "An API key to accept; repeat for several. (default: \(WherebyMockServer.Configuration.developmentAPIKey))",
            valueName: "key"
        )
    )
    var apiKeys: [String] = []

    @Option(help: "Rate-limit points per window: 100 is the Build plan, 1000 the Grow plan.")
    var points = 100

    @Option(help: "The rate-limit window in seconds.")
    var windowSeconds: Double = 60

    @Option(help: ArgumentHelp("The most items on one page, whatever 'limit' asks for. (default: the documented limits)", valueName: "n"))
    var pageSize: Int?

    @Option(help: "The organization subdomain in room URLs: https://<subdomain>.whereby.com/<room>.")
    var subdomain = "example"

    @Option(help: ArgumentHelp("A fixture JSON file to start with instead of the bundled one.", valueName: "file"))
    var fixture: String?

    @Flag(help: "Log every request (method and path, never headers).")
    var verbose = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard points >= 1 else { throw ValidationError("--points must be at least 1.") }
        guard windowSeconds > 0, windowSeconds.isFinite else { throw ValidationError("--window-seconds must be positive.") }
        if let pageSize, !(1...100).contains(pageSize) {
            throw ValidationError("--page-size must be between 1 and 100.")
        }
        if apiKeys.contains(where: { $0.isEmpty || $0.contains(where: \.isWhitespace) }) {
            throw ValidationError("--api-key values must be non-empty and without spaces.")
        }
    }

    func run() async throws {
        let server = WherebyMockServer(
            configuration: .init(
                host: host,
                port: port,
                apiKeys: apiKeys.isEmpty ? [WherebyMockServer.Configuration.developmentAPIKey] : Set(apiKeys),
                rateLimit: .init(points: points, window: .milliseconds(Int64((windowSeconds * 1000).rounded()))),
                pageSize: pageSize,
                subdomain: subdomain,
                fixture: try loadFixture(),
                logsRequests: verbose
            )
        )
        let keyNote =
            apiKeys.isEmpty
            ? "API key: \(WherebyMockServer.Configuration.developmentAPIKey)"
            : "accepting \(Set(apiKeys).count) API key\(Set(apiKeys).count == 1 ? "" : "s")"
        let budget = "\(points) points per \(windowSeconds.formatted()) s"
        do {
            try await server.run { address in
                // Written unbuffered, so that a script can wait for this line.
                let line = "whereby-mock listening on \(address.baseURL.absoluteString) (\(keyNote); \(budget))\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("error: cannot serve on \(host):\(port): \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// The fixture to start with; an unusable file is an input error (exit 1), not a usage error.
    private func loadFixture() throws -> Fixture {
        guard let fixture else { return .standard }
        let problem: String
        do {
            return try Fixture(json: Data(contentsOf: URL(fileURLWithPath: fixture)))
        } catch let error as FixtureError {
            problem = error.message
        } catch {
            problem = "cannot read the file"
        }
        FileHandle.standardError.write(Data("error: \(fixture): \(problem)\n".utf8))
        throw ExitCode.failure
    }
}

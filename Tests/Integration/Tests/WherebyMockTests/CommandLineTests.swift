import Foundation
import TestSupport
import Testing
@testable import WherebyMock

/// Runs the built `whereby-mock` binary the way a developer does.
@Suite struct CommandLineTests {
    static var binary: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("whereby-mock")
        }
        #endif
        return Bundle.main.bundleURL.appendingPathComponent("whereby-mock")
    }

    func launch(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        return (process, output, error)
    }

    @Test func printsItsURLAndServesTheDevelopmentKey() async throws {
        let (process, output, _) = try launch(["--port", "0", "--points", "50", "--page-size", "2"])
        defer { process.terminate() }
        // Stop a server that never prints instead of waiting forever.
        let watchdog = Task {
            try await Task.sleep(for: .seconds(20))
            process.terminate()
        }
        defer { watchdog.cancel() }
        let line = await ChildProcess.firstLine(of: output.fileHandleForReading)
        #expect(line.hasPrefix("whereby-mock listening on http://127.0.0.1:"), "\(line)")
        #expect(line.contains("API key: whereby-mock-dev-key"))
        let url = try #require(line.split(separator: " ").first { $0.hasPrefix("http://") }.flatMap { URL(string: String($0)) })
        let client = TestClient(baseURL: url)
        let response = try await client.get("/recordings")
        #expect(response.status == 200)
        #expect(response.header("X-RateLimit-Limit") == "50")
        #expect(response.json["results"]?.arrayValue?.count == 2)
    }

    @Test func rejectsAnOutOfRangePageSizeAsAUsageError() async throws {
        let result = try await ChildProcess.run(Self.binary, ["--page-size", "0"], timeout: .seconds(60))
        #expect(result.status == 64)
        #expect(result.standardError.contains("--page-size must be between 1 and 100"))
    }

    @Test func documentsItsOptionsInHelp() async throws {
        let result = try await ChildProcess.run(Self.binary, ["--help"], timeout: .seconds(60))
        #expect(result.status == 0)
        let help = result.standardOutput
        for option in ["--host", "--port", "--api-key", "--points", "--window-seconds", "--page-size", "--fixture"] {
            #expect(help.contains(option), "\(option)")
        }
    }
}

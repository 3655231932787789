import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import OpenAPIAsyncHTTPClient
import WherebyAPI

/// Creates Whereby meetings for the users of an app and deletes them again.
///
/// ```console
/// $ WHEREBY_API_KEY=... swift run meeting-service
/// ```
@main
struct MeetingService {
    static func main() async throws {
        let settings: ServiceSettings
        do {
            settings = try ServiceSettings(environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("meeting-service: \(error)\n".utf8))
            exit(1)
        }
        let logger = Logger(label: "meeting-service")

        // An HTTP client that never follows redirects: the Whereby client follows same-origin ones
        // itself and refuses the rest, so the API key never reaches another origin.
        let httpClient = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: HTTPClient.Configuration(redirectConfiguration: .disallow)
        )
        // One client for the whole process, so that every request shares one rate-limit budget.
        var configuration = WherebyClient.Configuration(
            serverURL: settings.wherebyURL,
            transport: AsyncHTTPClientTransport(configuration: .init(client: httpClient)),
            rateLimit: .build
        )
        // A caller is waiting: answer within ten seconds, retries and waits for points included.
        configuration.timeouts = Timeouts(total: .seconds(10), attempt: .seconds(5), rateLimitQueue: .seconds(5))
        let whereby = WherebyClient(apiKey: settings.apiKey, configuration: configuration)

        let router = Router(context: ServiceRequestContext.self)
        MeetingRoutes(whereby: whereby).add(to: router)
        let wherebyURL = settings.wherebyURL
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "meeting-service"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port.map(String.init) ?? "?"
                logger.info("meeting-service listening on http://\(settings.host):\(port), calling Whereby at \(wherebyURL)")
            },
            logger: logger
        )
        do {
            try await app.runService()
        } catch {
            try await httpClient.shutdown()
            throw error
        }
        try await httpClient.shutdown()
    }
}

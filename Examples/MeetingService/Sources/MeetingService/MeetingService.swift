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

        // One client for the whole process, so that every request shares one rate-limit budget.
        let whereby = WherebyClient(apiKey: settings.apiKey, configuration: .init(
            serverURL: settings.wherebyURL,
            transport: AsyncHTTPClientTransport(),
            // A caller is waiting: give up on a 429 after ten seconds rather than three minutes.
            retry: RetryPolicy(maxAttempts: 3, maxTotalDelay: .seconds(10)),
            rateLimit: .build
        ))

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
        try await app.runService()
    }
}

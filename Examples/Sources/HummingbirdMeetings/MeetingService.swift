import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import MeetingSettings
import OpenAPIAsyncHTTPClient
import Tracing
import WherebyAPI

/// Creates Whereby meetings for the users of an app and deletes them again, on Hummingbird.
///
/// ```console
/// $ WHEREBY_API_KEY=... swift run hummingbird-meetings
/// ```
@main
struct MeetingService {
    static func main() async throws {
        let settings: ServiceSettings
        do {
            settings = try ServiceSettings(environment: ProcessInfo.processInfo.environment, defaultPort: 8081)
        } catch {
            FileHandle.standardError.write(Data("hummingbird-meetings: \(error)\n".utf8))
            exit(1)
        }
        let logger = Logger(label: "hummingbird-meetings")

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
        // The client's call events go to the service's logger, and its spans to the process's
        // tracer, as children of the request's span.
        configuration.observability = .init(logger: logger, tracer: InstrumentationSystem.tracer)
        let whereby = WherebyClient(apiKey: settings.apiKey, configuration: configuration)

        let router = Router(context: ServiceRequestContext.self)
        // A span per request, made current for its handler: the calls to Whereby made for a
        // request run in its trace. It records nothing until the app bootstraps a tracer.
        router.add(middleware: TracingMiddleware())
        MeetingRoutes(whereby: whereby).add(to: router)
        let wherebyURL = settings.wherebyURL
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "hummingbird-meetings"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port.map(String.init) ?? "?"
                logger.info("hummingbird-meetings listening on http://\(settings.host):\(port), calling Whereby at \(wherebyURL)")
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

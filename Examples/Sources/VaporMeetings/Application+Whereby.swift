import AsyncHTTPClient
import Logging
import OpenAPIAsyncHTTPClient
import Tracing
import Vapor
import WherebyAPI

extension Application {
    /// The app's one Whereby client, so that every request shares one rate-limit budget; set by
    /// ``useWhereby(apiKey:serverURL:)``.
    var whereby: WherebyClient {
        guard let whereby = storage[WherebyKey.self]?.client else {
            fatalError("app.useWhereby(apiKey:serverURL:) was not called before the routes used app.whereby")
        }
        return whereby
    }

    /// Creates the Whereby client once, at startup, over an `HTTPClient` of its own on the app's
    /// event loops. The app's storage shuts that `HTTPClient` down when the app shuts down.
    func useWhereby(apiKey: String, serverURL: URL) async {
        // An HTTP client that never follows redirects: the Whereby client follows same-origin ones
        // itself and refuses the rest, so the API key never reaches another origin. Not
        // `app.http.client`, whose configuration the app's other outgoing calls share.
        let httpClient = HTTPClient(
            eventLoopGroupProvider: .shared(eventLoopGroup),
            configuration: HTTPClient.Configuration(redirectConfiguration: .disallow),
            backgroundActivityLogger: logger
        )
        var configuration = WherebyClient.Configuration(
            serverURL: serverURL,
            transport: AsyncHTTPClientTransport(configuration: .init(client: httpClient)),
            rateLimit: .build
        )
        // A caller is waiting: answer within ten seconds, retries and waits for points included.
        configuration.timeouts = Timeouts(total: .seconds(10), attempt: .seconds(5), rateLimitQueue: .seconds(5))
        // The client's call events go to the app's logger, and its spans to the process's
        // tracer, as children of the request's span.
        configuration.observability = .init(logger: logger, tracer: InstrumentationSystem.tracer)
        let client = WherebyClient(apiKey: apiKey, configuration: configuration)
        await storage.setWithAsyncShutdown(WherebyKey.self, to: WherebyKey.Value(client: client, httpClient: httpClient)) { value in
            try await value.httpClient.shutdown()
        }
    }

    /// Where ``whereby`` lives in the app's storage, with the `HTTPClient` to shut down.
    private struct WherebyKey: StorageKey {
        struct Value: Sendable {
            let client: WherebyClient
            let httpClient: HTTPClient
        }
    }
}

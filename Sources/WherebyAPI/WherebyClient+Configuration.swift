public import Foundation
import OpenAPIClientSupport
public import OpenAPIRuntime
import OpenAPIURLSession

extension WherebyClient {
    /// How a client reaches Whereby: the server, the transport, and middlewares around it.
    ///
    /// The defaults talk to production over `URLSession`. A server app would rather pass
    /// `AsyncHTTPClientTransport()` from swift-openapi-async-http-client; tests pass a transport
    /// that records requests, or point `serverURL` at the local stand-in.
    public struct Configuration: Sendable {
        /// The API's base URL, including the version path: `https://api.whereby.dev/v1` by default.
        public var serverURL: URL
        /// What sends requests; `nil` uses `URLSessionTransport()`.
        public var transport: (any ClientTransport)?
        /// Run in order around the transport, the first outermost: logging, tracing, retries.
        public var middlewares: [any ClientMiddleware]

        public init(
            serverURL: URL = WherebyClient.Servers.production,
            transport: (any ClientTransport)? = nil,
            middlewares: [any ClientMiddleware] = []
        ) {
            self.serverURL = serverURL
            self.transport = transport
            self.middlewares = middlewares
        }
    }

    /// Creates a client that authenticates every request with `apiKey`.
    ///
    /// The key is sent as `Authorization: Bearer <key>`, the document's `BearerAuth` scheme. It is
    /// a secret that belongs on a server: it never appears in descriptions, errors or logs.
    public init(apiKey: String, configuration: Configuration = Configuration()) {
        self.init(runtime: APIRuntime(
            serverURL: configuration.serverURL,
            transport: configuration.transport ?? URLSessionTransport(),
            middlewares: configuration.middlewares,
            credentials: Credentials([SecuritySchemes.bearerAuth: .bearer(apiKey)])
        ))
    }
}

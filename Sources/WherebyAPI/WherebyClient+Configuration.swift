public import Foundation
import OpenAPIClientSupport
public import OpenAPIRuntime

extension WherebyClient {
    /// How a client reaches Whereby: the server, the transport, middlewares, and how it retries
    /// and paces calls.
    ///
    /// The defaults talk to production through ``WherebyURLSessionTransport``, end every call within 60 seconds
    /// (``Timeouts/default``), retry what is safe to retry up to three attempts
    /// (``RetryPolicy/default``), and hold calls back when the server's headers say the
    /// organization's points are spent (``RateLimitPolicy/automatic``). A server app that
    /// already builds SwiftNIO may pass AsyncHTTPClient's transport, from an `HTTPClient` that
    /// does not follow redirects, and the budget of its plan:
    ///
    /// ```swift
    /// let httpClient = HTTPClient(
    ///     eventLoopGroupProvider: .singleton,
    ///     configuration: HTTPClient.Configuration(redirectConfiguration: .disallow)
    /// )
    /// let client = WherebyClient(apiKey: key, configuration: .init(
    ///     transport: AsyncHTTPClientTransport(configuration: .init(client: httpClient)),
    ///     rateLimit: .build
    /// ))
    /// ```
    public struct Configuration: Sendable {
        /// The API's base URL, including the version path: `https://api.whereby.dev/v1` by default.
        public var serverURL: URL
        /// What sends requests; `nil` uses ``WherebyClient/makeDefaultTransport()``, a
        /// ``WherebyURLSessionTransport``. A transport of your own must not follow redirects.
        public var transport: (any ClientTransport)?
        /// Your middlewares (logging, tracing), the first outermost. They run inside the retry
        /// loop, so they see every attempt, and outside the pacing.
        public var middlewares: [any ClientMiddleware]
        /// When a retried status (408, 429, 5xx), a transport failure or an attempt timeout
        /// is retried.
        public var retry: RetryPolicy
        /// How long a call, one attempt and a wait for rate-limit points may take: 60, 30 and
        /// 30 seconds by default. Every call ends within ``Timeouts/total``.
        public var timeouts: Timeouts
        /// How calls are paced to stay within the organization's points.
        public var rateLimit: RateLimitPolicy
        /// Called with the rate-limit headers of every response that has them; the latest is
        /// also ``WherebyClient/rateLimitStatus``.
        public var onRateLimitStatus: (@Sendable (RateLimitStatus) -> Void)?
        /// Where calls are logged, measured and traced: swift-log, swift-metrics and
        /// swift-distributed-tracing. ``Observability/disabled`` (the default) costs nothing.
        public var observability: Observability
        /// What retries and pacing measure time and wait with; tests pass a simulated clock.
        public var clock: ClientClock
        /// Whether this client paces its calls in one queue with every other client of the
        /// same server URL, API key and clock in the process (`true`, the default), so that
        /// making a second client does not split the organization's points in two; `false`
        /// gives it a budget of its own.
        public var sharesRateLimitBudget = true

        /// Creates a configuration.
        /// - Parameters:
        ///   - serverURL: The API's base URL.
        ///   - transport: What sends requests; `nil` for ``WherebyClient/makeDefaultTransport()``.
        ///   - middlewares: Your middlewares, outermost first.
        ///   - retry: When to retry.
        ///   - timeouts: How long a call, an attempt and a wait for points may take.
        ///   - rateLimit: How to pace calls.
        ///   - onRateLimitStatus: Called with the rate-limit headers of every response.
        ///   - observability: Where calls are logged, measured and traced; off by default.
        ///   - clock: What retries and pacing measure time and wait with.
        public init(
            serverURL: URL = WherebyClient.Servers.production,
            transport: (any ClientTransport)? = nil,
            middlewares: [any ClientMiddleware] = [],
            retry: RetryPolicy = .default,
            timeouts: Timeouts = .default,
            rateLimit: RateLimitPolicy = .automatic,
            onRateLimitStatus: (@Sendable (RateLimitStatus) -> Void)? = nil,
            observability: Observability = .disabled,
            clock: ClientClock = .system
        ) {
            self.serverURL = serverURL
            self.transport = transport
            self.middlewares = middlewares
            self.retry = retry
            self.timeouts = timeouts
            self.rateLimit = rateLimit
            self.onRateLimitStatus = onRateLimitStatus
            self.observability = observability
            self.clock = clock
        }
    }

    /// Creates a client that authenticates every request with `apiKey`.
    ///
    /// The key is sent as `Authorization: Bearer <key>`, the document's `BearerAuth` scheme. It is
    /// a secret that belongs on a server: it never appears in descriptions, errors or logs, and
    /// never goes to another origin (redirects are followed only on the server's own origin).
    ///
    /// Every operation throws ``WherebyError``, and only that (cancellation included), within
    /// ``Configuration/timeouts``. The layers run in this order, outermost first: a
    /// ``RetryMiddleware`` (which starts the call's deadline), yours, the redirect layer, a
    /// ``RateLimitMiddleware``, then the transport, each attempt raced against its timeout with
    /// its body read whole. With ``Configuration/observability`` on, each call is logged,
    /// measured and traced around all of these. Clients of the same server URL, API key and
    /// clock share one rate-limit schedule (``Configuration/sharesRateLimitBudget``), and so do
    /// the copies ``with(_:)`` makes.
    public init(apiKey: String, configuration: Configuration = Configuration()) {
        let clock = configuration.clock
        let redactor = SecretRedactor(secret: apiKey)
        var runtime = APIRuntime(
            serverURL: configuration.serverURL,
            transport: configuration.transport ?? WherebyClient.makeDefaultTransport(),
            middlewares: [RetryMiddleware(policy: configuration.retry, timeouts: configuration.timeouts, clock: clock)]
                + configuration.middlewares
                + [
                    RedirectMiddleware(),
                    configuration.sharesRateLimitBudget
                        ? RateLimitMiddleware(
                            policy: configuration.rateLimit,
                            clock: clock,
                            schedule: RateLimitRegistry.schedule(serverURL: configuration.serverURL, apiKey: apiKey, clock: clock),
                            onStatus: configuration.onRateLimitStatus
                        )
                        : RateLimitMiddleware(policy: configuration.rateLimit, clock: clock, onStatus: configuration.onRateLimitStatus),
                ],
            credentials: Credentials([SecuritySchemes.bearerAuth: .bearer(apiKey)])
        )
        runtime.transport = AttemptTransport(
            base: runtime.transport,
            timeouts: configuration.timeouts,
            maximumBodySize: runtime.maximumResponseBodySize,
            clock: clock
        )
        runtime.errorMapper = { error in WherebyError(error, now: clock.date(), redactor: redactor) }
        if configuration.observability.isEnabled {
            runtime.observer = WherebyCallObserver(
                observability: configuration.observability,
                serverURL: configuration.serverURL,
                clock: clock
            )
        }
        self.init(runtime: runtime)
    }
}

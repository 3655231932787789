public import CoreMetrics
public import Logging
public import Tracing

extension WherebyClient {
    /// Where a client reports its calls: a swift-log `Logger`, a swift-metrics `MetricsFactory`
    /// and a swift-distributed-tracing `Tracer`, each optional. ``disabled``, the default, has
    /// none: the client then makes no logging call, creates no metric and starts no span, and its
    /// calls take the path they take without observability.
    ///
    /// ```swift
    /// let whereby = WherebyClient(apiKey: apiKey, configuration: .init(
    ///     observability: .init(
    ///         logger: Logger(label: "whereby"),
    ///         metricsFactory: MetricsSystem.factory,
    ///         tracer: InstrumentationSystem.tracer
    ///     )
    /// ))
    /// ```
    ///
    /// What is reported never holds a header, a body, a parameter value or a secret: the path is
    /// the document's template (`/meetings/{meetingId}`), errors are named by kind.
    ///
    /// **Logs.** One event per call at `debug`, when it ends: `operation`, `method`, `path`,
    /// `status` (of the last response, if any), `outcome`, `duration`, `attempts` and `points`
    /// (the rate-limit points its attempts cost). At `info`, each retry (with its `reason` and
    /// `delay`) and each wait for rate-limit points (`wait`); at `warning`, a call that gives up
    /// on a retryable failure (`reason`: `attempts`, `delay`, `body`).
    ///
    /// **Metrics**, each with an `operation` dimension (the document's `operationId`):
    ///
    /// | Label | Kind | Other dimensions | What |
    /// | --- | --- | --- | --- |
    /// | `whereby_client_calls` | counter | `outcome`, `status_class` | calls ended |
    /// | `whereby_client_call_duration` | timer | `outcome`, `status_class` | time a call took, retries and waits included |
    /// | `whereby_client_retries` | counter | `reason` | attempts sent again |
    /// | `whereby_client_rate_limited` | counter | | `429 Too Many Requests` responses |
    /// | `whereby_client_rate_limit_wait` | timer | | time a call waited for rate-limit points |
    /// | `whereby_client_rate_limit_remaining` | gauge | none | the points the server last said remain |
    ///
    /// `outcome` is `success`, `http_error`, `timeout`, `transport_error`, `redirect_refused`,
    /// `response_too_large`, `decoding_error`, `invalid_request` or `cancelled`; `status_class`
    /// is `2xx` to `5xx`, or `none` when no response came; a retry's `reason` is the status
    /// (`429`, `503`, …), `timeout` or `transport_error`.
    ///
    /// **Traces.** A span of kind client per call, named by its `operationId`, a child of the
    /// task's current context, with OpenTelemetry's HTTP client attributes:
    /// `http.request.method`, `url.template` (the server's path and the document's template),
    /// `url.scheme`, `server.address`, `server.port`, `http.response.status_code`, `error.type`
    /// (the status, or the outcome, when the call fails) and `http.request.resend_count` when an
    /// attempt was sent again. Every attempt carries the span's context in its headers, as the
    /// tracer injects it (`traceparent` for W3C Trace Context); retries and waits for points are
    /// events of the span.
    public struct Observability: Sendable {
        /// Where call events go; `nil` logs nothing.
        public var logger: Logger?
        /// What makes the call metrics; `nil` records none.
        public var metricsFactory: (any MetricsFactory)?
        /// What starts a span per call and injects its context into each request; `nil` traces nothing.
        public var tracer: (any Tracer)?

        /// Creates the observability settings; what is `nil` is off.
        /// - Parameters:
        ///   - logger: Where call events go, such as your app's logger.
        ///   - metricsFactory: What makes the metrics, such as `MetricsSystem.factory`.
        ///   - tracer: What traces calls, such as `InstrumentationSystem.tracer`.
        public init(logger: Logger? = nil, metricsFactory: (any MetricsFactory)? = nil, tracer: (any Tracer)? = nil) {
            self.logger = logger
            self.metricsFactory = metricsFactory
            self.tracer = tracer
        }

        /// No logs, no metrics, no spans: the default.
        public static let disabled = Observability()

        /// Whether anything is reported at all.
        public var isEnabled: Bool {
            logger != nil || metricsFactory != nil || tracer != nil
        }
    }
}

extension WherebyClient.Observability: CustomStringConvertible {
    /// Which of the three are on: `Observability(logger: whereby, metrics: on, tracing: off)`.
    public var description: String {
        let logger = logger.map(\.label) ?? "off"
        return "Observability(logger: \(logger), metrics: \(metricsFactory == nil ? "off" : "on"), tracing: \(tracer == nil ? "off" : "on"))"
    }
}

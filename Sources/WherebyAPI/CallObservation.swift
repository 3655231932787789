import CoreMetrics
import Foundation
import HTTPTypes
import Logging
import OpenAPIClientSupport
import Tracing

/// One call being observed: what the layers of the call tell the client's logger, metrics and
/// tracer while it runs, and what is reported when it ends.
///
/// ``WherebyCallObserver`` makes one per call and binds it to ``current`` around the call, so
/// ``RetryMiddleware`` and ``RateLimitMiddleware`` find it without being told; outside an
/// observed call (observability off, or a middleware used in another client) ``current`` is
/// `nil` and they report nothing.
///
/// Nothing here reads a header value, a body or a parameter value: only the operation, the
/// method, the path template, statuses, counts and durations.
final class CallObservation: Sendable {
    @TaskLocal static var current: CallObservation?

    /// The metric labels; `Observability`'s documentation lists them for users.
    enum Label {
        static let calls = "whereby_client_calls"
        static let callDuration = "whereby_client_call_duration"
        static let retries = "whereby_client_retries"
        static let rateLimited = "whereby_client_rate_limited"
        static let rateLimitWait = "whereby_client_rate_limit_wait"
        static let rateLimitRemaining = "whereby_client_rate_limit_remaining"
    }

    private struct State: Sendable {
        /// The number of the attempt under way, from 1.
        var attempts = 0
        /// The status of the latest response, `nil` when the latest attempt got none.
        var status: Int?
        /// The rate-limit points the call's attempts (and their redirects) cost.
        var points = 0
        /// How long the call waited for rate-limit points.
        var budgetWait = Duration.zero
    }

    let call: APICall
    private let logger: Logger?
    private let metrics: (any MetricsFactory)?
    private let tracer: (any Tracer)?
    private let span: (any Span)?
    private let clock: ClientClock
    private let start: ContinuousClock.Instant
    private let state = Locked(State())

    /// Starts observing `call`: its span starts now, as a child of the task's current context.
    init(call: APICall, observability: WherebyClient.Observability, server: URL, clock: ClientClock) {
        self.call = call
        self.logger = observability.logger
        self.metrics = observability.metricsFactory
        self.tracer = observability.tracer
        self.clock = clock
        self.start = clock.now()
        if let tracer = observability.tracer {
            let span = tracer.startSpan(call.operationID, ofKind: .client)
            let scheme = server.scheme?.lowercased() ?? "https"
            span.updateAttributes { attributes in
                attributes["http.request.method"] = call.method.rawValue
                attributes["url.template"] = Self.urlTemplate(server: server, path: call.pathTemplate)
                attributes["url.scheme"] = scheme
                if let host = server.host { attributes["server.address"] = host }
                attributes["server.port"] = server.port ?? (scheme == "http" ? 80 : 443)
            }
            self.span = span
        } else {
            self.span = nil
        }
    }

    /// The span's context, to bind as the current context while the call runs.
    var spanContext: InstrumentationContext? { span?.context }

    /// `/v1/meetings/{meetingId}`: the server URL's path and the operation's template.
    static func urlTemplate(server: URL, path: String) -> String {
        var base = server.path
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }

    // MARK: - What the layers report

    /// Attempt `number` (from 1) is about to be sent: its request carries the span's context.
    func attempt(_ number: Int, _ request: inout HTTPRequest) {
        state.withLock { state in
            state.attempts = number
            state.status = nil
        }
        guard let tracer, let span else { return }
        tracer.inject(span.context, into: &request.headerFields, using: HTTPFieldsInjector())
        if number > 1 { span.attributes["http.request.resend_count"] = number - 1 }
    }

    /// The attempt under way got a response (a redirect hop's included).
    func responded(_ status: Int) {
        state.withLock { $0.status = status }
    }

    /// The attempt that just ended is sent again after `delay`, because of `reason` (a status,
    /// `timeout` or `transport_error`).
    func retrying(reason: String, delay: Duration) {
        let attempt = state.withLock { $0.attempts }
        logger?.info("retrying whereby call", metadata: metadata([
            "attempt": "\(attempt)",
            "reason": .string(reason),
            "delay": .string(Self.seconds(delay)),
        ]))
        if let metrics {
            Counter(label: Label.retries, dimensions: [("operation", call.operationID), ("reason", reason)], factory: metrics).increment()
        }
        span?.addEvent(SpanEvent(name: "retry", attributes: [
            "whereby.attempt": .int(Int64(attempt)),
            "whereby.retry.reason": .string(reason),
            "whereby.retry.delay_ms": .int(Self.milliseconds(delay)),
        ]))
    }

    /// The attempt that just ended failed in a way that is retried, but it is not sent again:
    /// `reason` says why (`attempts` spent, the `delay` does not fit, the `body` cannot be resent).
    func givingUp(reason: String, failure: String) {
        let attempt = state.withLock { $0.attempts }
        logger?.warning("giving up whereby call", metadata: metadata([
            "attempts": "\(attempt)",
            "reason": .string(reason),
            "failure": .string(failure),
        ]))
    }

    /// The attempt under way waits `wait` for rate-limit points before it is sent.
    func waitingForPoints(_ wait: Duration, cost: Int) {
        logger?.info("waiting for whereby rate-limit points", metadata: metadata([
            "wait": .string(Self.seconds(wait)),
            "cost": "\(cost)",
        ]))
        span?.addEvent(SpanEvent(name: "rate_limit_wait", attributes: [
            "whereby.rate_limit.wait_ms": .int(Self.milliseconds(wait)),
            "whereby.rate_limit.cost": .int(Int64(cost)),
        ]))
    }

    /// The attempt under way was given `cost` points after waiting `waited`, and is sent.
    func spent(_ cost: Int, waited: Duration) {
        state.withLock { state in
            state.points += cost
            state.budgetWait += waited
        }
    }

    /// A response said `429 Too Many Requests`.
    func throttled() {
        guard let metrics else { return }
        Counter(label: Label.rateLimited, dimensions: [("operation", call.operationID)], factory: metrics).increment()
    }

    /// A response said how many points remain.
    func remainingPoints(_ remaining: Int) {
        guard let metrics else { return }
        Gauge(label: Label.rateLimitRemaining, dimensions: [], factory: metrics).record(remaining)
    }

    // MARK: - The end

    /// The call ended, with `error` (as the runtime threw it) or without: the debug event, the
    /// call metrics, and the span's last attributes and its end.
    func finish(error: (any Error)?) {
        let duration = start.duration(to: clock.now())
        let ended = state.withLock { $0 }
        let outcome = CallOutcome(error)
        let statusClass = CallOutcome.statusClass(ended.status)
        logger?.debug("whereby call", metadata: metadata([
            "status": ended.status.map { .string(String($0)) } ?? "none",
            "outcome": .string(outcome.rawValue),
            "duration": .string(Self.seconds(duration)),
            "attempts": "\(ended.attempts)",
            "points": "\(ended.points)",
        ]))
        if let metrics {
            let dimensions = [("operation", call.operationID), ("outcome", outcome.rawValue), ("status_class", statusClass)]
            Counter(label: Label.calls, dimensions: dimensions, factory: metrics).increment()
            CoreMetrics.Timer(label: Label.callDuration, dimensions: dimensions, factory: metrics)
                .recordNanoseconds(Self.nanoseconds(duration))
            CoreMetrics.Timer(label: Label.rateLimitWait, dimensions: [("operation", call.operationID)], factory: metrics)
                .recordNanoseconds(Self.nanoseconds(ended.budgetWait))
        }
        if let span {
            if let status = ended.status { span.attributes["http.response.status_code"] = status }
            if outcome != .success {
                let errorType = outcome == .httpError ? ended.status.map(String.init) ?? outcome.rawValue : outcome.rawValue
                span.attributes["error.type"] = errorType
                span.setStatus(SpanStatus(code: .error, message: errorType))
            }
            span.end()
        }
    }

    // MARK: - Formatting

    /// The call's metadata (operation, method, path template) and `extra`.
    private func metadata(_ extra: Logger.Metadata) -> Logger.Metadata {
        var metadata: Logger.Metadata = [
            "operation": .string(call.operationID),
            "method": .string(call.method.rawValue),
            "path": .string(call.pathTemplate),
        ]
        metadata.merge(extra) { _, new in new }
        return metadata
    }

    /// `1.250s`.
    static func seconds(_ duration: Duration) -> String {
        let milliseconds = milliseconds(duration)
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)s"
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        nanoseconds(duration) / 1_000_000
    }

    /// Whole nanoseconds, zero for a negative duration, `Int64.max` past 292 years.
    static func nanoseconds(_ duration: Duration) -> Int64 {
        guard duration > .zero else { return 0 }
        let (seconds, attoseconds) = duration.components
        guard seconds < Int64.max / 1_000_000_000 else { return .max }
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

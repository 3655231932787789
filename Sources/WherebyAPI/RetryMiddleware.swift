public import Foundation
public import HTTPTypes
public import OpenAPIRuntime
import OpenAPIClientSupport

/// The outermost layer of a call: starts its deadline (``Timeouts/total``) and sends the
/// request again as its ``RetryPolicy`` says, after a retried status (408, 429, 5xx) or a
/// transport failure when that is harmless.
///
/// ``WherebyClient/init(apiKey:configuration:)`` installs one outside your middlewares, so they
/// see every attempt. It works with any swift-openapi-runtime client too:
///
/// ```swift
/// let retry = RetryMiddleware(policy: RetryPolicy(maxAttempts: 3))
/// ```
///
/// It needs to send a body more than once, which `HTTPBody`s the runtime builds allow; a
/// request whose body can be read only once is never retried.
public struct RetryMiddleware: ClientMiddleware {
    /// When to retry.
    public var policy: RetryPolicy
    /// How long a call, an attempt and a wait for rate-limit points may take; the layers
    /// inside this one (pacing, the attempt timer of a ``WherebyClient``) read them from here.
    public var timeouts: Timeouts
    /// What waits are measured and slept with.
    public var clock: ClientClock

    /// The most bytes of a retried response's body read to find its delay (`data.msLeft`).
    static let throttleBodyLimit = 64 * 1024

    /// Creates the middleware.
    public init(policy: RetryPolicy = .default, timeouts: Timeouts = .default, clock: ClientClock = .system) {
        self.policy = policy
        self.timeouts = timeouts
        self.clock = clock
    }

    public func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let context = CallContext(deadline: clock.now() + timeouts.total, timeouts: timeouts)
        return try await CallContext.$current.withValue(context) {
            try await attempts(request, body: body, baseURL: baseURL, context: context, next: next)
        }
    }

    private func attempts(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        context: CallContext,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let replayable = body.map { $0.iterationBehavior == .multiple } ?? true
        // Set when the client observes its calls; the retries and give-ups are reported to it.
        let observation = CallObservation.current
        var attempt = 1
        var waited = Duration.zero
        /// Whether a wait of `delay` fits both the policy's total and the call's deadline, with
        /// time left for an attempt after it.
        func fits(_ delay: Duration) -> Bool {
            waited + delay <= policy.maxTotalDelay && delay < context.remaining(at: clock.now())
        }
        /// Reports a retryable failure that is not retried because of `reason`; with retries
        /// off (one attempt) there is nothing to give up.
        func giveUp(_ reason: String, failure: String) {
            guard policy.maxAttempts > 1 else { return }
            observation?.givingUp(reason: reason, failure: failure)
        }
        while true {
            let canRetry = replayable && attempt < policy.maxAttempts
            let delay: Duration
            let reason: String
            var attemptRequest = request
            observation?.attempt(attempt, &attemptRequest)
            do {
                let (response, responseBody) = try await next(attemptRequest, body, baseURL)
                let status = response.status.code
                guard policy.retries(status: status, method: request.method) else { return (response, responseBody) }
                reason = String(status)
                guard canRetry else {
                    giveUp(replayable ? "attempts" : "body", failure: reason)
                    return (response, responseBody)
                }
                let (bytes, kept) = await Self.peek(responseBody)
                let now = clock.date()
                let stated = status == 429
                    ? RateLimitInfo(headerFields: response.headerFields, body: bytes, now: now).retryAfter
                    : RateLimitHeaders.retryAfter(response.headerFields[.retryAfter], now: now)
                delay = stated ?? policy.backoff(beforeRetry: attempt)
                guard fits(delay) else {
                    giveUp("delay", failure: reason)
                    return (response, kept)
                }
            } catch {
                guard shouldRetry(request, after: error) else { throw error }
                reason = CallOutcome(transportFailure: error).rawValue
                guard canRetry else {
                    giveUp(replayable ? "attempts" : "body", failure: reason)
                    throw error
                }
                delay = policy.backoff(beforeRetry: attempt)
                guard fits(delay) else {
                    giveUp("delay", failure: reason)
                    throw error
                }
            }
            observation?.retrying(reason: reason, delay: delay)
            try await clock.sleep(delay)
            waited += delay
            attempt += 1
        }
    }

    /// Whether a request that failed with `error` may be sent again.
    func shouldRetry(_ request: HTTPRequest, after error: any Error) -> Bool {
        guard policy.retriesTransportFailures, !Task.isCancelled, !(error is CancellationError) else { return false }
        switch error {
        case let timeout as CallTimeout:
            // An attempt that timed out may have reached the server: like a lost connection.
            return timeout.kind == .attempt && RetryPolicy.isIdempotent(request.method)
        case is RedirectRefusedError, is ResponseBodyTooLargeError:
            return false
        default:
            return RetryPolicy.isIdempotent(request.method) || policy.requestWasNotSent(error)
        }
    }

    /// The start of a body, to read a delay from, and the body to hand on: the same one when it
    /// can be read again (as the buffered bodies of a ``WherebyClient`` can), else a copy.
    static func peek(_ body: HTTPBody?) async -> (Data, HTTPBody?) {
        guard let body else { return (Data(), nil) }
        if body.iterationBehavior == .multiple {
            return ((try? await Data(collecting: body, upTo: throttleBodyLimit)) ?? Data(), body)
        }
        let bytes = (try? await Data(collecting: body, upTo: throttleBodyLimit)) ?? Data()
        return (bytes, HTTPBody(bytes))
    }
}

extension RetryMiddleware: CustomStringConvertible {
    public var description: String { "RetryMiddleware(\(policy), \(timeouts))" }
}

import Foundation
import HTTPTypes
import OpenAPIClientSupport
import OpenAPIRuntime

/// The transport of a ``WherebyClient``: the configured one, with each attempt bounded in
/// time and its response body read whole inside that bound.
///
/// The attempt (sending, the response head, and every byte of the body up to the size limit)
/// races a timer of ``Timeouts/attempt``, cut short by the call's deadline. A server that sends
/// its headers and then stalls is caught here, and a retry covers it like any failed attempt.
/// When the timer wins, the transport's task is cancelled and left behind, so the call ends on
/// time even with a transport that does not stop when cancelled.
///
/// The body is handed on buffered, so the layers outside read it without waiting, and the
/// client never holds more than the limit: a longer body fails the attempt with
/// ``OpenAPIClientSupport/ResponseBodyTooLargeError`` as soon as the limit is passed.
struct AttemptTransport: ClientTransport, CustomStringConvertible {
    /// The transport that sends.
    var base: any ClientTransport
    /// The timeouts when no ``RetryMiddleware`` set a call context.
    var timeouts: Timeouts
    /// The longest body read, in bytes.
    var maximumBodySize: Int
    var clock: ClientClock

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        let context = CallContext.current
        let attempt = context?.timeouts.attempt ?? timeouts.attempt
        let remaining = context?.remaining(at: clock.now()) ?? attempt
        let kind: TimeoutKind = remaining < attempt ? .deadline : .attempt
        let limit = min(remaining, attempt)
        let reported = kind == .deadline ? (context?.timeouts.total ?? limit) : limit
        guard limit > .zero else { throw CallTimeout(kind: kind, limit: reported) }
        let base = base
        let maximumBodySize = maximumBodySize
        return try await ClockRace.run(limit: limit, clock: clock, timeout: { CallTimeout(kind: kind, limit: reported) }) {
            let (response, responseBody) = try await base.send(request, body: body, baseURL: baseURL, operationID: operationID)
            guard let responseBody else { return (response, nil) }
            let bytes = try await responseBody.collected(upTo: maximumBodySize, as: [UInt8].self)
            // A byte chunk is what HTTPBody stores: handed on without another copy.
            return (response, HTTPBody(bytes[...]))
        }
    }

    var description: String { "\(type(of: base))" }
}

public import Foundation
public import HTTPTypes
import OpenAPIClientSupport

/// Why a call to the Whereby API failed: the one error type every ``WherebyClient`` operation
/// throws (cancellation included).
///
/// ```swift
/// do {
///     let meeting = try await client.getMeeting(meetingId: id)
/// } catch WherebyError.notFound {
///     // gone already
/// } catch WherebyError.rateLimited(_, let info, _) {
///     // retries are spent; try again after info.retryAfter
/// } catch let error as WherebyError where error.isRetryable {
///     // a 5xx, a timeout, a lost connection: worth trying again later
/// } catch {
///     logger.error("\(error)")  // one line, never the API key
/// }
/// ```
///
/// Every case names the operation (`getMeeting`). Every error that came with a response
/// carries its status and headers (``response``, with ``requestID`` for support requests).
/// Descriptions are one line, quote at most 512 bytes of a response body or 200 characters of
/// a message, and never contain the API key, not even in part: it is removed from the whole
/// text before anything is cut.
public enum WherebyError: Error, Sendable {
    /// 400: the server rejected the request; `message` is Whereby's `error`, like
    /// `"endDate" must be a valid date`.
    case badRequest(operation: String, message: String?, response: Response)
    /// 401: the API key is missing or invalid. `message` is the server's, when it gave one.
    case unauthorized(operation: String, message: String?, response: Response)
    /// 403: the API key may not perform this action.
    case forbidden(operation: String, message: String?, response: Response)
    /// 404: the meeting, recording or other resource does not exist.
    case notFound(operation: String, message: String?, response: Response)
    /// 429: the organization's points are spent, and retrying (as the ``RetryPolicy`` and the
    /// deadline allow) did not help. `info` says how long the server asked to wait.
    case rateLimited(operation: String, RateLimitInfo, response: Response)
    /// 500–599: the server failed, after the retries the ``RetryPolicy`` allows (none for a
    /// `POST`). `message` is Whereby's `error`, or else the start of the body.
    case serverError(operation: String, message: String?, response: Response)
    /// Any other status the operation does not document as a success.
    case unexpectedStatus(operation: String, bodyExcerpt: String, response: Response)
    /// The server redirected to another origin (scheme, host, port); the request was not sent
    /// there, so the API key never left for it. `location` is that origin only.
    case redirectRefused(operation: String, location: String, response: Response)
    /// The response does not have the documented shape.
    /// - Parameters:
    ///   - codingPath: Where decoding stopped, like `results[1].endDate`; empty for the root.
    ///   - reason: What was wrong there.
    ///   - bodyExcerpt: The start of the body.
    ///   - response: The status and headers of the response.
    case decodingFailed(operation: String, codingPath: String, reason: String, bodyExcerpt: String, response: Response)
    /// The request was not sent because an argument cannot be sent or breaks a constraint of
    /// the API, like an empty meeting ID.
    case invalidRequest(operation: String, reason: String)
    /// The call took longer than one of its ``Timeouts``: an attempt (after the retries
    /// allowed), the whole call, or the wait for rate-limit points. `limit` is the bound.
    case timedOut(operation: String, TimeoutKind, limit: Duration)
    /// The request could not be sent or its response not read: no connection, a body over the
    /// size limit. `underlying` is the transport's error.
    case transportFailed(operation: String, underlying: any Error)
    /// The calling task was cancelled (or the transport cancelled the request): during a
    /// request, a retry wait or a wait for rate-limit points.
    case cancelled(operation: String)
    /// An `all…` walk met a cursor it had already followed (the server would repeat pages
    /// forever), after fetching `pages` pages.
    case paginationCycle(operation: String, cursor: String, pages: Int)
    /// An `all…` walk fetched its maximum number of pages and the list goes on: resume with
    /// `startingAt: nextCursor`, or raise the maximum with `.maximumPages(_:)`.
    case pageLimitReached(operation: String, maximumPages: Int, nextCursor: String)

    /// The status and headers of the response an error came with.
    ///
    /// Headers that carry secrets (`Set-Cookie`, `Cookie`, `Authorization`,
    /// `Proxy-Authorization`) are removed, and any value that contains the API key is redacted.
    public struct Response: Sendable, Hashable {
        /// The status code, like `503`.
        public var status: Int
        /// The response's headers, without secrets.
        public var headerFields: HTTPFields

        /// Creates the response details.
        public init(status: Int, headerFields: HTTPFields = [:]) {
            self.status = status
            self.headerFields = headerFields
        }

        /// The headers that identify a request to the server's operators, in the order looked for.
        public static let requestIDHeaders: [HTTPField.Name] = [
            HTTPField.Name("X-Request-Id")!, HTTPField.Name("X-Amzn-RequestId")!, HTTPField.Name("X-Amzn-Trace-Id")!,
            HTTPField.Name("X-Amz-Cf-Id")!, HTTPField.Name("CF-Ray")!, HTTPField.Name("X-Correlation-Id")!,
        ]

        /// The first request-ID header present (`X-Request-Id`, `X-Amzn-RequestId`,
        /// `X-Amzn-Trace-Id`, `X-Amz-Cf-Id`, `CF-Ray`, `X-Correlation-Id`): quote it when asking
        /// Whereby about a failed call.
        public var requestID: String? {
            Self.requestIDHeaders.lazy.compactMap { headerFields[$0] }.first
        }
    }

    /// The operation that failed, like `createMeeting`.
    public var operation: String {
        switch self {
        case .badRequest(let operation, _, _), .unauthorized(let operation, _, _), .forbidden(let operation, _, _),
            .notFound(let operation, _, _), .rateLimited(let operation, _, _), .serverError(let operation, _, _),
            .unexpectedStatus(let operation, _, _), .redirectRefused(let operation, _, _),
            .decodingFailed(let operation, _, _, _, _), .invalidRequest(let operation, _), .timedOut(let operation, _, _),
            .transportFailed(let operation, _), .cancelled(let operation),
            .paginationCycle(let operation, _, _), .pageLimitReached(let operation, _, _):
            operation
        }
    }

    /// The status and headers of the response, for the cases that had one.
    public var response: Response? {
        switch self {
        case .badRequest(_, _, let response), .unauthorized(_, _, let response), .forbidden(_, _, let response),
            .notFound(_, _, let response), .rateLimited(_, _, let response), .serverError(_, _, let response),
            .unexpectedStatus(_, _, let response), .redirectRefused(_, _, let response),
            .decodingFailed(_, _, _, _, let response):
            response
        case .invalidRequest, .timedOut, .transportFailed, .cancelled, .paginationCycle, .pageLimitReached:
            nil
        }
    }

    /// The HTTP status of the response, for the cases that had one.
    public var status: Int? { response?.status }

    /// The response's request ID (see ``Response/requestID``), when it sent one.
    public var requestID: String? { response?.requestID }

    /// Whether the failure is transient, so the same call may succeed later: a 408, 429 or
    /// 5xx, a timeout, a transport failure. The client has already retried what its
    /// ``RetryPolicy`` allows; a `POST` that failed this way may or may not have taken effect.
    public var isRetryable: Bool {
        switch self {
        case .rateLimited, .serverError, .timedOut, .transportFailed: true
        case .unexpectedStatus(_, _, let response): response.status == 408
        case .badRequest, .unauthorized, .forbidden, .notFound, .redirectRefused, .decodingFailed, .invalidRequest,
            .cancelled, .paginationCycle, .pageLimitReached:
            false
        }
    }
}

extension WherebyError: CustomStringConvertible, LocalizedError {
    /// One line, like `getMeeting: 404 not found: Meeting not found (request ID abc-123)`.
    public var description: String {
        let summary: String
        switch self {
        case .badRequest(let operation, let message, _):
            summary = "\(operation): 400 bad request" + (message.map { ": \($0)" } ?? "")
        case .unauthorized(let operation, let message, _):
            summary = "\(operation): 401 unauthorized: \(message ?? "the API key is missing or invalid")"
        case .forbidden(let operation, let message, _):
            summary = "\(operation): 403 forbidden: \(message ?? "the API key may not perform this action")"
        case .notFound(let operation, let message, _):
            summary = "\(operation): 404 not found" + (message.map { ": \($0)" } ?? "")
        case .rateLimited(let operation, let info, _):
            summary = "\(operation): 429 rate limited: \(info)"
        case .serverError(let operation, let message, let response):
            summary = "\(operation): server error \(response.status)" + (message.map { ": \($0)" } ?? "")
        case .unexpectedStatus(let operation, let bodyExcerpt, let response):
            summary = "\(operation): unexpected status \(response.status); " + (bodyExcerpt.isEmpty ? "empty body" : "body: \(bodyExcerpt)")
        case .redirectRefused(let operation, let location, let response):
            summary = "\(operation): refused to follow a \(response.status) redirect to another origin, \(location)"
        case .decodingFailed(let operation, let codingPath, let reason, let bodyExcerpt, _):
            summary = "\(operation): could not decode the response" + (codingPath.isEmpty ? "" : " at \(codingPath)")
                + ": \(reason); " + (bodyExcerpt.isEmpty ? "empty body" : "body: \(bodyExcerpt)")
        case .invalidRequest(let operation, let reason):
            summary = "\(operation): invalid request, not sent: \(reason)"
        case .timedOut(let operation, let kind, let limit):
            summary = "\(operation): timed out: " + CallTimeout(kind: kind, limit: limit).description
        case .transportFailed(let operation, let underlying):
            // APIClientError describes transport errors without their user info (URLs).
            summary = APIClientError.transportFailed(operationID: operation, underlying: underlying).description
        case .cancelled(let operation):
            summary = "\(operation): cancelled"
        case .paginationCycle(let operation, _, let pages):
            summary = "\(operation): the server returned a cursor already followed after \(pages) pages; stopped instead of repeating pages"
        case .pageLimitReached(let operation, let maximumPages, _):
            summary = "\(operation): stopped after \(maximumPages) pages, the maximum; resume from nextCursor or raise maximumPages"
        }
        return summary + (requestID.map { " (request ID \($0))" } ?? "")
    }

    public var errorDescription: String? { description }
}

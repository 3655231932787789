public import Foundation
import OpenAPIClientSupport

/// Why a call to the Whereby API failed: the one error type every ``WherebyClient`` operation
/// throws.
///
/// ```swift
/// do {
///     let meeting = try await client.getMeeting(meetingId: id)
/// } catch WherebyError.notFound {
///     // gone already
/// } catch WherebyError.rateLimited(_, let info) {
///     // retries are spent; try again after info.retryAfter
/// } catch {
///     logger.error("\(error)")  // one line, never the API key
/// }
/// ```
///
/// Every case names the operation (`getMeeting`). Descriptions are one line, quote at most
/// 512 bytes of a response body, and never contain the API key or request headers.
public enum WherebyError: Error, Sendable {
    /// 401: the API key is missing or invalid. `message` is the server's, when it gave one.
    case unauthorized(operation: String, message: String?)
    /// 403: the API key may not perform this action.
    case forbidden(operation: String, message: String?)
    /// 404: the meeting, recording or other resource does not exist.
    case notFound(operation: String, message: String?)
    /// 429: the organization's points are spent, and retrying (as the ``RetryPolicy`` allows)
    /// did not help. `info` says how long the server asked to wait.
    case rateLimited(operation: String, RateLimitInfo)
    /// Any other status the operation does not document as a success.
    case unexpectedStatus(operation: String, status: Int, bodyExcerpt: String)
    /// The response does not have the documented shape.
    /// - Parameters:
    ///   - codingPath: Where decoding stopped, like `results[1].endDate`; empty for the root.
    ///   - reason: What was wrong there.
    ///   - bodyExcerpt: The start of the body.
    case decodingFailed(operation: String, codingPath: String, reason: String, bodyExcerpt: String)
    /// The request was not sent because an argument cannot be sent or breaks a constraint of
    /// the API, like an empty meeting ID.
    case invalidRequest(operation: String, reason: String)
    /// The request could not be sent or its response not read: no connection, a timeout, a
    /// body over the size limit. `underlying` is the transport's error.
    case transportFailed(operation: String, underlying: any Error)
    /// The calling task was cancelled (or the transport cancelled the request).
    case cancelled(operation: String)
    /// An `all…` walk met a cursor it had already followed (the server would repeat pages
    /// forever), after fetching `pages` pages.
    case paginationCycle(operation: String, cursor: String, pages: Int)
    /// An `all…` walk fetched its maximum number of pages and the list goes on: resume with
    /// `startingAt: nextCursor`, or raise the maximum with `.maximumPages(_:)`.
    case pageLimitReached(operation: String, maximumPages: Int, nextCursor: String)

    /// The operation that failed, like `createMeeting`.
    public var operation: String {
        switch self {
        case .unauthorized(let operation, _), .forbidden(let operation, _), .notFound(let operation, _),
            .rateLimited(let operation, _), .unexpectedStatus(let operation, _, _),
            .decodingFailed(let operation, _, _, _), .invalidRequest(let operation, _),
            .transportFailed(let operation, _), .cancelled(let operation),
            .paginationCycle(let operation, _, _), .pageLimitReached(let operation, _, _):
            operation
        }
    }

    /// The HTTP status of the response, for the cases that have one.
    public var status: Int? {
        switch self {
        case .unauthorized: 401
        case .forbidden: 403
        case .notFound: 404
        case .rateLimited: 429
        case .unexpectedStatus(_, let status, _): status
        case .decodingFailed, .invalidRequest, .transportFailed, .cancelled: nil
        case .paginationCycle, .pageLimitReached: nil
        }
    }
}

extension WherebyError: CustomStringConvertible, LocalizedError {
    /// One line, like `getMeeting: 404 not found: Meeting not found`.
    public var description: String {
        switch self {
        case .unauthorized(let operation, let message):
            "\(operation): 401 unauthorized: \(message ?? "the API key is missing or invalid")"
        case .forbidden(let operation, let message):
            "\(operation): 403 forbidden: \(message ?? "the API key may not perform this action")"
        case .notFound(let operation, let message):
            "\(operation): 404 not found" + (message.map { ": \($0)" } ?? "")
        case .rateLimited(let operation, let info):
            "\(operation): 429 rate limited: \(info)"
        case .unexpectedStatus(let operation, let status, let bodyExcerpt):
            "\(operation): unexpected status \(status); " + (bodyExcerpt.isEmpty ? "empty body" : "body: \(bodyExcerpt)")
        case .decodingFailed(let operation, let codingPath, let reason, let bodyExcerpt):
            "\(operation): could not decode the response" + (codingPath.isEmpty ? "" : " at \(codingPath)")
                + ": \(reason); " + (bodyExcerpt.isEmpty ? "empty body" : "body: \(bodyExcerpt)")
        case .invalidRequest(let operation, let reason):
            "\(operation): invalid request, not sent: \(reason)"
        case .transportFailed(let operation, let underlying):
            // APIClientError describes transport errors without their user info (URLs).
            APIClientError.transportFailed(operationID: operation, underlying: underlying).description
        case .cancelled(let operation):
            "\(operation): cancelled"
        case .paginationCycle(let operation, _, let pages):
            "\(operation): the server returned a cursor already followed after \(pages) pages; stopped instead of repeating pages"
        case .pageLimitReached(let operation, let maximumPages, _):
            "\(operation): stopped after \(maximumPages) pages, the maximum; resume from nextCursor or raise maximumPages"
        }
    }

    public var errorDescription: String? { description }
}

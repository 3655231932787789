public import Foundation

/// Why an operation call failed.
///
/// Every case names the operation. Descriptions are one line, quote at most about 512 bytes
/// of a response body, and never contain header values, credentials or request bodies. The
/// runtime replaces its credentials' secrets with `<redacted>` in a response's whole body and
/// header values before anything quotes them, so no cut can leave a piece of a secret.
///
/// ```swift
/// do {
///     let meeting = try await client.getMeeting(meetingId: id)
/// } catch APIClientError.unexpectedStatus(_, let response) where response.status == 404 {
///     // not found
/// }
/// ```
public enum APIClientError: Error, Sendable {
    /// The server answered with a status the operation does not expect; `response` holds the
    /// status, headers and (bounded) body, for example to decode an error model with
    /// ``APIResponse/decode(_:using:)``.
    case unexpectedStatus(operationID: String, response: APIResponse)

    /// The response body does not match the expected type.
    /// - Parameters:
    ///   - codingPath: Where decoding stopped, like `results[1].endDate`; empty for the root.
    ///   - reason: What was wrong there.
    ///   - bodyExcerpt: The start of the body (at most 512 bytes), for context.
    ///   - response: The response, its status and headers (secrets redacted).
    case decodingFailed(operationID: String, codingPath: String, reason: String, bodyExcerpt: String, response: APIResponse)

    /// The request body could not be encoded.
    case encodingFailed(operationID: String, reason: String)

    /// A parameter value cannot be sent: it has no form in the requested style, is empty in a
    /// path, or is missing for a path placeholder.
    case invalidParameter(operationID: String, name: String, reason: String)

    /// The transport or a middleware threw, or the response body could not be read (for
    /// example because it exceeded ``APIRuntime/maximumResponseBodySize``).
    case transportFailed(operationID: String, underlying: any Error)

    /// The transport reported that the request was cancelled although the calling task was
    /// not (for example, an invalidated `URLSession`). When the calling task itself is
    /// cancelled, ``APIRuntime`` throws `CancellationError` instead, as Swift concurrency
    /// code expects, unless it has an ``APIRuntime/errorMapper``, which is handed this case
    /// for task cancellation too.
    case cancelled(operationID: String)

    /// A paginated walk met a cursor it had already followed, so the list would repeat forever;
    /// `pages` pages were fetched. See ``CursorPages``.
    case paginationCycle(operationID: String, cursor: String, pages: Int)

    /// A paginated walk fetched its maximum number of pages and the list goes on; resume from
    /// `nextCursor`, or raise the maximum. See ``CursorPages/maximumPages(_:)``.
    case pageLimitReached(operationID: String, maximumPages: Int, nextCursor: String)

    /// The operation that failed.
    public var operationID: String {
        switch self {
        case .unexpectedStatus(let operationID, _),
            .decodingFailed(let operationID, _, _, _, _),
            .encodingFailed(let operationID, _),
            .invalidParameter(let operationID, _, _),
            .transportFailed(let operationID, _),
            .cancelled(let operationID),
            .paginationCycle(let operationID, _, _),
            .pageLimitReached(let operationID, _, _):
            operationID
        }
    }

    /// The response, for ``unexpectedStatus(operationID:response:)`` and
    /// ``decodingFailed(operationID:codingPath:reason:bodyExcerpt:response:)``.
    public var response: APIResponse? {
        switch self {
        case .unexpectedStatus(_, let response), .decodingFailed(_, _, _, _, let response): response
        default: nil
        }
    }
}

extension APIClientError: CustomStringConvertible, LocalizedError {
    /// One line saying what happened, like
    /// `getMeeting: unexpected status 404 Not Found; body: {"error":"Meeting not found"}`.
    public var description: String {
        switch self {
        case .unexpectedStatus(let operationID, let response):
            let phrase = Self.reasonPhrase(for: response.status)
            let status = phrase.map { "\(response.status) \($0)" } ?? "\(response.status)"
            let excerpt = Self.excerpt(of: response.body)
            return "\(operationID): unexpected status \(status); " + (excerpt.isEmpty ? "empty body" : "body: \(excerpt)")
        case .decodingFailed(let operationID, let codingPath, let reason, let bodyExcerpt, _):
            let location = codingPath.isEmpty ? "" : " at \(codingPath)"
            let body = bodyExcerpt.isEmpty ? "empty body" : "body: \(bodyExcerpt)"
            return "\(operationID): could not decode the response\(location): \(reason); \(body)"
        case .encodingFailed(let operationID, let reason):
            return "\(operationID): could not encode the request body: \(reason)"
        case .invalidParameter(let operationID, let name, let reason):
            return "\(operationID): invalid parameter '\(name)': \(reason)"
        case .transportFailed(let operationID, let underlying):
            return "\(operationID): the request failed: \(Self.safeDescription(of: underlying))"
        case .cancelled(let operationID):
            return "\(operationID): the request was cancelled"
        case .paginationCycle(let operationID, _, let pages):
            return "\(operationID): the server returned a cursor already followed after \(pages) pages; stopped instead of repeating pages"
        case .pageLimitReached(let operationID, let maximumPages, _):
            return "\(operationID): stopped after \(maximumPages) pages, the maximum; resume from the error's nextCursor or raise maximumPages"
        }
    }

    public var errorDescription: String? { description }
}

import OpenAPIClientSupport

/// How a call ended, in a word a dashboard can group by: the `outcome` of the call metrics and
/// log event, and the `error.type` of a failed call's span when no status says more.
enum CallOutcome: String, Sendable, CaseIterable {
    case success
    /// A response came with a status the operation does not expect.
    case httpError = "http_error"
    /// An attempt, the call or its wait for points took longer than its ``Timeouts``.
    case timeout
    /// The transport failed: no connection, a connection lost, a malformed response.
    case transportError = "transport_error"
    /// A redirect to another origin, or one too many, was not followed.
    case redirectRefused = "redirect_refused"
    /// The response body was longer than the runtime reads.
    case responseTooLarge = "response_too_large"
    /// The response body was not what the document says.
    case decodingError = "decoding_error"
    /// The request could not be built from the arguments; nothing was sent.
    case invalidRequest = "invalid_request"
    case cancelled

    /// The outcome of a call that threw `error` (before the client mapped it), or succeeded.
    init(_ error: (any Error)?) {
        guard let error else {
            self = .success
            return
        }
        switch error {
        case let error as APIClientError:
            switch error {
            case .unexpectedStatus: self = .httpError
            case .decodingFailed: self = .decodingError
            case .encodingFailed, .invalidParameter: self = .invalidRequest
            case .cancelled: self = .cancelled
            case .transportFailed(_, let underlying): self = CallOutcome(transportFailure: underlying)
            // Raised while paging, never by one call.
            case .paginationCycle, .pageLimitReached: self = .decodingError
            }
        case is CancellationError: self = .cancelled
        default: self = CallOutcome(transportFailure: error)
        }
    }

    /// The outcome of an attempt whose transport (or a layer around it) threw `error`.
    init(transportFailure error: any Error) {
        switch error {
        case is CallTimeout: self = .timeout
        case is RedirectRefusedError: self = .redirectRefused
        case is ResponseBodyTooLargeError: self = .responseTooLarge
        case is CancellationError: self = .cancelled
        default: self = .transportError
        }
    }

    /// `2xx` for 200 to 299, and so on; `none` without a status.
    static func statusClass(_ status: Int?) -> String {
        guard let status, (100...599).contains(status) else { return "none" }
        return "\(status / 100)xx"
    }
}

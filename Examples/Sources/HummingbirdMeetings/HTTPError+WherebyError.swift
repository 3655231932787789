import Hummingbird
import Logging
import WherebyAPI

extension HTTPError {
    /// The answer to give this service's caller when a call to Whereby failed.
    ///
    /// Problems of the service itself (a refused API key, an answer it cannot read) are a
    /// `502 Bad Gateway` for the caller and an error in the log, which is safe: a `WherebyError`
    /// never contains the API key. Whereby's rate limit, after the client's retries, is a
    /// `503 Service Unavailable` with the delay Whereby asked for.
    init(_ error: WherebyError, logger: Logger) {
        switch error {
        case .notFound:
            self.init(.notFound, message: "no such meeting")
        case .invalidRequest(_, let reason):
            self.init(.badRequest, message: reason)
        case .rateLimited(_, let info, _):
            logger.warning("Whereby rate limit reached", metadata: ["error": "\(error)"])
            var headers = HTTPFields()
            if let delay = info.retryAfter {
                headers[.retryAfter] = String(max(1, delay.components.seconds))
            }
            self.init(.serviceUnavailable, headers: headers, message: "too many meetings are being created; try again later")
        case .cancelled:
            self.init(.serviceUnavailable, message: "the request was cancelled")
        case .timedOut:
            logger.warning("Whereby call timed out", metadata: ["error": "\(error)"])
            self.init(.gatewayTimeout, message: "Whereby did not answer in time")
        case .badRequest, .unauthorized, .forbidden, .serverError, .unexpectedStatus, .redirectRefused, .decodingFailed,
            .transportFailed, .paginationCycle, .pageLimitReached:
            logger.error("Whereby call failed", metadata: ["error": "\(error)"])
            self.init(.badGateway, message: "Whereby could not be reached or refused the request")
        }
    }
}

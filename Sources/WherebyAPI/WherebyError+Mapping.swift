import Foundation
import OpenAPIClientSupport

extension WherebyError {
    /// The Whereby error for what the runtime threw; ``WherebyClient/init(apiKey:configuration:)``
    /// installs this as the runtime's `errorMapper`.
    /// - Parameters:
    ///   - error: What the runtime threw.
    ///   - now: The current date, to turn a 429's `X-RateLimit-Reset` into a delay.
    ///   - redactor: Removes the API key from anything quoted from a response.
    init(_ error: APIClientError, now: Date, redactor: SecretRedactor = SecretRedactor()) {
        switch error {
        case .unexpectedStatus(let operation, let response):
            self.init(status: response, operation: operation, now: now, redactor: redactor)
        case .decodingFailed(let operation, let codingPath, let reason, let bodyExcerpt):
            self = .decodingFailed(
                operation: operation,
                codingPath: codingPath,
                reason: redactor.redact(reason),
                bodyExcerpt: redactor.redact(bodyExcerpt)
            )
        case .encodingFailed(let operation, let reason):
            self = .invalidRequest(operation: operation, reason: "the body cannot be encoded: \(reason)")
        case .invalidParameter(let operation, let name, let reason):
            self = .invalidRequest(operation: operation, reason: "'\(name)': \(reason)")
        case .transportFailed(let operation, let underlying):
            self = .transportFailed(operation: operation, underlying: underlying)
        case .cancelled(let operation):
            self = .cancelled(operation: operation)
        case .paginationCycle(let operation, let cursor, let pages):
            self = .paginationCycle(operation: operation, cursor: cursor, pages: pages)
        case .pageLimitReached(let operation, let maximumPages, let nextCursor):
            self = .pageLimitReached(operation: operation, maximumPages: maximumPages, nextCursor: nextCursor)
        }
    }

    private init(status response: APIResponse, operation: String, now: Date, redactor: SecretRedactor) {
        switch response.status {
        case 401: self = .unauthorized(operation: operation, message: Self.message(in: response, redactor: redactor))
        case 403: self = .forbidden(operation: operation, message: Self.message(in: response, redactor: redactor))
        case 404: self = .notFound(operation: operation, message: Self.message(in: response, redactor: redactor))
        case 429:
            var info = RateLimitInfo(headerFields: response.headerFields, body: response.body, now: now)
            info.message = info.message.map(redactor.redact)
            self = .rateLimited(operation: operation, info)
        default:
            self = .unexpectedStatus(operation: operation, status: response.status, bodyExcerpt: redactor.redact(response.bodyExcerpt))
        }
    }

    /// The `error` (or `message`) string of a JSON error body, as Whereby sends them, on one
    /// line and at most 200 characters.
    private static func message(in response: APIResponse, redactor: SecretRedactor) -> String? {
        guard case .object(let object)? = try? response.decode(JSONValue.self),
              let text = (object["error"] ?? object["message"])?.stringValue
        else { return nil }
        let line = String(text.prefix(200).map { $0.isNewline ? " " : $0 })
        return line.isEmpty ? nil : redactor.redact(line)
    }
}

/// Replaces the API key with `<redacted>` in text quoted from responses, in case a server
/// echoes it back. Its description and mirror show nothing of the key.
struct SecretRedactor: Sendable, CustomStringConvertible, CustomReflectable {
    private let secret: String?

    /// Redacts `secret`; keys shorter than 8 characters are not searched for, since they would
    /// match ordinary text.
    init(secret: String? = nil) {
        self.secret = secret.flatMap { $0.count >= 8 ? $0 : nil }
    }

    func redact(_ text: String) -> String {
        guard let secret, text.contains(secret) else { return text }
        return text.replacingOccurrences(of: secret, with: "<redacted>")
    }

    var description: String { "SecretRedactor(<redacted>)" }
    var customMirror: Mirror { Mirror(self, children: [:]) }
}

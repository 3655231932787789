import Foundation
import HTTPTypes
import OpenAPIClientSupport

extension WherebyError {
    /// The Whereby error for what the runtime threw; ``WherebyClient/init(apiKey:configuration:)``
    /// installs this as the runtime's `errorMapper`.
    /// - Parameters:
    ///   - error: What the runtime threw.
    ///   - now: The current date, to turn a 429's `X-RateLimit-Reset` into a delay.
    ///   - redactor: Removes the API key from anything quoted from a response, before any cut.
    init(_ error: APIClientError, now: Date, redactor: SecretRedactor = SecretRedactor()) {
        switch error {
        case .unexpectedStatus(let operation, let response):
            self.init(status: response, operation: operation, now: now, redactor: redactor)
        case .decodingFailed(let operation, let codingPath, let reason, let bodyExcerpt, let apiResponse):
            // The runtime redacted the whole body before cutting the excerpt; this is a second net.
            self = .decodingFailed(
                operation: operation,
                codingPath: redactor.redact(codingPath),
                reason: redactor.redact(reason),
                bodyExcerpt: redactor.redact(bodyExcerpt),
                response: Response(status: apiResponse.status, headerFields: Self.safeHeaders(apiResponse.headerFields, redactor: redactor))
            )
        case .encodingFailed(let operation, let reason):
            self = .invalidRequest(operation: operation, reason: "the body cannot be encoded: \(reason)")
        case .invalidParameter(let operation, let name, let reason):
            self = .invalidRequest(operation: operation, reason: "'\(name)': \(reason)")
        case .transportFailed(let operation, let underlying):
            self.init(failure: underlying, operation: operation, redactor: redactor)
        case .cancelled(let operation):
            self = .cancelled(operation: operation)
        case .paginationCycle(let operation, let cursor, let pages):
            self = .paginationCycle(operation: operation, cursor: cursor, pages: pages)
        case .pageLimitReached(let operation, let maximumPages, let nextCursor):
            self = .pageLimitReached(operation: operation, maximumPages: maximumPages, nextCursor: nextCursor)
        }
    }

    private init(failure underlying: any Error, operation: String, redactor: SecretRedactor) {
        switch underlying {
        case let timeout as CallTimeout:
            self = .timedOut(operation: operation, timeout.kind, limit: timeout.limit)
        case let refused as RedirectRefusedError:
            let response = Response(status: refused.status, headerFields: Self.safeHeaders(refused.response.headerFields, redactor: redactor))
            self = .redirectRefused(operation: operation, location: refused.origin, response: response)
        case is CancellationError:
            self = .cancelled(operation: operation)
        default:
            self = .transportFailed(operation: operation, underlying: underlying)
        }
    }

    private init(status apiResponse: APIResponse, operation: String, now: Date, redactor: SecretRedactor) {
        let response = Response(status: apiResponse.status, headerFields: Self.safeHeaders(apiResponse.headerFields, redactor: redactor))
        let message = Self.message(in: apiResponse, redactor: redactor)
        switch apiResponse.status {
        case 400: self = .badRequest(operation: operation, message: message, response: response)
        case 401: self = .unauthorized(operation: operation, message: message, response: response)
        case 403: self = .forbidden(operation: operation, message: message, response: response)
        case 404: self = .notFound(operation: operation, message: message, response: response)
        case 429:
            var info = RateLimitInfo(headerFields: apiResponse.headerFields, body: apiResponse.body, now: now)
            info.message = message
            self = .rateLimited(operation: operation, info, response: response)
        case 500...599:
            let excerpt = Self.excerpt(of: apiResponse.body, redactor: redactor)
            self = .serverError(operation: operation, message: message ?? (excerpt.isEmpty ? nil : excerpt), response: response)
        default:
            self = .unexpectedStatus(operation: operation, bodyExcerpt: Self.excerpt(of: apiResponse.body, redactor: redactor), response: response)
        }
    }

    /// The most characters of a server's message an error quotes.
    static let messageLimit = 200

    /// The `error` (or `message`) string of a JSON error body, as Whereby sends them: the key
    /// removed from the whole string first, then cut to ``messageLimit`` characters on one line.
    static func message(in response: APIResponse, redactor: SecretRedactor) -> String? {
        guard case .object(let object)? = try? response.decode(JSONValue.self),
              let text = (object["error"] ?? object["message"])?.stringValue
        else { return nil }
        let line = SecretText.line(redactor.redact(text), limit: messageLimit)
        return line.isEmpty ? nil : line
    }

    /// The start of a body: the key removed from all of it first, then cut to 512 bytes.
    static func excerpt(of body: Data, redactor: SecretRedactor) -> String {
        APIResponse(status: 0, body: redactor.redact(body)).bodyExcerpt
    }

    /// Headers without those that carry secrets, and with the key redacted from the rest.
    static func safeHeaders(_ fields: HTTPFields, redactor: SecretRedactor) -> HTTPFields {
        var safe = HTTPFields()
        for field in fields where !secretHeaders.contains(field.name) {
            safe.append(HTTPField(name: field.name, value: redactor.redact(field.value)))
        }
        return safe
    }

    private static let secretHeaders: Set<HTTPField.Name> = [.setCookie, .cookie, .authorization, .proxyAuthorization]
}

/// Replaces the API key with `<redacted>` in text quoted from responses, in case a server
/// echoes it back. Its description and mirror show nothing of the key.
struct SecretRedactor: Sendable, CustomStringConvertible, CustomReflectable {
    private let secrets: [String]

    /// Redacts `secret`; keys shorter than 8 characters are not searched for, since they would
    /// match ordinary text.
    init(secret: String? = nil) {
        secrets = secret.map { [$0] } ?? []
    }

    /// The whole of `text` with the key replaced.
    func redact(_ text: String) -> String {
        SecretText.redact(text, secrets: secrets)
    }

    /// The whole of `data` with the key's bytes replaced.
    func redact(_ data: Data) -> Data {
        SecretText.redact(data, secrets: secrets)
    }

    var description: String { "SecretRedactor(<redacted>)" }
    var customMirror: Mirror { Mirror(self, children: [:]) }
}

internal import Foundation
internal import HTTPTypes

/// Turning errors, coding paths and bodies into the short, secret-free text of
/// ``APIClientError`` descriptions.
extension APIClientError {
    /// The most bytes of a body an error quotes.
    static let excerptLimit = 512

    /// A coding path written the way people read it: `results[1].endDate`.
    static func render(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue, key.stringValue == "Index \(index)" || key.stringValue == "\(index)" {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    /// Where decoding stopped and why, from a `DecodingError` or any error a custom
    /// `init(from:)` threw.
    static func location(of error: any Error) -> (codingPath: String, reason: String) {
        guard let error = error as? DecodingError else { return ("", reason(for: error)) }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return (render(context.codingPath), sentence(context.debugDescription))
        case .keyNotFound(let key, let context):
            return (render(context.codingPath + [key]), "the required key '\(key.stringValue)' is missing")
        case .dataCorrupted(let context):
            var reason = sentence(context.debugDescription)
            if let underlying = context.underlyingError {
                reason += " (\(singleLine(String(describing: underlying))))"
            }
            return (render(context.codingPath), reason)
        @unknown default:
            return ("", singleLine(String(describing: error)))
        }
    }

    /// One line explaining an encoding or style error, with the coding path when there is one.
    static func reason(for error: any Error) -> String {
        switch error {
        case let error as EncodingError:
            guard case .invalidValue(_, let context) = error else { return singleLine(String(describing: error)) }
            let path = render(context.codingPath)
            return (path.isEmpty ? "" : "at \(path): ") + sentence(context.debugDescription)
        case let error as ParameterStyleError:
            return error.reason
        case let error as DecodingError:
            let (path, reason) = location(of: error)
            return (path.isEmpty ? "" : "at \(path): ") + reason
        default:
            return singleLine(String(describing: error))
        }
    }

    /// The standard reason phrase of a status code, like `Not Found` for 404.
    static func reasonPhrase(for code: Int) -> String? {
        knownStatuses.first { $0.code == code }?.reasonPhrase
    }

    private static let knownStatuses: [HTTPResponse.Status] = [
        .continue, .switchingProtocols, .earlyHints, .ok, .created, .accepted, .nonAuthoritativeInformation,
        .noContent, .resetContent, .partialContent, .multipleChoices, .movedPermanently, .found, .seeOther,
        .notModified, .temporaryRedirect, .permanentRedirect, .badRequest, .unauthorized, .forbidden, .notFound,
        .methodNotAllowed, .notAcceptable, .proxyAuthenticationRequired, .requestTimeout, .conflict, .gone,
        .lengthRequired, .preconditionFailed, .contentTooLarge, .uriTooLong, .unsupportedMediaType,
        .rangeNotSatisfiable, .expectationFailed, .misdirectedRequest, .unprocessableContent, .tooEarly,
        .upgradeRequired, .preconditionRequired, .tooManyRequests, .requestHeaderFieldsTooLarge,
        .unavailableForLegalReasons, .internalServerError, .notImplemented, .badGateway, .serviceUnavailable,
        .gatewayTimeout, .httpVersionNotSupported, .networkAuthenticationRequired,
    ]

    /// Describes a transport error without what Foundation errors carry in their user info
    /// (the failing URL, whose query may hold an API key).
    static func safeDescription(of error: any Error) -> String {
        switch error {
        case let error as URLError:
            "URLError \(error.code.rawValue): \(sentence(error.localizedDescription))"
        case let error as CocoaError:
            "CocoaError \(error.code.rawValue): \(sentence(error.localizedDescription))"
        default:
            singleLine(String(describing: error))
        }
    }

    /// The start of a body as one line of text: at most ``excerptLimit`` bytes, cut on a
    /// character boundary and marked with `…` when longer, line breaks turned into spaces.
    /// A body that is not UTF-8 text is shown as its size.
    static func excerpt(of body: Data) -> String {
        guard !body.isEmpty else { return "" }
        let truncated = body.count > excerptLimit
        let bytes = body.prefix(excerptLimit)
        // A limit that cuts a multi-byte character in half leaves up to three bytes of it.
        let candidates = truncated ? Array(0...3) : [0]
        guard
            let text = candidates.lazy.compactMap({ String(bytes: bytes.dropLast($0), encoding: .utf8) }).first,
            !text.unicodeScalars.contains("\0")
        else {
            return "<\(body.count) bytes of binary data>"
        }
        let line = String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        return truncated ? "\(line)… (\(body.count) bytes)" : line
    }

    /// A message as a clause: first letter lower-cased (unless it starts an acronym), no
    /// final period, on one line.
    static func sentence(_ message: String) -> String {
        var text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasSuffix(".") { text.removeLast() }
        let characters = Array(text.prefix(2))
        if characters.count == 2, characters[0].isUppercase, characters[1].isLowercase {
            text = characters[0].lowercased() + text.dropFirst()
        }
        return singleLine(text)
    }

    /// `text` with line breaks turned into spaces.
    static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}

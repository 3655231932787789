public import Foundation
public import HTTPTypes

/// Removing secrets from what is quoted from a response, before anything is cut.
///
/// A server may echo the API key back (in an error message, a header, a malformed body). The
/// runtime replaces every occurrence with `<redacted>` in the whole text first and only then
/// cuts it to an excerpt: cutting first could split the key and leave half of it.
public enum SecretText {
    /// What replaces a secret.
    public static let marker = "<redacted>"

    /// Secrets shorter than this are not searched for: they would match ordinary text.
    public static let minimumLength = 8

    /// `text` with every secret of `secrets` replaced by ``marker``.
    public static func redact(_ text: String, secrets: [String]) -> String {
        var text = text
        for secret in secrets where secret.count >= minimumLength && text.contains(secret) {
            text = text.replacingOccurrences(of: secret, with: marker)
        }
        return text
    }

    /// `data` with the UTF-8 bytes of every secret replaced by those of ``marker``.
    public static func redact(_ data: Data, secrets: [String]) -> Data {
        var data = data
        let marker = Data(Self.marker.utf8)
        for secret in secrets where secret.count >= minimumLength {
            let needle = Data(secret.utf8)
            var searchFrom = data.startIndex
            while let range = data.range(of: needle, in: searchFrom..<data.endIndex) {
                data.replaceSubrange(range, with: marker)
                searchFrom = range.lowerBound + marker.count
            }
        }
        return data
    }

    /// Header fields with the values that contain a secret replaced by ``marker``.
    public static func redact(_ fields: HTTPFields, secrets: [String]) -> HTTPFields {
        var redacted = HTTPFields()
        for var field in fields {
            let value = redact(field.value, secrets: secrets)
            if value != field.value { field.value = value }
            redacted.append(field)
        }
        return redacted
    }

    /// The first `limit` characters of `text` (already redacted) on one line, for messages.
    public static func line(_ text: String, limit: Int) -> String {
        String(text.prefix(limit).map { $0.isNewline ? " " : $0 })
    }
}

extension Credentials {
    /// The secret texts of every credential, as a server could echo them back: tokens, keys,
    /// passwords and the `Basic` header value.
    var secrets: [String] {
        schemes.compactMap { self[scheme: $0] }.flatMap(\.secrets).filter { $0.count >= SecretText.minimumLength }
    }
}

extension Credential {
    /// The texts of this credential that must never be quoted.
    var secrets: [String] {
        switch self {
        case .bearer(let token): [token]
        case .basic(let username, let password): [password, Data("\(username):\(password)".utf8).base64EncodedString()]
        case .apiKey(let key, _, _): [key, PercentEncoding.encode(key)]
        }
    }
}

/// A header value with parameters, as in `Content-Type` and `Content-Disposition`:
/// `multipart/form-data; boundary="abc"` or `form-data; name="image"; filename="logo.png"`.
struct HeaderValue: Sendable, Equatable {
    /// The value before the first `;`, lower-cased: `multipart/form-data`.
    let value: String
    /// Parameters by lower-cased name, quotes and escapes removed.
    let parameters: [String: String]

    init(_ text: String) {
        var segments = Self.splitOutsideQuotes(text)
        value = segments.isEmpty ? "" : segments.removeFirst().trimmingSpaces().lowercased()
        var parameters: [String: String] = [:]
        for segment in segments {
            let parts = segment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            let name = String(parts[0]).trimmingSpaces().lowercased()
            parameters[name] = Self.unquote(String(parts[1]).trimmingSpaces())
        }
        self.parameters = parameters
    }

    /// Whether the value is a JSON media type: `application/json` or any `+json` suffix.
    var isJSON: Bool {
        value == "application/json" || value.hasSuffix("+json")
    }

    private static func splitOutsideQuotes(_ text: String) -> [String] {
        var segments: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" && inQuotes {
                current.append(character)
                escaped = true
            } else if character == "\"" {
                current.append(character)
                inQuotes.toggle()
            } else if character == ";" && !inQuotes {
                segments.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        segments.append(current)
        return segments
    }

    private static func unquote(_ text: String) -> String {
        guard text.count >= 2, text.first == "\"", text.last == "\"" else { return text }
        var result = ""
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}

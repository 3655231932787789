internal import Foundation

/// Encodes a value's stored properties as a `multipart/form-data` body (RFC 7578).
enum MultipartEncoder {
    /// One part before framing.
    private struct Part {
        var name: String
        var filename: String?
        var contentType: String?
        var content: Data
    }

    /// Encodes `value`, returning the body and the boundary it uses.
    /// - Throws: ``ParameterStyleError`` when `value` is not an object with named fields, or
    ///   the errors of ``ParameterEncoder``.
    static func encode(_ value: some Encodable) throws -> (data: Data, boundary: String) {
        guard case .object(let members) = try ParameterEncoder.encode(value) else {
            throw ParameterStyleError(reason: "a multipart body must be an object with named fields")
        }
        var parts: [Part] = []
        for member in members {
            if case .array(let elements) = member.value {
                parts += elements.compactMap { part(named: member.key, $0) }
            } else if let part = part(named: member.key, member.value) {
                parts.append(part)
            }
        }
        let boundary = makeBoundary(avoiding: parts)
        return (frame(parts, boundary: boundary), boundary)
    }

    private static func part(named name: String, _ value: ParameterValue) -> Part? {
        switch value {
        case .null:
            nil
        case .file(let file):
            Part(name: name, filename: file.filename ?? name, contentType: file.contentType, content: file.data)
        case .string(let text), .number(let text):
            Part(name: name, content: Data(text.utf8))
        case .bool(let bool):
            Part(name: name, content: Data((bool ? "true" : "false").utf8))
        case .array, .object:
            Part(name: name, contentType: "application/json", content: Data(value.jsonText.utf8))
        }
    }

    /// A random boundary that occurs in no part's content (RFC 2046 requires it).
    private static func makeBoundary(avoiding parts: [Part]) -> String {
        while true {
            let boundary = "OpenAPIClientSupport-\(UUID().uuidString)"
            let bytes = Data(boundary.utf8)
            if !parts.contains(where: { $0.content.range(of: bytes) != nil }) { return boundary }
        }
    }

    private static func frame(_ parts: [Part], boundary: String) -> Data {
        var body = Data()
        body.reserveCapacity(parts.reduce(0) { $0 + $1.content.count + 160 })
        for part in parts {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(quoted(part.name))\""
            if let filename = part.filename { head += "; filename=\"\(quoted(filename))\"" }
            head += "\r\n"
            if let contentType = part.contentType { head += "Content-Type: \(singleLine(contentType))\r\n" }
            head += "\r\n"
            body.append(contentsOf: head.utf8)
            body.append(part.content)
            body.append(contentsOf: "\r\n".utf8)
        }
        body.append(contentsOf: "--\(boundary)--\r\n".utf8)
        return body
    }

    /// Escapes a name or file name for a quoted `Content-Disposition` parameter the way
    /// browsers do (WHATWG HTML, multipart/form-data encoding algorithm).
    private static func quoted(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "%22"
            case "\r": escaped += "%0D"
            case "\n": escaped += "%0A"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Keeps a header value on one line, so a content type cannot inject headers.
    private static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}

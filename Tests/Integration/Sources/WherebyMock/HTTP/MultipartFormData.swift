import Foundation

/// A `multipart/form-data` body (RFC 7578) split into its parts.
struct MultipartFormData: Sendable {
    /// One part of the form.
    struct Part: Sendable {
        /// The `name` of its `Content-Disposition`.
        let name: String
        /// The `filename` of its `Content-Disposition`, when it is a file.
        let filename: String?
        /// Its own `Content-Type`, when it has one.
        let contentType: String?
        let data: Data
    }

    let parts: [Part]

    /// The first part named `name`.
    func part(named name: String) -> Part? {
        parts.first { $0.name == name }
    }

    /// Splits `body` at `boundary`; a body that is not well-formed multipart is a 400.
    init(body: Data, boundary: String) throws {
        let bytes = [UInt8](body)
        let delimiter = Array("--\(boundary)".utf8)
        guard !boundary.isEmpty, var cursor = bytes.firstRange(of: delimiter)?.upperBound else {
            throw MockError.badRequest("multipart body does not contain its boundary \"\(boundary)\"")
        }
        var parts: [Part] = []
        while true {
            if bytes[cursor...].starts(with: Array("--".utf8)) { break }  // the closing delimiter
            cursor = try Self.skipLineBreak(in: bytes, at: cursor)
            guard let headerEnd = bytes[cursor...].firstRange(of: Array("\r\n\r\n".utf8)) else {
                throw MockError.badRequest("multipart part has no blank line after its headers")
            }
            let headers = Self.headers(String(decoding: bytes[cursor..<headerEnd.lowerBound], as: UTF8.self))
            let contentStart = headerEnd.upperBound
            guard let next = bytes[contentStart...].firstRange(of: Array("\r\n".utf8) + delimiter) else {
                throw MockError.badRequest("multipart body ends before its closing boundary \"--\(boundary)--\"")
            }
            let disposition = HeaderValue(headers["content-disposition"] ?? "")
            guard disposition.value == "form-data", let name = disposition.parameters["name"] else {
                throw MockError.badRequest("multipart part needs a Content-Disposition of form-data with a name")
            }
            parts.append(
                Part(
                    name: name,
                    filename: disposition.parameters["filename"],
                    contentType: headers["content-type"],
                    data: Data(bytes[contentStart..<next.lowerBound])
                )
            )
            cursor = next.upperBound
        }
        self.parts = parts
    }

    private static func skipLineBreak(in bytes: [UInt8], at index: Int) throws -> Int {
        if bytes[index...].starts(with: Array("\r\n".utf8)) { return index + 2 }
        throw MockError.badRequest("multipart boundary must be followed by a line break")
    }

    /// Header lines by lower-cased name.
    private static func headers(_ text: String) -> [String: String] {
        var headers: [String: String] = [:]
        for line in text.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            headers[String(parts[0]).trimmingSpaces().lowercased()] = String(parts[1]).trimmingSpaces()
        }
        return headers
    }
}

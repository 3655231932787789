public import Foundation
public import HTTPTypes

/// A response whose status the operation expected, with its whole body read into memory.
///
/// Its description and mirror show the status, header names and body size, but no header
/// values that may carry secrets (`Set-Cookie`, tokens) and no body contents.
public struct APIResponse: Sendable, Hashable {
    /// The status code, such as `200`.
    public var status: Int
    /// The header fields.
    public var headerFields: HTTPFields
    /// The body (empty when there was none).
    public var body: Data

    /// Creates a response.
    public init(status: Int, headerFields: HTTPFields = [:], body: Data = Data()) {
        self.status = status
        self.headerFields = headerFields
        self.body = body
    }

    /// The start of the body as one line of text, as errors quote it: at most 512 bytes, cut on
    /// a character boundary and marked with `…` when longer; a binary body as its size; empty
    /// for an empty body.
    public var bodyExcerpt: String {
        APIClientError.excerpt(of: body)
    }

    /// Decodes the body as JSON, for example an error model from an
    /// ``APIClientError/unexpectedStatus(operationID:response:)`` response.
    /// - Throws: `DecodingError` when the body is not a `T`.
    public func decode<T: Decodable>(_ type: T.Type, using coding: JSONCoding = .default) throws -> T {
        try coding.decode(T.self, from: body)
    }
}

extension APIResponse: CustomStringConvertible, CustomReflectable {
    /// Like `APIResponse(status: 200, headers: [Content-Type: application/json], 512 bytes)`.
    public var description: String {
        let headers = headerFields.map(APIRequest.redactedDescription).joined(separator: ", ")
        return "APIResponse(status: \(status), headers: [\(headers)], \(body.count) bytes)"
    }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "status": status,
                "headerFields": headerFields.map(APIRequest.redactedDescription),
                "body": "\(body.count) bytes",
            ],
            displayStyle: .struct
        )
    }
}

public import Foundation

/// The body of an ``APIRequest``, encoded when the request is built.
///
/// ```swift
/// request.body = .json(createMeeting)
/// request.body = .multipartForm(SetRoomLogoRequest(image: MultipartFile(data: png, contentType: "image/png")))
/// request.body = .data(bytes, contentType: "application/octet-stream")
/// ```
///
/// Descriptions and mirrors name the kind of body and its type or size, never its contents.
public enum RequestBody: Sendable {
    /// A value encoded as JSON with the runtime's ``JSONCoding``; `Content-Type: application/json`.
    case json(any Encodable & Sendable)

    /// A value whose stored properties become the parts of a `multipart/form-data` body.
    ///
    /// Each property is one part named after its coding key, in encoding order: ``MultipartFile``
    /// and `Data` become file parts (with a file name and their content type); strings,
    /// numbers, Booleans, dates and enums become text parts; arrays repeat the part once per
    /// element; nested objects become `application/json` parts. `nil` and `null` properties
    /// send no part. The boundary is random and checked not to occur in any part.
    case multipartForm(any Encodable & Sendable)

    /// A value whose stored properties become an `application/x-www-form-urlencoded` body,
    /// written like a query in form style with explode (`a=1&b=x%20y&tag=1&tag=2`); nested
    /// objects use deepObject brackets.
    case formURLEncoded(any Encodable & Sendable)

    /// Bytes sent as they are, with the given `Content-Type`.
    case data(Data, contentType: String)

    /// Text sent as UTF-8, with the given `Content-Type`.
    case text(String, contentType: String = "text/plain")
}

extension RequestBody {
    /// The body's bytes and `Content-Type`.
    /// - Throws: `EncodingError`, or ``ParameterStyleError`` for form and multipart bodies
    ///   that are not objects.
    func encoded(with coding: JSONCoding) throws -> (data: Data, contentType: String) {
        switch self {
        case .json(let value):
            return (try coding.encoder.encode(value), "application/json")
        case .multipartForm(let value):
            let body = try MultipartEncoder.encode(value)
            return (body.data, "multipart/form-data; boundary=\(body.boundary)")
        case .formURLEncoded(let value):
            let text = try ParameterEncoder.encode(value).formURLEncodedText()
            return (Data(text.utf8), "application/x-www-form-urlencoded")
        case .data(let data, let contentType):
            return (data, contentType)
        case .text(let text, let contentType):
            return (Data(text.utf8), contentType)
        }
    }

    /// The kind of body, for descriptions.
    var kind: String {
        switch self {
        case .json: "json"
        case .multipartForm: "multipartForm"
        case .formURLEncoded: "formURLEncoded"
        case .data: "data"
        case .text: "text"
        }
    }
}

extension RequestBody: CustomStringConvertible, CustomReflectable {
    /// The kind of body and its type or size, like `json(CreateMeetingRequest)` or
    /// `data(1024 bytes, image/png)`; never its contents.
    public var description: String {
        switch self {
        case .json(let value), .multipartForm(let value), .formURLEncoded(let value):
            "\(kind)(\(type(of: value)))"
        case .data(let data, let contentType):
            "data(\(data.count) bytes, \(contentType))"
        case .text(let text, let contentType):
            "text(\(text.utf8.count) bytes, \(contentType))"
        }
    }

    public var customMirror: Mirror {
        Mirror(self, children: ["body": description], displayStyle: .enum)
    }
}

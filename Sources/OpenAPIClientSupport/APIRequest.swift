public import HTTPTypes

/// One operation call, described the way the OpenAPI document describes it: a method, a path
/// template, parameters, security requirements and a body.
///
/// Generated code fills it in and hands it to ``APIRuntime/send(_:expecting:)``:
///
/// ```swift
/// var request = APIRequest(operationID: "getMeeting", method: .get, path: "/meetings/{meetingId}")
/// request.security = [["BearerAuth"]]
/// try request.setPathParameter("meetingId", meetingId)
/// try request.addQueryParameter("fields", fields, style: .form, explode: false)
/// ```
///
/// Parameters are encoded as they are added. A value that cannot be sent (an empty path
/// segment, a header value with a line break, a number with no text form) does not throw
/// there: it becomes the request's ``problem``, which ``APIRuntime/send(_:expecting:)`` throws
/// before anything is sent, through the runtime's ``APIRuntime/errorMapper`` like every other
/// failure of the call. Mistakes in the calling code itself (a placeholder the template does not
/// have, a header name that is not a token) still throw at once. The description and mirror
/// show the request for debugging without the values of sensitive headers or cookies, and
/// without the body's contents.
public struct APIRequest: Sendable {
    /// The document's `operationId`, passed to middlewares and named in every error.
    public var operationID: String
    /// The HTTP method.
    public var method: HTTPRequest.Method
    /// The path template relative to the server URL, with `{name}` placeholders.
    public var path: String
    /// Security requirements: alternatives (any one suffices) of scheme names (all needed).
    ///
    /// ``APIRuntime`` applies the first alternative whose schemes all have a credential in its
    /// ``Credentials``; an empty alternative (`[]`) means the operation also works without
    /// authentication. When no alternative can be met, the request is sent without
    /// credentials and the server decides. An empty list means no authentication.
    public var security: [[String]] = []
    /// The body, if any.
    public var body: RequestBody?
    /// Header fields sent as they are; header parameters are added here too.
    public var headerFields: HTTPFields = [:]
    /// The first argument found invalid while the request was built, if any: a parameter value
    /// that cannot be sent, or a constraint ``recordInvalidParameter(_:reason:)`` reported.
    /// ``APIRuntime`` throws it instead of sending the request.
    public internal(set) var problem: APIClientError?

    /// Encoded replacements for the path template's placeholders, by name.
    var pathParameters: [String: String] = [:]
    /// Encoded `name=value` query pieces, in the order they were added.
    var queryPieces: [String] = []
    /// Encoded `name=value` cookie pairs, in the order they were added.
    var cookiePieces: [String] = []

    /// Creates a request for an operation.
    /// - Parameters:
    ///   - operationID: The document's `operationId`.
    ///   - method: The HTTP method.
    ///   - path: The path template, such as `/meetings/{meetingId}`.
    public init(operationID: String, method: Method, path: String) {
        self.operationID = operationID
        self.method = method.httpMethod
        self.path = path
    }
}

extension APIRequest {
    /// The methods OpenAPI operations use, spelled without importing HTTPTypes: generated code
    /// writes `method: .get` and needs no module but this one.
    public struct Method: Sendable, Hashable {
        public var httpMethod: HTTPRequest.Method

        public init(_ httpMethod: HTTPRequest.Method) {
            self.httpMethod = httpMethod
        }

        public static let get = Method(.get)
        public static let put = Method(.put)
        public static let post = Method(.post)
        public static let delete = Method(.delete)
        public static let options = Method(.options)
        public static let head = Method(.head)
        public static let patch = Method(.patch)
        public static let trace = Method(.trace)
    }
}

// MARK: - Path templates

extension APIRequest {
    /// The segments of a path template: literal text and `{name}` placeholders.
    enum TemplateSegment: Equatable {
        case literal(Substring)
        case placeholder(Substring)
    }

    /// Splits `template` into literals and placeholders. A `{` without a closing `}` is literal.
    static func segments(of template: String) -> [TemplateSegment] {
        var segments: [TemplateSegment] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            if open > rest.startIndex { segments.append(.literal(rest[..<open])) }
            segments.append(.placeholder(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { segments.append(.literal(rest)) }
        return segments
    }

    /// The path with every placeholder replaced by its encoded value.
    /// - Throws: ``APIClientError/invalidParameter(operationID:name:reason:)`` for a
    ///   placeholder that has no value.
    func filledPath() throws(APIClientError) -> String {
        var filled = ""
        for segment in Self.segments(of: path) {
            switch segment {
            case .literal(let text):
                filled += text
            case .placeholder(let name):
                guard let value = pathParameters[String(name)] else {
                    throw .invalidParameter(operationID: operationID, name: String(name), reason: "no value was set for this path parameter")
                }
                filled += value
            }
        }
        return filled
    }
}

// MARK: - Description

extension APIRequest: CustomStringConvertible, CustomReflectable {
    /// One line for debugging, like
    /// `getMeeting: GET /meetings/abc?fields=a,b headers: [X-Request-Id: 7, Authorization: <redacted>] body: json(Meeting)`.
    ///
    /// Values of headers whose names suggest secrets (`Authorization`, `Cookie`, anything with
    /// `key`, `token`, `secret`, `session`, `password` or `auth`) and all cookie values are
    /// replaced by `<redacted>`; the body appears as its kind and type or size only.
    public var description: String {
        var text = "\(operationID): \(method.rawValue) \(displayPath)"
        if !headerFields.isEmpty {
            text += " headers: [\(headerFields.map(Self.redactedDescription).joined(separator: ", "))]"
        }
        if !cookiePieces.isEmpty {
            text += " cookies: [\(cookieNames.map { "\($0)=<redacted>" }.joined(separator: ", "))]"
        }
        if let body { text += " body: \(body)" }
        return text
    }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "operationID": operationID,
                "method": method.rawValue,
                "path": displayPath,
                "security": security,
                "headerFields": headerFields.map(Self.redactedDescription),
                "cookies": cookieNames,
                "body": body.map(\.description) ?? "none",
            ],
            displayStyle: .struct
        )
    }

    /// The path with the placeholders that have values filled in, and the query.
    private var displayPath: String {
        var display = ""
        for segment in Self.segments(of: path) {
            switch segment {
            case .literal(let text): display += text
            case .placeholder(let name): display += pathParameters[String(name)] ?? "{\(name)}"
            }
        }
        if !queryPieces.isEmpty { display += "?" + queryPieces.joined(separator: "&") }
        return display
    }

    private var cookieNames: [String] {
        cookiePieces.map { String($0.prefix { $0 != "=" }) }
    }

    /// `Name: value`, or `Name: <redacted>` for a header that may carry a secret.
    static func redactedDescription(of field: HTTPField) -> String {
        "\(field.name): \(isSensitive(field.name) ? "<redacted>" : field.value)"
    }

    /// Whether a header's value may be a secret and must not appear in descriptions.
    static func isSensitive(_ name: HTTPField.Name) -> Bool {
        let canonical = name.canonicalName
        return ["auth", "cookie", "key", "token", "secret", "session", "password", "signature"]
            .contains { canonical.contains($0) }
    }
}

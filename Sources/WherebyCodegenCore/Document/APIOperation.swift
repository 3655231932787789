/// One operation: a method on a path. (Not `Operation`, which Foundation has.)
public struct APIOperation: Sendable {
    public enum Method: String, Hashable, Sendable, CaseIterable {
        case get, put, post, delete, options, head, patch, trace
    }

    public var method: Method
    public var path: String
    public var operationID: String?
    public var summary: String?
    public var description: String?
    public var tags: [String] = []
    public var isDeprecated = false
    /// The path item's parameters followed by the operation's own, as written.
    public var parameters: [Referenceable<Parameter>] = []
    public var requestBody: Referenceable<RequestBody>?
    /// Status code (`200`, `2XX`, `default`) → response, in document order.
    public var responses: [(status: String, response: Referenceable<Response>)] = []
    /// nil when the operation does not override the document's security.
    public var security: [SecurityRequirement]?
    public var extensions: [Extension] = []
    public var origin: Origin
    /// Where the operation is listed in the root document (`#/paths/~1pets/get`), for its
    /// provenance: not `origin`'s pointer when the operation or its path item is a `$ref`.
    public var listing: JSONPointer?
}

/// One alternative of a `security` list: every scheme named in it applies together.
public struct SecurityRequirement: Hashable, Sendable {
    public var schemes: [(name: String, scopes: [String])]

    public static func == (lhs: SecurityRequirement, rhs: SecurityRequirement) -> Bool {
        lhs.schemes.map(\.name) == rhs.schemes.map(\.name) && lhs.schemes.map(\.scopes) == rhs.schemes.map(\.scopes)
    }

    public func hash(into hasher: inout Hasher) {
        for scheme in schemes {
            hasher.combine(scheme.name)
            hasher.combine(scheme.scopes)
        }
    }
}

/// A security scheme from `components/securitySchemes`.
public struct SecurityScheme: Sendable {
    public enum Kind: Hashable, Sendable {
        case apiKey(name: String, location: String)
        /// `http` with its scheme, lower-cased: `bearer`, `basic`.
        case http(scheme: String, bearerFormat: String?)
        case oauth2
        case openIDConnect(url: String?)
        case mutualTLS
    }

    public var kind: Kind
    public var description: String?
    public var origin: Origin
}

/// The intermediate model: everything the emitter needs, in Swift terms, and nothing about syntax.
///
/// Names are final Swift identifiers, types are resolved, order is document order. The emitter
/// turns this into text without consulting the OpenAPI model or the node tree.
public struct APIModel: Sendable {
    /// The file name of the document, for the generated files' headers.
    public var sourceFileName: String
    public var title: String
    public var version: String
    public var description: String?
    /// The Swift name of the client type the operations extend.
    public var clientName: String
    public var servers: [ServerModel] = []
    public var securitySchemes: [SecuritySchemeModel] = []
    /// Top-level type declarations, each with its nested ones.
    public var types: [TypeDeclaration] = []
    public var operations: [OperationModel] = []
}

/// A server URL from the document.
public struct ServerModel: Sendable, Hashable {
    /// A Swift name for it: from its description (`production`) or its position.
    public var swiftName: String
    public var url: String
    public var description: String?
}

/// A security scheme, by the name the document gives it.
public struct SecuritySchemeModel: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case bearer(format: String?)
        case basic
        case apiKey(name: String, location: String)
        /// OAuth 2, OpenID Connect, mutual TLS: a bearer token the caller obtains elsewhere, or nothing.
        case other(String)
    }

    public var name: String
    public var swiftName: String
    public var kind: Kind
    public var description: String?
}

/// Documentation carried into doc comments.
public struct Documentation: Sendable, Hashable {
    public var summary: String?
    public var description: String?
    /// The JSON pointer the declaration was generated from, for the provenance remark.
    public var provenance: String?
    public var isDeprecated = false

    public init(summary: String? = nil, description: String? = nil, provenance: String? = nil, isDeprecated: Bool = false) {
        self.summary = summary
        self.description = description
        self.provenance = provenance
        self.isDeprecated = isDeprecated
    }
}

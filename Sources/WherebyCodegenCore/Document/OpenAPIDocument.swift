/// An OpenAPI 3.0 or 3.1 document, read into a model. Nothing here is Swift yet.
public struct OpenAPIDocument: Sendable {
    public struct Info: Sendable {
        public var title: String
        public var version: String
        public var description: String?
    }

    public struct Server: Sendable {
        public var url: String
        public var description: String?
        /// Variable name → default value, in document order.
        public var variables: [(name: String, defaultValue: String, allowed: [String])]
        public var origin: Origin
    }

    /// The display path of the root document, as diagnostics show it.
    public var file: String
    public var version: OpenAPIVersion
    public var info: Info
    public var servers: [Server] = []
    public var operations: [APIOperation] = []
    public var components = Components()
    public var security: [SecurityRequirement] = []
    public var extensions: [Extension] = []

    /// Every element a `$ref` points at, by `Reference.key`; components are registered here too.
    public var referenceTargets = ReferenceTargets()
}

/// The OpenAPI version a document declares.
public struct OpenAPIVersion: Hashable, Sendable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var text: String

    /// 3.1 and later: JSON Schema 2020-12, type arrays, `const`, numeric exclusive bounds.
    public var isThreeOne: Bool { major > 3 || (major == 3 && minor >= 1) }

    public var description: String { text }
}

/// The targets of `$ref`s, by the reference's key, so resolution can follow any reference
/// without going back to the node tree.
public struct ReferenceTargets: Sendable {
    public var schemas: [String: Schema] = [:]
    public var parameters: [String: Parameter] = [:]
    public var responses: [String: Response] = [:]
    public var requestBodies: [String: RequestBody] = [:]
    public var headers: [String: Header] = [:]
    /// References whose target is itself a reference, followed one step at a time.
    public var aliases: [String: Reference] = [:]

    public init() {}
}

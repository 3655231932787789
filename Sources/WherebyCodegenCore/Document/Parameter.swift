/// An operation parameter: in the path, the query, a header or a cookie.
public struct Parameter: Sendable {
    public enum Location: String, Hashable, Sendable {
        case path, query, header, cookie
    }

    public var name: String
    public var location: Location
    public var description: String?
    public var isRequired: Bool
    public var isDeprecated = false
    /// As written; nil when absent or not a style OpenAPI defines, which means the location's
    /// default. Whether the style suits the location is decided in resolution.
    public var style: ParameterStyle?
    /// Where the `style` key is written, for diagnostics about it.
    public var styleOrigin: Origin?
    public var explode: Bool?
    public var allowReserved = false
    public var schema: Referenceable<Schema>?
    /// The `content` alternative to `schema`.
    public var content: [MediaType] = []
    public var example: Literal?
    public var extensions: [Extension] = []
    public var origin: Origin
}

/// A response header.
public struct Header: Sendable {
    public var description: String?
    public var isRequired = false
    public var isDeprecated = false
    public var schema: Referenceable<Schema>?
    public var origin: Origin
}

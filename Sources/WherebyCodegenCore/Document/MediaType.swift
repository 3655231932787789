/// One content type of a request or response body, with its schema.
public struct MediaType: Sendable {
    public var contentType: String
    public var schema: Referenceable<Schema>?
    public var example: Literal?
    public var origin: Origin
}

/// A request body: its alternatives per content type, in document order.
public struct RequestBody: Sendable {
    public var description: String?
    /// nil when the document does not say; OpenAPI's default is `false`.
    public var isRequired: Bool?
    public var content: [MediaType]
    public var origin: Origin
}

/// A response: its description, headers and content alternatives.
public struct Response: Sendable {
    public var description: String?
    public var headers: [(name: String, header: Referenceable<Header>)] = []
    public var content: [MediaType] = []
    public var origin: Origin
}

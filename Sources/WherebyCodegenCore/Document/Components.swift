/// A named entry of `components`, in document order.
public struct Named<Value: Sendable>: Sendable {
    public var name: String
    public var value: Referenceable<Value>
    public var origin: Origin
}

/// The reusable parts of a document.
public struct Components: Sendable {
    public var schemas: [Named<Schema>] = []
    public var parameters: [Named<Parameter>] = []
    public var responses: [Named<Response>] = []
    public var requestBodies: [Named<RequestBody>] = []
    public var headers: [Named<Header>] = []
    public var securitySchemes: [Named<SecurityScheme>] = []

    public init() {}
}

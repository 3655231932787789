// An app's own types, with the names OpenAPIClientSupport uses for its internals. A file that
// imports this module and WherebyAPI names them unqualified, which is ambiguous, and so fails to
// compile, if WherebyAPI re-exports the runtime's types of the same names.

public struct Credentials: Sendable { public init() {} }
public struct Credential: Sendable { public init() {} }
public struct APIRequest: Sendable { public init() {} }
public struct APIResponse: Sendable { public init() {} }
public struct APIClientError: Error, Sendable { public init() {} }
public struct ValidationFailure: Error, Sendable { public init() {} }
public struct ExpectedStatus: Sendable { public init() {} }
public struct PropertyKey: Sendable { public init() {} }
public struct JSONCoding: Sendable { public init() {} }
public struct ParameterStyle: Sendable { public init() {} }

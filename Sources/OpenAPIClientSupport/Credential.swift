internal import Foundation
internal import HTTPTypes

/// Where an API key goes in a request, as OpenAPI's `apiKey` security scheme says.
public enum APIKeyLocation: String, Sendable, Hashable, CaseIterable {
    /// A header field named after the key.
    case header
    /// A query parameter named after the key.
    case query
    /// A cookie named after the key.
    case cookie
}

/// A secret that satisfies one security scheme.
///
/// The secret never appears in descriptions, debug descriptions or mirrors, so
/// `print(credential)`, `"\(credential)"` and `dump(credential)` are safe to log:
///
/// ```swift
/// let token = Credential.bearer(apiToken)
/// print(token)  // Credential.bearer(<redacted>)
/// ```
public enum Credential: Sendable {
    /// HTTP bearer authentication: `Authorization: Bearer <token>`.
    case bearer(String)
    /// HTTP basic authentication: `Authorization: Basic <base64(username:password)>`.
    case basic(username: String, password: String)
    /// An API key sent in a header, query parameter or cookie called `name`.
    case apiKey(String, name: String, location: APIKeyLocation)
}

extension Credential: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The kind of credential with its secret redacted, like `Credential.bearer(<redacted>)`.
    public var description: String {
        switch self {
        case .bearer: "Credential.bearer(<redacted>)"
        case .basic: "Credential.basic(username: <redacted>, password: <redacted>)"
        case .apiKey(_, let name, let location): "Credential.apiKey(<redacted>, name: \"\(name)\", location: .\(location))"
        }
    }

    public var debugDescription: String { description }

    /// A mirror with no secret in it, so `dump` and debuggers cannot reveal one.
    public var customMirror: Mirror {
        switch self {
        case .bearer:
            Mirror(self, children: ["bearer": "<redacted>"], displayStyle: .enum)
        case .basic:
            Mirror(self, children: ["username": "<redacted>", "password": "<redacted>"], displayStyle: .enum)
        case .apiKey(_, let name, let location):
            Mirror(self, children: ["apiKey": "<redacted>", "name": name, "location": location], displayStyle: .enum)
        }
    }
}

extension Credential {
    /// Adds the credential to a request being built.
    /// - Throws: ``CredentialError`` when an API key's header name is not a valid field name.
    func apply(to fields: inout HTTPFields, queryPieces: inout [String], cookiePieces: inout [String]) throws(CredentialError) {
        switch self {
        case .bearer(let token):
            fields[.authorization] = "Bearer \(token)"
            fields.neverIndex(.authorization)
        case .basic(let username, let password):
            fields[.authorization] = "Basic \(Data("\(username):\(password)".utf8).base64EncodedString())"
            fields.neverIndex(.authorization)
        case .apiKey(let key, let name, .header):
            guard let fieldName = HTTPField.Name(name) else {
                throw CredentialError(name: name, reason: "not a valid HTTP header field name")
            }
            fields[fieldName] = key
            fields.neverIndex(fieldName)
        case .apiKey(let key, let name, .query):
            queryPieces.append("\(PercentEncoding.encode(name))=\(PercentEncoding.encode(key))")
        case .apiKey(let key, let name, .cookie):
            cookiePieces.append("\(PercentEncoding.encode(name))=\(PercentEncoding.encode(key))")
        }
    }
}

/// Why a credential cannot be applied; becomes
/// ``APIClientError/invalidParameter(operationID:name:reason:)``.
struct CredentialError: Error {
    let name: String
    let reason: String
}

extension HTTPFields {
    /// Marks a field holding a secret as never to be added to HTTP/2 or HTTP/3 header
    /// compression tables, where it could be recovered by compression side channels.
    mutating func neverIndex(_ name: HTTPField.Name) {
        for index in indices where self[index].name == name {
            self[index].indexingStrategy = .disallow
        }
    }
}

/// The credentials an ``APIRuntime`` can use, keyed by the name of the security scheme they
/// satisfy (the key under `components.securitySchemes` in the document).
///
/// ```swift
/// var credentials = Credentials()
/// credentials[scheme: "BearerAuth"] = .bearer(apiToken)
/// // or
/// let credentials: Credentials = ["BearerAuth": .bearer(apiToken)]
/// ```
///
/// Descriptions and mirrors list the scheme names with every secret redacted.
public struct Credentials: Sendable {
    private var storage: [String: Credential]

    /// Creates an empty set: requests are sent without authentication.
    public init() {
        storage = [:]
    }

    /// Creates a set from credentials keyed by security scheme name.
    public init(_ pairs: [String: Credential]) {
        storage = pairs
    }

    /// The credential for a security scheme.
    public subscript(scheme scheme: String) -> Credential? {
        get { storage[scheme] }
        set { storage[scheme] = newValue }
    }

    /// The credential for a security scheme; the same as `credentials[scheme: name]`.
    public subscript(scheme: String) -> Credential? {
        get { storage[scheme] }
        set { storage[scheme] = newValue }
    }

    /// The names of the schemes that have a credential, sorted.
    public var schemes: [String] { storage.keys.sorted() }

    /// Whether there are no credentials.
    public var isEmpty: Bool { storage.isEmpty }

    /// The credentials to apply for an operation's security requirements: those of the
    /// first alternative whose schemes all have one (in the order the alternative lists
    /// them), or none when no alternative can be met or none is required.
    func satisfying(_ security: [[String]]) -> [Credential] {
        for alternative in security {
            let credentials = alternative.compactMap { storage[$0] }
            if credentials.count == alternative.count { return credentials }
        }
        return []
    }
}

extension Credentials: ExpressibleByDictionaryLiteral {
    /// Creates a set from a literal keyed by security scheme name; a repeated name keeps the last.
    public init(dictionaryLiteral elements: (String, Credential)...) {
        storage = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }
}

extension Credentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The scheme names with redacted credentials, like
    /// `Credentials(BearerAuth: Credential.bearer(<redacted>))`.
    public var description: String {
        let entries = schemes.compactMap { name in storage[name].map { "\(name): \($0)" } }
        return "Credentials(\(entries.joined(separator: ", ")))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: schemes.compactMap { name in storage[name].map { (label: name, value: $0 as Any) } },
            displayStyle: .struct
        )
    }
}

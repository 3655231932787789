/// A value that a document declares nullable: it can be present and explicitly `null`.
///
/// Optional properties of a nullable type are `Nullable<T>?`, which tells apart the three
/// states an API can mean different things by:
///
/// | Swift value          | JSON              |
/// |----------------------|-------------------|
/// | `nil`                | key omitted       |
/// | `.null`              | `"key": null`     |
/// | `.value(x)`          | `"key": x`        |
///
/// Synthesized `Encodable` already encodes those three states correctly. Synthesized
/// `Decodable` cannot (it reads `null` as `nil`), so generated models decode such properties
/// with ``Swift/KeyedDecodingContainer/decodeNullableIfPresent(_:forKey:)``.
public enum Nullable<Wrapped> {
    /// An explicit `null`.
    case null
    /// A present value.
    case value(Wrapped)

    /// Wraps an optional: `nil` becomes ``null``.
    public init(_ optional: Wrapped?) {
        self = optional.map(Nullable.value) ?? .null
    }

    /// The wrapped value, or `nil` for ``null``.
    public var value: Wrapped? {
        switch self {
        case .null: nil
        case .value(let wrapped): wrapped
        }
    }

    /// Whether this is ``null``.
    public var isNull: Bool { value == nil }

    /// Transforms the wrapped value, keeping ``null`` as is.
    public func map<Mapped, Failure: Error>(
        _ transform: (Wrapped) throws(Failure) -> Mapped
    ) throws(Failure) -> Nullable<Mapped> {
        switch self {
        case .null: .null
        case .value(let wrapped): .value(try transform(wrapped))
        }
    }
}

extension Nullable: Sendable where Wrapped: Sendable {}
extension Nullable: Equatable where Wrapped: Equatable {}
extension Nullable: Hashable where Wrapped: Hashable {}

extension Nullable: Encodable where Wrapped: Encodable {
    /// Encodes ``null`` as a JSON `null` and ``value(_:)`` as the wrapped value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .value(let wrapped): try container.encode(wrapped)
        }
    }
}

extension Nullable: Decodable where Wrapped: Decodable {
    /// Decodes a JSON `null` as ``null`` and anything else as the wrapped type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .null : .value(try container.decode(Wrapped.self))
    }
}

extension Nullable: CustomStringConvertible {
    public var description: String {
        switch self {
        case .null: "null"
        case .value(let wrapped): String(describing: wrapped)
        }
    }
}

extension KeyedDecodingContainer {
    /// Decodes an optional, nullable property, keeping "absent" and "null" apart.
    ///
    /// - Returns: `nil` when `key` is absent, ``Nullable/null`` when its value is `null`, and
    ///   ``Nullable/value(_:)`` otherwise.
    /// - Throws: `DecodingError` when the value is present but not a `T`.
    public func decodeNullableIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> Nullable<T>? {
        guard contains(key) else { return nil }
        if try decodeNil(forKey: key) { return .null }
        return .value(try decode(T.self, forKey: key))
    }
}

/// The calls a generated model codes its properties with: `try container.property(String.self,
/// "meetingId")`.
///
/// `decode(_:forKey:)` and its relatives each have seventeen overloads, and a string-literal key
/// must be converted to the key type: the compiler weighs all of that for every property of every
/// model, and made the debug build of a large generated module half as long again. These have one
/// signature each and take the key as a plain `String`. In an optimized build each specializes
/// to the container call it stands for, the concrete overload where the type has one.
extension KeyedDecodingContainer where K == PropertyKey {
    /// The value of a property that must be present: `decode(_:forKey:)`.
    @inlinable
    public func property<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        let key = PropertyKey(stringValue: name)
        if T.self == String.self { return try decode(String.self, forKey: key) as! T }
        if T.self == Int.self { return try decode(Int.self, forKey: key) as! T }
        if T.self == Bool.self { return try decode(Bool.self, forKey: key) as! T }
        if T.self == Double.self { return try decode(Double.self, forKey: key) as! T }
        return try decode(T.self, forKey: key)
    }

    /// The value of a property that may be absent or `null`: `decodeIfPresent(_:forKey:)`.
    @inlinable
    public func propertyIfPresent<T: Decodable>(_ type: T.Type, _ name: String) throws -> T? {
        let key = PropertyKey(stringValue: name)
        if T.self == String.self { return try decodeIfPresent(String.self, forKey: key) as! T? }
        if T.self == Int.self { return try decodeIfPresent(Int.self, forKey: key) as! T? }
        if T.self == Bool.self { return try decodeIfPresent(Bool.self, forKey: key) as! T? }
        if T.self == Double.self { return try decodeIfPresent(Double.self, forKey: key) as! T? }
        return try decodeIfPresent(T.self, forKey: key)
    }
}

extension KeyedEncodingContainer where K == PropertyKey {
    /// Encodes a property that is always sent, `nil` as `null`: `encode(_:forKey:)`.
    @inlinable
    public mutating func encodeProperty<T: Encodable>(_ value: T, _ name: String) throws {
        let key = PropertyKey(stringValue: name)
        if T.self == String.self { return try encode(value as! String, forKey: key) }
        if T.self == Int.self { return try encode(value as! Int, forKey: key) }
        if T.self == Bool.self { return try encode(value as! Bool, forKey: key) }
        if T.self == Double.self { return try encode(value as! Double, forKey: key) }
        try encode(value, forKey: key)
    }

    /// Encodes a property that is left out when `nil`: `encodeIfPresent(_:forKey:)`.
    @inlinable
    public mutating func encodePropertyIfPresent<T: Encodable>(_ value: T?, _ name: String) throws {
        let key = PropertyKey(stringValue: name)
        if T.self == String.self { return try encodeIfPresent(value as! String?, forKey: key) }
        if T.self == Int.self { return try encodeIfPresent(value as! Int?, forKey: key) }
        if T.self == Bool.self { return try encodeIfPresent(value as! Bool?, forKey: key) }
        if T.self == Double.self { return try encodeIfPresent(value as! Double?, forKey: key) }
        try encodeIfPresent(value, forKey: key)
    }
}

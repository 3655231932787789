import Foundation

/// The members of one object on the tape. Unknown members are never looked at, so they cannot
/// make decoding fail.
struct JSONKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: JSONTapeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    /// The keys in document order, each once: of repeated keys the first is read, as
    /// `JSONDecoder` reads it (decoding the keys in this order finds the first of each).
    var allKeys: [Key] {
        var keys: [Key] = []
        var seen: Set<String> = []
        var keyIndex = decoder.index + 1
        for _ in 0..<decoder.document.entry(decoder.index).count {
            if let name = try? decoder.document.string(of: decoder.document.entry(keyIndex)),
                seen.insert(name).inserted, let key = Key(stringValue: name)
            {
                keys.append(key)
            }
            keyIndex = Int(decoder.document.entry(keyIndex + 1).next)
        }
        return keys
    }

    /// The tape index of `key`'s value, or `nil` when the object has no such member.
    ///
    /// The search starts at the member after the one found last and wraps around once, so
    /// members read in document order are found with one comparison each.
    private func valueIndex(_ key: Key) -> Int? {
        let document = decoder.document
        let object = document.entry(decoder.index)
        let count = Int(object.count)
        guard count > 0 else { return nil }
        let first = decoder.index + 1
        let end = Int(object.next)
        var name = key.stringValue
        return name.withUTF8 { name -> Int? in
            var keyIndex = decoder.memberHint
            for _ in 0..<count {
                let next = Int(document.entry(keyIndex + 1).next)
                if document.key(at: keyIndex, equals: name) {
                    decoder.memberHint = next == end ? first : next
                    return keyIndex + 1
                }
                keyIndex = next == end ? first : next
            }
            return nil
        }
    }

    private func requiredValueIndex(_ key: Key) throws -> Int {
        guard let index = valueIndex(key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: codingPath,
                debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."
            ))
        }
        return index
    }

    /// The value's index, or `nil` when the member is missing or `null`.
    private func presentValueIndex(_ key: Key) -> Int? {
        guard let index = valueIndex(key), !decoder.isNull(at: index) else { return nil }
        return index
    }

    func contains(_ key: Key) -> Bool { valueIndex(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { decoder.isNull(at: try requiredValueIndex(key)) }

    // MARK: Required

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try decoder.bool(at: try requiredValueIndex(key), component: .key(key))
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try decoder.string(at: try requiredValueIndex(key), component: .key(key))
    }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try decoder.floatingPoint(Double.self, at: try requiredValueIndex(key), component: .key(key))
    }

    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try decoder.floatingPoint(Float.self, at: try requiredValueIndex(key), component: .key(key))
    }

    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.decodeValue(T.self, at: try requiredValueIndex(key), component: .key(key))
    }

    private func integer<T: FixedWidthInteger>(_ key: Key) throws -> T {
        try decoder.integer(T.self, at: try requiredValueIndex(key), component: .key(key))
    }

    // MARK: Optional (one lookup each, rather than the default's three)

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try presentValueIndex(key).map { try decoder.bool(at: $0, component: .key(key)) }
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try presentValueIndex(key).map { try decoder.string(at: $0, component: .key(key)) }
    }

    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try presentValueIndex(key).map { try decoder.floatingPoint(Double.self, at: $0, component: .key(key)) }
    }

    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? {
        try presentValueIndex(key).map { try decoder.floatingPoint(Float.self, at: $0, component: .key(key)) }
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try integerIfPresent(key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try integerIfPresent(key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try integerIfPresent(key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try integerIfPresent(key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try integerIfPresent(key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try integerIfPresent(key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try integerIfPresent(key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try integerIfPresent(key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try integerIfPresent(key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try integerIfPresent(key) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try presentValueIndex(key).map { try decoder.decodeValue(T.self, at: $0, component: .key(key)) }
    }

    private func integerIfPresent<T: FixedWidthInteger>(_ key: Key) throws -> T? {
        try presentValueIndex(key).map { try decoder.integer(T.self, at: $0, component: .key(key)) }
    }

    // MARK: Nested

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder.child(at: try requiredValueIndex(key), component: .key(key)).container(keyedBy: NestedKey.self)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.child(at: try requiredValueIndex(key), component: .key(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        try superDecoder(named: SuperCodingKey())
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        try superDecoder(named: key)
    }

    private func superDecoder(named key: some CodingKey) throws -> any Decoder {
        guard let name = Key(stringValue: key.stringValue) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: codingPath,
                debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."
            ))
        }
        return decoder.child(at: try requiredValueIndex(name), component: .key(key))
    }
}

/// The key `super`, for ``JSONKeyedContainer/superDecoder()``.
private struct SuperCodingKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}

/// The elements of one array on the tape.
struct JSONUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: JSONTapeDecoder
    /// The tape index of the current element.
    private var position: Int
    private(set) var currentIndex = 0
    private let elementCount: Int

    init(decoder: JSONTapeDecoder) {
        self.decoder = decoder
        position = decoder.index + 1
        elementCount = Int(decoder.document.entry(decoder.index).count)
    }

    var codingPath: [any CodingKey] { decoder.codingPath }

    var count: Int? { elementCount }

    var isAtEnd: Bool { currentIndex >= elementCount }

    /// The tape index of the current element, moving past it.
    private mutating func next<T>(_ type: T.Type) throws -> (index: Int, component: PathComponent) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(T.self, DecodingError.Context(
                codingPath: decoder.codingPath(appending: .index(currentIndex)),
                debugDescription: "Unkeyed container is at end."
            ))
        }
        let current = (position, PathComponent.index(currentIndex))
        position = Int(decoder.document.entry(position).next)
        currentIndex += 1
        return current
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any?.self, DecodingError.Context(
                codingPath: decoder.codingPath(appending: .index(currentIndex)),
                debugDescription: "Unkeyed container is at end."
            ))
        }
        guard decoder.isNull(at: position) else { return false }
        _ = try next(Any?.self)
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let (index, component) = try next(type)
        return try decoder.bool(at: index, component: component)
    }

    mutating func decode(_ type: String.Type) throws -> String {
        let (index, component) = try next(type)
        return try decoder.string(at: index, component: component)
    }

    mutating func decode(_ type: Double.Type) throws -> Double {
        let (index, component) = try next(type)
        return try decoder.floatingPoint(Double.self, at: index, component: component)
    }

    mutating func decode(_ type: Float.Type) throws -> Float {
        let (index, component) = try next(type)
        return try decoder.floatingPoint(Float.self, at: index, component: component)
    }

    mutating func decode(_ type: Int.Type) throws -> Int { try integer() }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try integer() }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (index, component) = try next(type)
        return try decoder.decodeValue(T.self, at: index, component: component)
    }

    private mutating func integer<T: FixedWidthInteger>() throws -> T {
        let (index, component) = try next(T.self)
        return try decoder.integer(T.self, at: index, component: component)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (index, component) = try next(KeyedDecodingContainer<NestedKey>.self)
        return try decoder.child(at: index, component: component).container(keyedBy: NestedKey.self)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (index, component) = try next((any UnkeyedDecodingContainer).self)
        return try decoder.child(at: index, component: component).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (index, component) = try next((any Decoder).self)
        return decoder.child(at: index, component: component)
    }
}

/// The value a decoder stands for, as one value.
struct JSONSingleValueContainer: SingleValueDecodingContainer {
    let decoder: JSONTapeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.isNull(at: decoder.index) }

    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool(at: decoder.index, component: nil) }
    func decode(_ type: String.Type) throws -> String { try decoder.string(at: decoder.index, component: nil) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.floatingPoint(Double.self, at: decoder.index, component: nil) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.floatingPoint(Float.self, at: decoder.index, component: nil) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(Int.self, at: decoder.index, component: nil) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(Int8.self, at: decoder.index, component: nil) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(Int16.self, at: decoder.index, component: nil) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(Int32.self, at: decoder.index, component: nil) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(Int64.self, at: decoder.index, component: nil) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(UInt.self, at: decoder.index, component: nil) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(UInt8.self, at: decoder.index, component: nil) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(UInt16.self, at: decoder.index, component: nil) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(UInt32.self, at: decoder.index, component: nil) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(UInt64.self, at: decoder.index, component: nil) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.decodeValue(T.self, at: decoder.index, component: nil)
    }
}

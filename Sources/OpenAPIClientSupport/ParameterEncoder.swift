internal import Foundation

/// Turns any `Encodable` into a ``ParameterValue`` tree, directly through its `encode(to:)`,
/// with no JSON round trip.
///
/// Leaves are written the way parameters need them: `Date` as ISO 8601 in UTC, `Data` and
/// ``MultipartFile`` as files (base64 where text is needed), `URL` as its absolute string,
/// `Decimal` and integers as their digits, floating point numbers in their shortest form
/// with no `.0` when integral (`2`, `1.5`), string enums as their raw value.
enum ParameterEncoder {
    /// Encodes `value` into a tree.
    /// - Throws: `EncodingError.invalidValue` for numbers and dates that have no text form
    ///   (NaN, infinity), or whatever `value`'s own `encode(to:)` throws.
    static func encode(_ value: some Encodable) throws -> ParameterValue {
        try encodeValue(value, codingPath: [])
    }

    fileprivate static func encodeValue<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> ParameterValue {
        switch value {
        case let string as String:
            return .string(string)
        case let date as Date:
            guard let text = ISO8601.formatIfRepresentable(date) else {
                throw invalidValue(date, codingPath, "a date this far from the present has no ISO 8601 form")
            }
            return .string(text)
        case let data as Data:
            return .file(MultipartFile(data: data))
        case let file as MultipartFile:
            return .file(file)
        case let url as URL:
            return .string(url.absoluteString)
        case let decimal as Decimal:
            guard !decimal.isNaN else { throw invalidValue(decimal, codingPath, "NaN has no text form") }
            return .number(decimal.description)
        case let dictionary as [String: any Encodable]:
            // Dictionaries have no order of their own; sorting keeps requests deterministic.
            return .object(
                try dictionary.sorted { $0.key < $1.key }.map { key, value in
                    (key: key, value: try encodeValue(value, codingPath: codingPath + [MemberKey(stringValue: key)]))
                }
            )
        default:
            let node = Node()
            try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
            return node.freeze()
        }
    }

    fileprivate static func number(_ value: some BinaryInteger) -> ParameterValue {
        .number(String(value))
    }

    fileprivate static func number<F: BinaryFloatingPoint & LosslessStringConvertible>(
        _ value: F,
        codingPath: [any CodingKey]
    ) throws -> ParameterValue {
        guard value.isFinite else { throw invalidValue(value, codingPath, "\(value) has no text form") }
        let double = Double(value)
        if double.rounded() == double, abs(double) < 1e15 { return .number(String(Int64(double))) }
        return .number(value.description)
    }

    private static func invalidValue(_ value: Any, _ codingPath: [any CodingKey], _ reason: String) -> EncodingError {
        EncodingError.invalidValue(value, EncodingError.Context(codingPath: codingPath, debugDescription: reason))
    }
}

/// A mutable node of the tree while an `encode(to:)` runs; containers hold on to it.
private final class Node {
    enum Content {
        case empty
        case finished(ParameterValue)
        case array([Node])
        case object([(key: String, node: Node)])
    }

    var content: Content

    init(_ value: ParameterValue? = nil) {
        content = value.map(Content.finished) ?? .empty
    }

    func freeze() -> ParameterValue {
        switch content {
        case .empty: .object([])
        case .finished(let value): value
        case .array(let nodes): .array(nodes.map { $0.freeze() })
        case .object(let members): .object(members.map { (key: $0.key, value: $0.node.freeze()) })
        }
    }

    func becomeObject() {
        if case .object = content { return }
        content = .object([])
    }

    func becomeArray() {
        if case .array = content { return }
        content = .array([])
    }

    /// Sets a member, replacing one with the same key (as a subclass's `encode` may).
    func set(_ key: String, _ node: Node) {
        var members: [(key: String, node: Node)] = []
        if case .object(let existing) = content { members = existing }
        content = .empty  // drop the second reference so the append does not copy
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].node = node
        } else {
            members.append((key, node))
        }
        content = .object(members)
    }

    func append(_ node: Node) {
        var elements: [Node] = []
        if case .array(let existing) = content { elements = existing }
        content = .empty
        elements.append(node)
        content = .array(elements)
    }

    var count: Int {
        if case .array(let elements) = content { elements.count } else { 0 }
    }
}

private struct NodeEncoder: Encoder {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(KeyedContainer(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(node: node, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    private func set(_ value: ParameterValue, _ key: Key) { node.set(key.stringValue, Node(value)) }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        set(try ParameterEncoder.number(value, codingPath: codingPath + [key]), key)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        set(try ParameterEncoder.number(value, codingPath: codingPath + [key]), key)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(ParameterEncoder.number(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(ParameterEncoder.number(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(ParameterEncoder.number(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(ParameterEncoder.number(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(ParameterEncoder.number(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(ParameterEncoder.number(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(ParameterEncoder.number(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(ParameterEncoder.number(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(ParameterEncoder.number(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(ParameterEncoder.number(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(try ParameterEncoder.encodeValue(value, codingPath: codingPath + [key]), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = Node()
        child.becomeObject()
        node.set(key.stringValue, child)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = Node()
        child.becomeArray()
        node.set(key.stringValue, child)
        return UnkeyedContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(forKey: SuperKey.super)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        superEncoder(forKey: key as any CodingKey)
    }

    private func superEncoder(forKey key: any CodingKey) -> any Encoder {
        let child = Node()
        node.set(key.stringValue, child)
        return NodeEncoder(node: child, codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    var count: Int { node.count }

    private var nextKey: IndexKey { IndexKey(index: node.count) }
    private func append(_ value: ParameterValue) { node.append(Node(value)) }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws {
        append(try ParameterEncoder.number(value, codingPath: codingPath + [nextKey]))
    }
    mutating func encode(_ value: Float) throws {
        append(try ParameterEncoder.number(value, codingPath: codingPath + [nextKey]))
    }
    mutating func encode(_ value: Int) throws { append(ParameterEncoder.number(value)) }
    mutating func encode(_ value: Int8) throws { append(ParameterEncoder.number(value)) }
    mutating func encode(_ value: Int16) throws { append(ParameterEncoder.number(value)) }
    mutating func encode(_ value: Int32) throws { append(ParameterEncoder.number(value)) }
    mutating func encode(_ value: Int64) throws { append(ParameterEncoder.number(value)) }
    mutating func encode(_ value: UInt) throws { append(ParameterEncoder.number(value)) }
    mutating func encode(_ value: UInt8) throws { append(ParameterEncoder.number(value)) }
    mutating func encode(_ value: UInt16) throws { append(ParameterEncoder.number(value)) }
    mutating func encode(_ value: UInt32) throws { append(ParameterEncoder.number(value)) }
    mutating func encode(_ value: UInt64) throws { append(ParameterEncoder.number(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        append(try ParameterEncoder.encodeValue(value, codingPath: codingPath + [nextKey]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let key = nextKey
        let child = Node()
        child.becomeObject()
        node.append(child)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let key = nextKey
        let child = Node()
        child.becomeArray()
        node.append(child)
        return UnkeyedContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        let key = nextKey
        let child = Node()
        node.append(child)
        return NodeEncoder(node: child, codingPath: codingPath + [key])
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    private func set(_ value: ParameterValue) { node.content = .finished(value) }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { set(try ParameterEncoder.number(value, codingPath: codingPath)) }
    mutating func encode(_ value: Float) throws { set(try ParameterEncoder.number(value, codingPath: codingPath)) }
    mutating func encode(_ value: Int) throws { set(ParameterEncoder.number(value)) }
    mutating func encode(_ value: Int8) throws { set(ParameterEncoder.number(value)) }
    mutating func encode(_ value: Int16) throws { set(ParameterEncoder.number(value)) }
    mutating func encode(_ value: Int32) throws { set(ParameterEncoder.number(value)) }
    mutating func encode(_ value: Int64) throws { set(ParameterEncoder.number(value)) }
    mutating func encode(_ value: UInt) throws { set(ParameterEncoder.number(value)) }
    mutating func encode(_ value: UInt8) throws { set(ParameterEncoder.number(value)) }
    mutating func encode(_ value: UInt16) throws { set(ParameterEncoder.number(value)) }
    mutating func encode(_ value: UInt32) throws { set(ParameterEncoder.number(value)) }
    mutating func encode(_ value: UInt64) throws { set(ParameterEncoder.number(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        set(try ParameterEncoder.encodeValue(value, codingPath: codingPath))
    }
}

/// The coding key of an array element, so error paths read `tags[2]`.
private struct IndexKey: CodingKey {
    let index: Int
    var stringValue: String { "Index \(index)" }
    var intValue: Int? { index }
    init(index: Int) { self.index = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.index = intValue }
}

/// The coding key of a dictionary member.
private struct MemberKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

private enum SuperKey: String, CodingKey {
    case `super`
}

/// One node of a parsed JSON or YAML document.
///
/// JSON and YAML read into the same tree: mappings keep their key order, scalars are
/// resolved (YAML by the 1.2 core schema), numbers keep the text they were written with so
/// that big integers and exponents stay exact, and every node knows where it started.
public struct Node: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        case null
        case bool(Bool)
        /// An integer, as its decimal text (`-12`, `18446744073709551616`), never rounded.
        case integer(String)
        /// A non-integer number, as written (`1.5`, `1e-3`).
        case number(String)
        case string(String)
        case sequence([Node])
        case mapping([Entry])
    }

    /// One key-value pair of a mapping. Keys are scalars; a YAML key like `200` keeps its text.
    public struct Entry: Hashable, Sendable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: Node

        public init(key: String, keyLocation: SourceLocation, value: Node) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Node {
    /// The entries of a mapping, or `nil` for any other node.
    public var entries: [Entry]? {
        if case .mapping(let entries) = value { return entries }
        return nil
    }

    /// The items of a sequence, or `nil` for any other node.
    public var items: [Node]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// The text of a string scalar, or `nil` for any other node.
    public var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    /// The value of a boolean scalar, or `nil` for any other node.
    public var bool: Bool? {
        if case .bool(let flag) = value { return flag }
        return nil
    }

    /// The value for `key` in a mapping; the first one, since readers reject duplicates.
    public subscript(key: String) -> Node? {
        guard case .mapping(let entries) = value else { return nil }
        for entry in entries where entry.key == key {
            return entry.value
        }
        return nil
    }

    /// The entry for `key` in a mapping, with the location of the key itself.
    public func entry(_ key: String) -> Entry? {
        guard case .mapping(let entries) = value else { return nil }
        for entry in entries where entry.key == key {
            return entry
        }
        return nil
    }

    /// A short name for the kind of node, for messages: "a string", "a mapping".
    public var kindDescription: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .integer: "an integer"
        case .number: "a number"
        case .string: "a string"
        case .sequence: "a sequence"
        case .mapping: "a mapping"
        }
    }
}

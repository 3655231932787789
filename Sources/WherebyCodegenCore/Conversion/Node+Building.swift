/// Building node trees in code, for the conversion of Swagger 2.0 documents: every node made
/// here takes the location of the node it was made from, so diagnostics still point into the file.
extension Node {
    static func string(_ text: String, at location: SourceLocation) -> Node {
        Node(.string(text), at: location)
    }

    static func bool(_ flag: Bool, at location: SourceLocation) -> Node {
        Node(.bool(flag), at: location)
    }

    static func mapping(_ pairs: [(String, Node)], at location: SourceLocation) -> Node {
        Node(.mapping(pairs.map { Node.Entry(key: $0.0, keyLocation: $0.1.location, value: $0.1) }), at: location)
    }

    /// The strings of a sequence of strings; `nil` when the node is not a sequence.
    var strings: [String]? {
        items?.compactMap(\.string)
    }

    /// The node with the node at `tokens` replaced by `replacement`; unchanged when there is none.
    func replacing(at tokens: ArraySlice<String>, with replacement: Node) -> Node {
        guard let first = tokens.first else { return replacement }
        var copy = self
        switch value {
        case .mapping(var entries):
            guard let index = entries.firstIndex(where: { $0.key == first }) else { return self }
            entries[index].value = entries[index].value.replacing(at: tokens.dropFirst(), with: replacement)
            copy.value = .mapping(entries)
        case .sequence(var items):
            guard let index = Int(first), items.indices.contains(index) else { return self }
            items[index] = items[index].replacing(at: tokens.dropFirst(), with: replacement)
            copy.value = .sequence(items)
        default:
            return self
        }
        return copy
    }

    /// The node at `tokens`, following mapping keys and sequence indexes.
    func descendant(at tokens: [String]) -> Node? {
        var node = self
        for token in tokens {
            if let child = node[token] {
                node = child
            } else if let items = node.items, let index = Int(token), items.indices.contains(index) {
                node = items[index]
            } else {
                return nil
            }
        }
        return node
    }
}

/// A mapping under construction, keeping the order entries are added in.
struct MappingBuilder {
    private(set) var entries: [Node.Entry] = []
    let location: SourceLocation

    init(at location: SourceLocation) {
        self.location = location
    }

    /// Adds `value` under `key`, or replaces the value already there.
    mutating func set(_ key: String, _ value: Node, keyLocation: SourceLocation? = nil) {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].value = value
        } else {
            entries.append(Node.Entry(key: key, keyLocation: keyLocation ?? value.location, value: value))
        }
    }

    mutating func copy(_ entry: Node.Entry) {
        set(entry.key, entry.value, keyLocation: entry.keyLocation)
    }

    var isEmpty: Bool { entries.isEmpty }

    var node: Node { Node(.mapping(entries), at: location) }
}

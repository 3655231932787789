/// Composes YAML parse events, in document order, into one `Node` tree.
///
/// `YAMLReader` feeds it what libyaml reports; this type owns the rules that are YAML's and not
/// libyaml's: one document per stream, scalar mapping keys without duplicates, anchors and
/// aliases within `ReaderLimits`, and merge keys.
///
/// - An alias repeats the anchored node. The copy's root is located at the alias, where it is
///   used; the nodes inside keep the locations where they were written.
/// - A merge key (`<<`, plain and untagged, or tagged `!!merge`) takes a mapping or a sequence of
///   mappings and adds their entries at its place. Keys written in the mapping itself win over
///   merged ones, and earlier mappings in a sequence win over later ones, as in YAML 1.1.
struct YAMLTreeBuilder {
    private struct Frame {
        let isMapping: Bool
        let location: SourceLocation
        let anchor: String?
        /// Where this collection's children start on the shared `items` or `entries` stack.
        let base: Int
        /// Nodes in this subtree so far, itself included, with aliases counted at full size.
        var nodeCount = 1
        /// Collections on the longest path down from this one, itself included.
        var height = 1
        /// The key whose value comes next (mappings only).
        var pendingKey: PendingKey?
        /// The location of every key so far, once a mapping is too big for a linear search.
        var keyIndex: [String: SourceLocation]?
        var mergeKeyLocation: SourceLocation?
        /// Entries of merged mappings, and how many explicit entries preceded their merge key.
        var merges: [(position: Int, entries: [Node.Entry])] = []
    }

    private struct PendingKey {
        let text: String
        let location: SourceLocation
        let isMerge: Bool
    }

    private struct Anchor {
        let node: Node
        let nodeCount: Int
        let height: Int
        /// The text of an anchored scalar, for an alias used as a mapping key.
        let keyText: String?
    }

    private static let linearKeySearchLimit = 16
    private static let mergeTag = "tag:yaml.org,2002:merge"

    private let path: String
    private let limits: ReaderLimits
    private var frames: [Frame] = []
    private var items: [Node] = []
    private var entries: [Node.Entry] = []
    private var anchors: [String: Anchor] = [:]
    private var aliasedNodes = 0
    private var documentCount = 0
    private var root: Node?

    init(path: String, limits: ReaderLimits) {
        self.path = path
        self.limits = limits
    }

    mutating func startDocument(at location: SourceLocation) throws(DiagnosticError) {
        documentCount += 1
        guard documentCount == 1 else {
            throw failure(.multipleDocuments, "the stream has more than one document; expected exactly one", at: location)
        }
    }

    /// The tree, once the stream has ended at `location`.
    func finish(at location: SourceLocation) throws(DiagnosticError) -> Node {
        guard let root else {
            throw failure(.emptyDocument, "the document is empty; expected a yaml node", at: location)
        }
        return root
    }

    /// Adds a scalar whose bytes are `text` (valid only for this call).
    mutating func addScalar(
        _ text: UnsafeBufferPointer<UInt8>,
        isPlain: Bool,
        tag: String?,
        anchor: String?,
        at location: SourceLocation
    ) throws(DiagnosticError) {
        guard text.count <= limits.maxScalarBytes else {
            throw failure(.scalarTooLarge, "scalar of \(text.count) bytes is longer than the limit of \(limits.maxScalarBytes) bytes", at: location)
        }
        if isKeyPosition {
            // A key keeps its text whatever it would resolve to: `200:` is the key "200".
            let key = YAMLCoreSchema.string(text)
            if let anchor {
                let node = Node(try value(of: text, isPlain: isPlain, tag: tag, at: location), at: location)
                anchors[anchor] = Anchor(node: node, nodeCount: 1, height: 0, keyText: key)
            }
            let isMerge = (isPlain && tag == nil && key == "<<") || tag == Self.mergeTag
            try setKey(key, at: location, isMerge: isMerge)
            return
        }
        let node = Node(try value(of: text, isPlain: isPlain, tag: tag, at: location), at: location)
        if let anchor {
            anchors[anchor] = Anchor(node: node, nodeCount: 1, height: 0, keyText: YAMLCoreSchema.string(text))
        }
        try addValue(node, nodeCount: 1, height: 0)
    }

    mutating func startCollection(isMapping: Bool, anchor: String?, at location: SourceLocation) throws(DiagnosticError) {
        if isKeyPosition {
            throw failure(.nonScalarKey, "mapping keys must be scalars, found a \(isMapping ? "mapping" : "sequence")", at: location)
        }
        guard frames.count < limits.maxDepth else {
            throw failure(.nestingTooDeep, "nesting is deeper than the limit of \(limits.maxDepth) levels", at: location)
        }
        let base = isMapping ? entries.count : items.count
        frames.append(Frame(isMapping: isMapping, location: location, anchor: anchor, base: base))
    }

    mutating func endCollection() throws(DiagnosticError) {
        guard let frame = frames.popLast() else { return }
        let node: Node
        if frame.isMapping {
            let written = entries.popSuffix(from: frame.base)
            let members = frame.merges.isEmpty ? written : Self.merging(frame.merges, into: written)
            node = Node(.mapping(members), at: frame.location)
        } else {
            node = Node(.sequence(items.popSuffix(from: frame.base)), at: frame.location)
        }
        if let anchor = frame.anchor {
            anchors[anchor] = Anchor(node: node, nodeCount: frame.nodeCount, height: frame.height, keyText: nil)
        }
        try addValue(node, nodeCount: frame.nodeCount, height: frame.height)
    }

    mutating func addAlias(_ name: String, at location: SourceLocation) throws(DiagnosticError) {
        if frames.contains(where: { $0.anchor == name }) {
            throw failure(.yamlSyntax, "alias '*\(name)' is inside the node it refers to; recursive aliases are not supported", at: location)
        }
        guard let anchor = anchors[name] else {
            throw failure(.yamlSyntax, "alias '*\(name)' refers to no anchor defined before it", at: location)
        }
        aliasedNodes += anchor.nodeCount
        guard aliasedNodes <= limits.maxAliasExpansions else {
            throw failure(
                .aliasLimit,
                "aliases expand to more than \(limits.maxAliasExpansions) nodes; stopped reading to guard against an alias bomb",
                at: location
            )
        }
        guard frames.count + anchor.height <= limits.maxDepth else {
            throw failure(.nestingTooDeep, "alias '*\(name)' nests deeper than the limit of \(limits.maxDepth) levels", at: location)
        }
        if isKeyPosition {
            guard let key = anchor.keyText else {
                throw failure(.nonScalarKey, "mapping keys must be scalars, found an alias to \(anchor.node.kindDescription)", at: location)
            }
            try setKey(key, at: location, isMerge: false)
            return
        }
        var node = anchor.node
        node.location = location
        try addValue(node, nodeCount: anchor.nodeCount, height: anchor.height)
    }

    // MARK: - Composition

    /// Whether the next node is a mapping key.
    private var isKeyPosition: Bool {
        guard let top = frames.last else { return false }
        return top.isMapping && top.pendingKey == nil
    }

    private func value(of text: UnsafeBufferPointer<UInt8>, isPlain: Bool, tag: String?, at location: SourceLocation) throws(DiagnosticError) -> Node.Value {
        guard let tag else {
            return isPlain ? YAMLCoreSchema.resolvePlain(text) : .string(YAMLCoreSchema.string(text))
        }
        guard let value = YAMLCoreSchema.resolve(text, tag: tag) else {
            let scalar = YAMLCoreSchema.string(text).quotedForMessage
            throw failure(.yamlSyntax, "\(scalar) is not a valid \(YAMLCoreSchema.shorthand(tag))", at: location)
        }
        return value
    }

    private mutating func setKey(_ key: String, at location: SourceLocation, isMerge: Bool) throws(DiagnosticError) {
        let top = frames.count - 1
        if isMerge {
            if let first = frames[top].mergeKeyLocation {
                throw duplicate("<<", at: location, first: first)
            }
            frames[top].mergeKeyLocation = location
        } else {
            let base = frames[top].base
            if frames[top].keyIndex == nil, entries.count - base >= Self.linearKeySearchLimit {
                var index: [String: SourceLocation] = [:]
                for entry in entries[base...] {
                    index[entry.key] = entry.keyLocation
                }
                frames[top].keyIndex = index
            }
            let first: SourceLocation?
            if frames[top].keyIndex != nil {
                first = frames[top].keyIndex?.updateValue(location, forKey: key)
            } else {
                first = entries[base...].first { $0.key == key }?.keyLocation
            }
            if let first { throw duplicate(key, at: location, first: first) }
        }
        frames[top].pendingKey = PendingKey(text: key, location: location, isMerge: isMerge)
    }

    /// Adds a complete node to the open collection, or makes it the root.
    private mutating func addValue(_ node: Node, nodeCount: Int, height: Int) throws(DiagnosticError) {
        guard !frames.isEmpty else {
            root = node
            return
        }
        let top = frames.count - 1
        frames[top].nodeCount += nodeCount
        frames[top].height = max(frames[top].height, height + 1)
        guard frames[top].isMapping else {
            items.append(node)
            return
        }
        guard let key = frames[top].pendingKey else {
            throw failure(.nonScalarKey, "mapping keys must be scalars, found \(node.kindDescription)", at: node.location)
        }
        frames[top].pendingKey = nil
        if key.isMerge {
            let merged = try mergedEntries(of: node)
            frames[top].merges.append((position: entries.count - frames[top].base, entries: merged))
        } else {
            entries.append(Node.Entry(key: key.text, keyLocation: key.location, value: node))
        }
    }

    /// The entries a merge key's value brings: those of a mapping, or of each mapping in a sequence.
    private func mergedEntries(of node: Node) throws(DiagnosticError) -> [Node.Entry] {
        switch node.value {
        case .mapping(let entries):
            return entries
        case .sequence(let items):
            var merged: [Node.Entry] = []
            for item in items {
                guard case .mapping(let entries) = item.value else {
                    throw failure(.yamlSyntax, "a merge key '<<' takes mappings, found \(item.kindDescription) in its sequence", at: item.location)
                }
                merged += entries
            }
            return merged
        default:
            throw failure(.yamlSyntax, "a merge key '<<' takes a mapping or a sequence of mappings, found \(node.kindDescription)", at: node.location)
        }
    }

    /// The written entries with the merged ones in the place of their merge key, leaving out any
    /// key already written or merged before.
    private static func merging(_ merges: [(position: Int, entries: [Node.Entry])], into written: [Node.Entry]) -> [Node.Entry] {
        var seen = Set(written.map(\.key))
        var result: [Node.Entry] = []
        var pending = merges[...]
        func takeMerges(upTo position: Int) {
            while let merge = pending.first, merge.position <= position {
                for entry in merge.entries where seen.insert(entry.key).inserted {
                    result.append(entry)
                }
                pending = pending.dropFirst()
            }
        }
        for (position, entry) in written.enumerated() {
            takeMerges(upTo: position)
            result.append(entry)
        }
        takeMerges(upTo: .max)
        return result
    }

    private func duplicate(_ key: String, at location: SourceLocation, first: SourceLocation) -> DiagnosticError {
        failure(.duplicateKey, "duplicate key \(key.quotedForMessage), first defined at line \(first.line), column \(first.column)", at: location)
    }

    private func failure(_ id: Diagnostic.ID, _ message: String, at location: SourceLocation) -> DiagnosticError {
        DiagnosticError.reading(id, message, in: path, at: location)
    }
}

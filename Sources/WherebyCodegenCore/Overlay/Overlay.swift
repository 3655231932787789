/// An OpenAPI Overlay 1.0 document: actions that update or remove parts of a document, applied
/// to its node tree before the Document stage reads it.
///
/// This is how fixes to a vendor document live outside the vendor file: the file stays as it was
/// published, and each fix is a small, commented action.
public struct Overlay: Sendable {
    public struct Action: Sendable {
        public var target: JSONPath
        public var description: String?
        public var update: Node?
        public var remove: Bool
        /// Where the action's `target` is written.
        public var location: Diagnostic.Location
    }

    public var file: String
    public var title: String?
    public var actions: [Action]

    /// Reads an overlay whose nodes were tagged with the overlay's source index.
    public static func parse(_ root: Node, file: String) throws(DiagnosticError) -> Overlay {
        var diagnostics = DiagnosticCollector()
        func location(_ node: Node, _ pointer: JSONPointer) -> Diagnostic.Location {
            Diagnostic.Location(file: file, position: node.location, pointer: pointer)
        }
        guard root.entries != nil, let version = root["overlay"]?.string else {
            throw DiagnosticError(.error("not-an-overlay", "not an overlay document: the top level has no 'overlay' version", at: location(root, .root)))
        }
        guard version.hasPrefix("1.") else {
            throw DiagnosticError(.error("unsupported-overlay-version", "unsupported overlay version '\(version)'; this generator applies 1.x", at: location(root["overlay"] ?? root, JSONPointer(["overlay"]))))
        }
        guard let items = root["actions"]?.items else {
            throw DiagnosticError(.error("invalid-overlay", "an overlay needs a list of 'actions'", at: location(root, .root)))
        }
        var actions: [Action] = []
        for (index, item) in items.enumerated() {
            let pointer = JSONPointer(["actions", String(index)])
            guard let targetNode = item["target"], let targetText = targetNode.string else {
                diagnostics.emit(.error("invalid-overlay", "an overlay action needs a 'target' JSONPath", at: location(item, pointer)))
                continue
            }
            let targetLocation = location(targetNode, pointer.appending("target"))
            do {
                let target = try JSONPath(targetText)
                let remove = item["remove"]?.bool ?? false
                let update = item["update"]
                if !remove && update == nil {
                    diagnostics.emit(.warning("empty-overlay-action", "action on '\(targetText)' neither updates nor removes; ignoring it", at: targetLocation))
                }
                actions.append(Action(target: target, description: item["description"]?.string, update: update, remove: remove, location: targetLocation))
            } catch {
                diagnostics.emit(.error("invalid-jsonpath", "target '\(targetText)' is not a JSONPath this generator reads: \(error.message)", at: targetLocation))
            }
        }
        try diagnostics.throwIfErrors()
        return Overlay(file: file, title: root["info"]?["title"]?.string, actions: actions)
    }

    /// Applies every action in order; a target that selects nothing is a located warning.
    public func apply(to document: Node) -> (document: Node, diagnostics: [Diagnostic]) {
        var result = document
        var diagnostics: [Diagnostic] = []
        for action in actions {
            let addresses = action.target.select(in: result)
            if addresses.isEmpty {
                diagnostics.append(.warning("overlay-target-unmatched", "overlay target '\(action.target)' matches nothing in the document; the action does nothing", at: action.location))
                continue
            }
            if action.remove {
                // Deepest and last first, so removing one leaves the addresses of the others valid.
                for address in addresses.sorted(by: Self.removalOrder) {
                    guard !address.isEmpty else {
                        diagnostics.append(.warning("overlay-remove-root", "an overlay cannot remove the whole document; ignoring the action", at: action.location))
                        continue
                    }
                    result.modify(at: address.dropLast()) { parent in parent.removeChild(address[address.count - 1]) }
                }
            } else if let update = action.update {
                for address in addresses {
                    result.modify(at: address[...]) { target in target.merge(update) }
                }
            }
        }
        return (result, diagnostics)
    }

    private static func removalOrder(_ lhs: [JSONPath.Component], _ rhs: [JSONPath.Component]) -> Bool {
        for (left, right) in zip(lhs, rhs) where left != right {
            if case .index(let a) = left, case .index(let b) = right { return a > b }
            return false
        }
        return lhs.count > rhs.count
    }
}

extension Node {
    /// Marks this node and everything in it as coming from input `source` (an overlay).
    public func tagged(source: Int) -> Node {
        var copy = self
        copy.location.source = source
        switch value {
        case .sequence(let items): copy.value = .sequence(items.map { $0.tagged(source: source) })
        case .mapping(let entries):
            copy.value = .mapping(entries.map { entry in
                var tagged = entry
                tagged.keyLocation.source = source
                tagged.value = entry.value.tagged(source: source)
                return tagged
            })
        default: break
        }
        return copy
    }

    /// Runs `change` on the node at `address`, if there is one.
    mutating func modify(at address: ArraySlice<JSONPath.Component>, _ change: (inout Node) -> Void) {
        guard let first = address.first else {
            change(&self)
            return
        }
        switch (first, value) {
        case (.key(let key), .mapping(var entries)):
            guard let index = entries.firstIndex(where: { $0.key == key }) else { return }
            entries[index].value.modify(at: address.dropFirst(), change)
            value = .mapping(entries)
        case (.index(let index), .sequence(var items)) where items.indices.contains(index):
            items[index].modify(at: address.dropFirst(), change)
            value = .sequence(items)
        default:
            return
        }
    }

    mutating func removeChild(_ component: JSONPath.Component) {
        switch (component, value) {
        case (.key(let key), .mapping(let entries)): value = .mapping(entries.filter { $0.key != key })
        case (.index(let index), .sequence(var items)) where items.indices.contains(index):
            items.remove(at: index)
            value = .sequence(items)
        default: break
        }
    }

    /// Overlay merge: mappings merge key by key (recursively), a sequence gets the update's items
    /// (or the update itself) appended, and anything else is replaced.
    mutating func merge(_ update: Node) {
        switch (value, update.value) {
        case (.mapping(var entries), .mapping(let updates)):
            for change in updates {
                if let index = entries.firstIndex(where: { $0.key == change.key }) {
                    entries[index].value.merge(change.value)
                } else {
                    entries.append(change)
                }
            }
            value = .mapping(entries)
        case (.sequence(let items), .sequence(let more)):
            value = .sequence(items + more)
        case (.sequence(let items), _):
            value = .sequence(items + [update])
        default:
            self = update
        }
    }
}

/// Where the parser is: the file being read and the JSON pointer of the current node.
struct Scope {
    /// The file as diagnostics show it.
    var file: String
    /// The file part of reference keys: "" for the root document.
    var fileKey: String
    var pointer: JSONPointer
    /// The overlays applied to the document, for nodes they merged in (`SourceLocation.source`).
    var overlayFiles: [String] = []

    func child(_ token: String) -> Scope {
        var copy = self
        copy.pointer = pointer.appending(token)
        return copy
    }

    func child(_ index: Int) -> Scope {
        var copy = self
        copy.pointer = pointer.appending(index)
        return copy
    }

    /// The file a node was written in: the overlay that merged it in, or this scope's file.
    func file(of node: Node) -> String {
        let source = node.location.source
        return source > 0 && source <= overlayFiles.count ? overlayFiles[source - 1] : file
    }

    func origin(_ node: Node) -> Origin {
        Origin(file: file(of: node), pointer: pointer, position: node.location)
    }

    func location(_ node: Node) -> Diagnostic.Location {
        Diagnostic.Location(file: file(of: node), position: node.location, pointer: pointer)
    }
}

extension Node {
    /// The text of any scalar: strings as they are, numbers as written, booleans as `true`/`false`.
    var scalarText: String? {
        switch value {
        case .string(let text), .integer(let text), .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .null, .sequence, .mapping: nil
        }
    }
}

/// Typed access to keywords, warning about (and ignoring) values of the wrong type.
extension DocumentParser {
    func error(_ id: Diagnostic.ID, _ message: String, _ node: Node, _ scope: Scope) {
        diagnostics.emit(.error(id, message, at: scope.location(node)))
    }

    func warning(_ id: Diagnostic.ID, _ message: String, _ node: Node, _ scope: Scope) {
        diagnostics.emit(.warning(id, message, at: scope.location(node)))
    }

    func wrongType(_ key: String, expected: String, _ node: Node, _ scope: Scope) {
        warning("wrong-type", "'\(key)' should be \(expected) but is \(node.kindDescription); ignoring it", node, scope)
    }

    func string(_ parent: Node, _ key: String, _ scope: Scope) -> String? {
        guard let node = parent[key] else { return nil }
        if let text = node.string { return text }
        if case .null = node.value { return nil }
        // A number or boolean where a string belongs (`version: 1.0`) is read as its text.
        if let text = node.scalarText { return text }
        wrongType(key, expected: "a string", node, scope.child(key))
        return nil
    }

    func bool(_ parent: Node, _ key: String, _ scope: Scope) -> Bool? {
        guard let node = parent[key] else { return nil }
        if let flag = node.bool { return flag }
        wrongType(key, expected: "a boolean", node, scope.child(key))
        return nil
    }

    func integer(_ parent: Node, _ key: String, _ scope: Scope) -> Int? {
        guard let node = parent[key] else { return nil }
        if case .integer(let text) = node.value, let value = Int(text) { return value }
        wrongType(key, expected: "an integer", node, scope.child(key))
        return nil
    }

    /// A number keyword, kept as written.
    func number(_ parent: Node, _ key: String, _ scope: Scope) -> String? {
        guard let node = parent[key] else { return nil }
        switch node.value {
        case .integer(let text), .number(let text): return text
        default:
            wrongType(key, expected: "a number", node, scope.child(key))
            return nil
        }
    }

    func mapping(_ node: Node, _ scope: Scope) -> [Node.Entry]? {
        if let entries = node.entries { return entries }
        warning("wrong-type", "expected a mapping but found \(node.kindDescription); ignoring it", node, scope)
        return nil
    }

    func sequence(_ node: Node, _ scope: Scope) -> [Node]? {
        if let items = node.items { return items }
        warning("wrong-type", "expected a sequence but found \(node.kindDescription); ignoring it", node, scope)
        return nil
    }

    func extensions(of node: Node) -> [Extension] {
        (node.entries ?? []).filter { $0.key.hasPrefix("x-") }.map { Extension(name: $0.key, value: Literal($0.value)) }
    }
}

/// Makes one self-contained document of a document split over files: every `$ref` into another
/// file is replaced by a reference to a copy of its target under `components`, or, for the
/// elements `components` cannot hold in OpenAPI 3.0 (path items, operations written as `$ref`s),
/// by the target itself.
///
/// The walk follows the document's structure, so a reference's place says what it points at
/// (a schema under `schema` or `items`, a parameter in `parameters`, a response under a status
/// code); values that are data, not document (examples, defaults, enums, extensions), are copied
/// as they are. Components are named after the last token of the reference's pointer, or the
/// file's name when it points at a whole file, made unique with a number in the order the walk
/// meets them, so the same input always gives the same document.
public final class DocumentBundler {
    /// The section of `components` an element is kept in, or how else it is inlined.
    enum Kind: String {
        case schemas, parameters, responses, requestBodies, headers, examples, links, callbacks, securitySchemes
        /// Inlined where it is referenced: 3.0 has no `components` section for it.
        case pathItem, operation
    }

    /// Where the walk is in the document's structure.
    enum Place {
        case document, components, paths, pathItem, operation, parameter, header, requestBody
        case responses, response, content, mediaType, encoding, schema, example, link, callback, securityScheme
        /// Values the walk copies unchanged.
        case data
        /// A mapping whose values are all at `place`.
        indirect case map(Place)
        /// A sequence whose items are all at `place`.
        indirect case list(Place)

        /// The section a `$ref` at this place points into.
        var kind: Kind? {
            switch self {
            case .schema: .schemas
            case .parameter: .parameters
            case .header: .headers
            case .requestBody: .requestBodies
            case .response: .responses
            case .example: .examples
            case .link: .links
            case .callback: .callbacks
            case .securityScheme: .securitySchemes
            case .pathItem: .pathItem
            case .operation: .operation
            default: nil
            }
        }
    }

    /// One file of the document while it is walked: its key (its path relative to the root
    /// document's folder, "" for the root) and the path diagnostics print.
    struct FileContext {
        var key: String
        var displayPath: String
    }

    let root: PreparedDocument
    /// The root document's key when another file refers back to it by name.
    let rootSelfKey: String
    var files: [String: (displayPath: String, root: Node)] = [:]
    /// The component name given to each external target, by section and "file#pointer".
    var names: [Kind: [String: String]] = [:]
    /// The names taken in each section, the document's own first.
    var taken: [Kind: Set<String>] = [:]
    /// The components made from other files, by section, in the order they were met.
    var added: [Kind: [Node.Entry]] = [:]
    /// The inlined targets being walked, to stop a reference cycle among them.
    var inlining: [String] = []
    var diagnostics = DiagnosticCollector()

    private init(_ document: PreparedDocument) {
        root = document
        rootSelfKey = String(document.path.split(separator: "/").last ?? Substring(document.path))
        for section in document.root["components"]?.entries ?? [] {
            guard let kind = Kind(rawValue: section.key) else { continue }
            taken[kind] = Set((section.value.entries ?? []).map(\.key))
        }
    }

    /// The document with every reference into another file inlined; throws the located errors
    /// of references that lead nowhere.
    public static func bundle(_ document: PreparedDocument) throws(DiagnosticError) -> Node {
        let bundler = DocumentBundler(document)
        let file = FileContext(key: "", displayPath: document.path)
        var result = bundler.walk(document.root, at: .document, in: file, pointer: .root)
        bundler.appendComponents(to: &result)
        if bundler.diagnostics.hasErrors {
            // Pointers into a converted Swagger 2.0 file are given as the file has them.
            throw DiagnosticError(bundler.diagnostics.diagnostics.map { PointerMap.mapping($0, through: document.pointerMaps) })
        }
        return result
    }

    // MARK: - Walking

    func walk(_ node: Node, at place: Place, in file: FileContext, pointer: JSONPointer) -> Node {
        switch place {
        case .data:
            return node
        case .map(let inner):
            guard let entries = node.entries else { return node }
            return Node(.mapping(entries.map { entry in
                Node.Entry(key: entry.key, keyLocation: entry.keyLocation, value: walk(entry.value, at: inner, in: file, pointer: pointer.appending(entry.key)))
            }), at: node.location)
        case .list(let inner):
            guard let items = node.items else { return node }
            return Node(.sequence(items.enumerated().map { walk($1, at: inner, in: file, pointer: pointer.appending($0)) }), at: node.location)
        default:
            guard let entries = node.entries else { return node }
            if let kind = place.kind, let refNode = node["$ref"], let text = refNode.string {
                return reference(text, refNode, in: node, kind: kind, place: place, file: file, pointer: pointer.appending("$ref"))
            }
            return Node(.mapping(entries.map { entry in
                Node.Entry(key: entry.key, keyLocation: entry.keyLocation, value: walk(entry.value, at: Self.child(entry.key, of: place), in: file, pointer: pointer.appending(entry.key)))
            }), at: node.location)
        }
    }

    /// The place of the value under `key` in a mapping at `place`.
    static func child(_ key: String, of place: Place) -> Place {
        switch place {
        case .document:
            switch key {
            case "paths": return .paths
            case "webhooks": return .map(.pathItem)
            case "components": return .components
            default: return .data
            }
        case .components:
            switch key {
            case "schemas": return .map(.schema)
            case "parameters": return .map(.parameter)
            case "responses": return .map(.response)
            case "requestBodies": return .map(.requestBody)
            case "headers": return .map(.header)
            case "examples": return .map(.example)
            case "links": return .map(.link)
            case "callbacks": return .map(.callback)
            case "securitySchemes": return .map(.securityScheme)
            case "pathItems": return .map(.pathItem)
            default: return .data
            }
        case .paths:
            return key.hasPrefix("/") ? .pathItem : .data
        case .pathItem:
            switch key {
            case "get", "put", "post", "delete", "options", "head", "patch", "trace": return .operation
            case "parameters": return .list(.parameter)
            default: return .data
            }
        case .operation:
            switch key {
            case "parameters": return .list(.parameter)
            case "requestBody": return .requestBody
            case "responses": return .responses
            case "callbacks": return .map(.callback)
            default: return .data
            }
        case .parameter, .header:
            switch key {
            case "schema": return .schema
            case "content": return .content
            case "examples": return .map(.example)
            default: return .data
            }
        case .requestBody:
            return key == "content" ? .content : .data
        case .responses:
            return key.hasPrefix("x-") ? .data : .response
        case .response:
            switch key {
            case "headers": return .map(.header)
            case "content": return .content
            case "links": return .map(.link)
            default: return .data
            }
        case .content:
            return .mediaType
        case .mediaType:
            switch key {
            case "schema": return .schema
            case "examples": return .map(.example)
            case "encoding": return .map(.encoding)
            default: return .data
            }
        case .encoding:
            return key == "headers" ? .map(.header) : .data
        case .callback:
            return key.hasPrefix("x-") ? .data : .pathItem
        case .schema:
            switch key {
            case "properties", "patternProperties", "definitions", "$defs", "dependentSchemas": return .map(.schema)
            case "items", "additionalProperties", "additionalItems", "not", "contains", "propertyNames",
                 "if", "then", "else", "unevaluatedProperties", "unevaluatedItems", "contentSchema": return .schema
            case "allOf", "anyOf", "oneOf", "prefixItems": return .list(.schema)
            default: return .data
            }
        case .example, .link, .securityScheme, .data, .map, .list:
            return .data
        }
    }

    // MARK: - References

    /// The node that replaces the mapping `node`, whose `$ref` is `text`.
    func reference(_ text: String, _ refNode: Node, in node: Node, kind: Kind, place: Place, file: FileContext, pointer: JSONPointer) -> Node {
        let hashIndex = text.firstIndex(of: "#")
        let filePart = hashIndex.map { String(text[..<$0]) } ?? text
        let fragment = hashIndex.map { String(text[$0...]) } ?? "#"
        guard JSONPointer(fragment: fragment) != nil else {
            error("invalid-ref", "'$ref' '\(text)' has a fragment that is not a JSON pointer", at: refNode, in: file, pointer: pointer)
            return node
        }
        guard !filePart.contains("://") else {
            error("remote-ref", "'$ref' '\(text)' points at a remote document, which the generator does not fetch", at: refNode, in: file, pointer: pointer)
            return node
        }
        var key = file.key
        if !filePart.isEmpty {
            key = DocumentParser.joinPath(directory: DocumentParser.directory(of: file.key), filePart)
            if key == rootSelfKey { key = "" }
        }
        let isLocal = key.isEmpty
        // A reference within the root document stays as it is (once its target is known to
        // exist), except an operation's, which OpenAPI does not allow: the operation is written
        // out in its place.
        if isLocal && kind != .operation {
            guard target(key: key, fragment: fragment, text: text, refNode: refNode, file: file, pointer: pointer) != nil else { return node }
            return replacingReference(in: node, with: fragment)
        }
        let identity = key + fragment
        switch kind {
        case .pathItem, .operation:
            guard !inlining.contains(identity) else {
                error("ref-cycle", "'$ref' '\(text)' is part of a cycle of references that never reaches \(kind == .operation ? "an operation" : "a path item")", at: refNode, in: file, pointer: pointer)
                return node
            }
            guard let (target, targetFile) = target(key: key, fragment: fragment, text: text, refNode: refNode, file: file, pointer: pointer) else { return node }
            inlining.append(identity)
            defer { inlining.removeLast() }
            return walk(target, at: place, in: targetFile, pointer: JSONPointer(fragment: fragment) ?? .root)
        default:
            if let name = names[kind]?[identity] {
                return replacingReference(in: node, with: Self.componentReference(kind, name))
            }
            guard let (target, targetFile) = target(key: key, fragment: fragment, text: text, refNode: refNode, file: file, pointer: pointer) else { return node }
            let name = uniqueName(for: key, fragment: fragment, in: kind)
            names[kind, default: [:]][identity] = name
            // Claimed before the walk, so that a target that refers back to itself finds its name.
            let index = added[kind, default: []].count
            added[kind, default: []].append(Node.Entry(key: name, keyLocation: target.location, value: target))
            let walked = walk(target, at: place, in: targetFile, pointer: JSONPointer(fragment: fragment) ?? .root)
            added[kind]?[index].value = walked
            return replacingReference(in: node, with: Self.componentReference(kind, name))
        }
    }

    /// The node `fragment` points at in the file with `key`, loading the file on first use.
    func target(key: String, fragment: String, text: String, refNode: Node, file: FileContext, pointer: JSONPointer) -> (Node, FileContext)? {
        let loaded: (displayPath: String, root: Node)
        if key.isEmpty {
            loaded = (root.path, root.root)
        } else if let cached = files[key] {
            loaded = cached
        } else {
            do {
                loaded = try root.loader(key)
            } catch {
                let reason = error.diagnostics.first.map { ": " + $0.message } ?? ""
                self.error("unresolved-ref", "'$ref' '\(text)' points into '\(key)', which cannot be read\(reason)", at: refNode, in: file, pointer: pointer)
                return nil
            }
            files[key] = loaded
        }
        var node = loaded.root
        for token in JSONPointer(fragment: fragment)?.tokens ?? [] {
            if let child = node[token] {
                node = child
            } else if let items = node.items, let index = Int(token), items.indices.contains(index) {
                node = items[index]
            } else {
                error("unresolved-ref", "'$ref' '\(text)' points at nothing: there is no '\(token)' there", at: refNode, in: file, pointer: pointer)
                return nil
            }
        }
        return (node, FileContext(key: key, displayPath: loaded.displayPath))
    }

    /// A component name for the target: the pointer's last token, or the file's name without
    /// its extension; characters a component name cannot hold become `_`, and a name already
    /// taken gets the first free number.
    func uniqueName(for key: String, fragment: String, in kind: Kind) -> String {
        var base = JSONPointer(fragment: fragment)?.tokens.last ?? ""
        if base.isEmpty {
            let fileName = key.split(separator: "/").last.map(String.init) ?? key
            base = fileName.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
            if base.isEmpty { base = fileName }
        }
        base = String(base.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") ? $0 : "_" })
        if base.isEmpty { base = "_" }
        var name = base
        var number = 2
        while taken[kind, default: []].contains(name) {
            name = "\(base)\(number)"
            number += 1
        }
        taken[kind, default: []].insert(name)
        return name
    }

    static func componentReference(_ kind: Kind, _ name: String) -> String {
        "#/components/\(kind.rawValue)/\(JSONPointer.escape(name))"
    }

    /// `node` with its `$ref` replaced by `text`, its other entries kept.
    func replacingReference(in node: Node, with text: String) -> Node {
        guard let entries = node.entries else { return node }
        return Node(.mapping(entries.map { entry in
            guard entry.key == "$ref" else { return entry }
            return Node.Entry(key: entry.key, keyLocation: entry.keyLocation, value: Node(.string(text), at: entry.value.location))
        }), at: node.location)
    }

    /// Adds the components made from other files to the document's `components`, after its own.
    func appendComponents(to document: inout Node) {
        let order: [Kind] = [.schemas, .responses, .parameters, .examples, .requestBodies, .headers, .securitySchemes, .links, .callbacks]
        guard order.contains(where: { !(added[$0] ?? []).isEmpty }), var entries = document.entries else { return }
        let componentsIndex = entries.firstIndex { $0.key == "components" }
        var components = componentsIndex.flatMap { entries[$0].value.entries } ?? []
        for kind in order {
            guard let new = added[kind], !new.isEmpty else { continue }
            if let index = components.firstIndex(where: { $0.key == kind.rawValue }) {
                let existing = components[index].value.entries ?? []
                components[index].value = Node(.mapping(existing + new), at: components[index].value.location)
            } else {
                components.append(Node.Entry(key: kind.rawValue, keyLocation: document.location, value: Node(.mapping(new), at: document.location)))
            }
        }
        if let componentsIndex {
            entries[componentsIndex].value = Node(.mapping(components), at: entries[componentsIndex].value.location)
        } else {
            entries.append(Node.Entry(key: "components", keyLocation: document.location, value: Node(.mapping(components), at: document.location)))
        }
        document = Node(.mapping(entries), at: document.location)
    }

    func error(_ id: Diagnostic.ID, _ message: String, at node: Node, in file: FileContext, pointer: JSONPointer) {
        var path = file.displayPath
        if file.key.isEmpty, node.location.source > 0, root.overlayFiles.indices.contains(node.location.source - 1) {
            path = root.overlayFiles[node.location.source - 1]
        }
        diagnostics.emit(.error(id, message, at: .init(file: path, position: node.location, pointer: pointer)))
    }
}

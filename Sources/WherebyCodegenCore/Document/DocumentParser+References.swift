/// The kind of element a `$ref` must point at, which decides how its target is read.
enum ReferenceKind {
    case schema, parameter, response, requestBody, header, securityScheme
}

/// Reading `$ref`s and following them, into other files too.
extension DocumentParser {
    /// Reads `node` as an inline element or a `$ref` to one; the reference's target is read later.
    func referenceable<Value>(
        _ node: Node,
        _ scope: Scope,
        kind: ReferenceKind,
        parse: (Node, Scope) -> Value?
    ) -> Referenceable<Value>? {
        if let refNode = node["$ref"] {
            guard let reference = reference(refNode, scope.child("$ref")) else { return nil }
            pendingReferences.append((reference, kind))
            return .reference(reference)
        }
        return parse(node, scope).map(Referenceable.value)
    }

    /// Parses the text of a `$ref` relative to the file it was written in.
    func reference(_ node: Node, _ scope: Scope) -> Reference? {
        guard let text = node.string else {
            error("invalid-ref", "'$ref' must be a string but is \(node.kindDescription)", node, scope)
            return nil
        }
        let hashIndex = text.utf8.firstIndex(of: UInt8(ascii: "#"))
        let filePart = hashIndex.map { String(text[..<$0]) } ?? text
        let fragment = hashIndex.map { String(text[$0...]) } ?? "#"
        guard let pointer = JSONPointer(fragment: fragment) else {
            error("invalid-ref", "'$ref' '\(text)' has a fragment that is not a JSON pointer", node, scope)
            return nil
        }
        var file: String? = nil
        if !filePart.isEmpty {
            guard !filePart.contains("://") else {
                error("remote-ref", "'$ref' '\(text)' points at a remote document, which the generator does not fetch", node, scope)
                return nil
            }
            file = Self.joinPath(directory: Self.directory(of: scope.fileKey), filePart)
        } else if !scope.fileKey.isEmpty {
            file = scope.fileKey
        }
        return Reference(file: file, pointer: pointer, text: text, origin: scope.origin(node))
    }

    /// Reads the target of every pending reference, which may add more; each target is read once.
    func followReferences() {
        var index = 0
        while index < pendingReferences.count {
            let (reference, kind) = pendingReferences[index]
            index += 1
            guard readKeys.insert(reference.key).inserted else { continue }
            guard let (node, scope) = target(of: reference) else { continue }
            if let refNode = node["$ref"] {
                if let next = self.reference(refNode, scope.child("$ref")) {
                    targets.aliases[reference.key] = next
                    pendingReferences.append((next, kind))
                }
                continue
            }
            switch kind {
            case .schema: targets.schemas[reference.key] = parseSchema(node, scope)
            case .parameter: targets.parameters[reference.key] = parseParameter(node, scope)
            case .response: targets.responses[reference.key] = parseResponse(node, scope)
            case .requestBody: targets.requestBodies[reference.key] = parseRequestBody(node, scope)
            case .header: targets.headers[reference.key] = parseHeader(node, scope)
            case .securityScheme: break
            }
        }
    }

    /// The node a reference points at, loading its file on first use.
    func target(of reference: Reference) -> (Node, Scope)? {
        let fileKey = reference.file ?? ""
        if files[fileKey] == nil {
            guard let loader else {
                diagnostics.emit(.error("unresolved-ref", "'$ref' '\(reference.text)' points into another file, which cannot be read here", at: reference.origin.location))
                return nil
            }
            do {
                files[fileKey] = try loader(fileKey)
            } catch {
                // A file that cannot be opened has nothing to point at: say why at the `$ref`.
                // Problems inside a file that was read keep their own places in it.
                let located = error.diagnostics.filter { $0.location?.position != nil }
                let reason = error.diagnostics.first { $0.location?.position == nil }.map { ": " + $0.message } ?? ""
                diagnostics.emit(.error("unresolved-ref", "'$ref' '\(reference.text)' points into '\(fileKey)', which cannot be read\(reason)", at: reference.origin.location))
                diagnostics.emit(contentsOf: located)
                return nil
            }
        }
        guard let (displayPath, root) = files[fileKey] else { return nil }
        var node = root
        for token in reference.pointer.tokens {
            if let child = node[token] {
                node = child
            } else if let items = node.items, let index = Int(token), items.indices.contains(index) {
                node = items[index]
            } else {
                diagnostics.emit(.error("unresolved-ref", "'$ref' '\(reference.text)' points at nothing: there is no '\(token)' there", at: reference.origin.location))
                return nil
            }
        }
        return (node, Scope(file: displayPath, fileKey: fileKey, pointer: reference.pointer, overlayFiles: fileKey.isEmpty ? overlayFiles : []))
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Joins and normalises a relative path (`a/b` + `../c.yaml` → `a/c.yaml`).
    static func joinPath(directory: String, _ relative: String) -> String {
        var parts = relative.hasPrefix("/") ? [] : directory.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if parts.isEmpty || parts.last == ".." { parts.append("..") } else { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        return (relative.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}

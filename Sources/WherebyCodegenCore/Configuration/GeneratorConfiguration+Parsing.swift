/// Reading `whereby-codegen.yaml`, with a located error for every unknown key and wrong type.
extension GeneratorConfiguration {
    /// The configuration file's name, looked for beside the spec.
    public static let fileName = "whereby-codegen.yaml"

    public static func parse(_ root: Node, file: String) throws(DiagnosticError) -> GeneratorConfiguration {
        var parser = ConfigurationParser(file: file)
        let configuration = parser.parse(root)
        try parser.diagnostics.throwIfErrors()
        return configuration
    }

    public static func load(path: String) throws(DiagnosticError) -> GeneratorConfiguration {
        try read(try SourceFile.load(path: path))
    }

    /// Reads a configuration file; an empty one (or one of comments only) asks for the defaults.
    public static func read(_ file: SourceFile) throws(DiagnosticError) -> GeneratorConfiguration {
        let root: Node
        do {
            root = try DocumentReader.read(file, format: .yaml)
        } catch where error.diagnostics.allSatisfy({ $0.id == "empty-document" }) {
            return GeneratorConfiguration()
        }
        return try parse(root, file: file.path)
    }
}

private struct ConfigurationParser {
    let file: String
    var diagnostics = DiagnosticCollector()

    init(file: String) {
        self.file = file
    }

    mutating func parse(_ root: Node) -> GeneratorConfiguration {
        var configuration = GeneratorConfiguration()
        if case .null = root.value { return configuration }
        guard let entries = mapping(root, .root, "the configuration") else { return configuration }
        for entry in entries {
            let pointer = JSONPointer([entry.key])
            switch entry.key {
            case "accessModifier":
                if let text = string(entry.value, pointer, entry.key) {
                    if let modifier = GeneratorConfiguration.AccessModifier(rawValue: text) {
                        configuration.accessModifier = modifier
                    } else {
                        error(entry.value, pointer, "'accessModifier' must be public, package or internal, not '\(text)'")
                    }
                }
            case "clientName":
                if let name = identifier(entry.value, pointer, entry.key) { configuration.clientName = name }
            case "files":
                if let names = strings(entry.value, pointer, entry.key) {
                    var files: [GeneratorConfiguration.File] = []
                    for (index, name) in names.enumerated() {
                        if let file = GeneratorConfiguration.File(rawValue: name) {
                            files.append(file)
                        } else {
                            error(entry.value.items?[index] ?? entry.value, pointer.appending(index), "'\(name)' is not a file; the files are client, types and operations")
                        }
                    }
                    configuration.files = files
                }
            case "hashable":
                if case .bool(let value) = entry.value.value {
                    configuration.hashableModels = value
                } else {
                    error(entry.value, pointer, "'hashable' must be true or false, not \(entry.value.kindDescription)")
                }
            case "filter":
                configuration.filter = filter(entry.value, pointer)
            case "naming":
                for (key, value, namePointer) in section(entry.value, pointer, allowed: ["style", "types", "properties", "operations"]) {
                    if key == "style" {
                        if let text = string(value, namePointer, key) {
                            if let style = SwiftNaming.Style(rawValue: text) {
                                configuration.namingStyle = style
                            } else {
                                error(value, namePointer, "'naming.style' must be swift or document, not '\(text)'")
                            }
                        }
                        continue
                    }
                    let names = identifierMap(value, namePointer, key)
                    switch key {
                    case "types": configuration.typeNames = names
                    case "properties": configuration.propertyNames = names
                    default: configuration.operationNames = names
                    }
                }
            case "typeOverrides":
                for (key, value, overridePointer) in section(entry.value, pointer, allowed: ["schemas", "formats"]) {
                    let types = typeMap(value, overridePointer, key)
                    if key == "schemas" { configuration.schemaTypes = types } else { configuration.formatTypes = types }
                }
            default:
                error(entry.value, pointer, "unknown key '\(entry.key)'; the keys are accessModifier, clientName, files, hashable, filter, naming and typeOverrides", at: entry.keyLocation)
            }
        }
        return configuration
    }

    private mutating func filter(_ node: Node, _ pointer: JSONPointer) -> GeneratorConfiguration.Filter {
        var filter = GeneratorConfiguration.Filter()
        for (key, value, listPointer) in section(node, pointer, allowed: ["tags", "paths", "operations"]) {
            let list = strings(value, listPointer, key) ?? []
            switch key {
            case "tags": filter.tags = list
            case "paths": filter.paths = list
            default: filter.operations = list
            }
        }
        return filter
    }

    // MARK: - Shapes

    /// The entries of a mapping whose keys must be among `allowed`.
    private mutating func section(_ node: Node, _ pointer: JSONPointer, allowed: [String]) -> [(String, Node, JSONPointer)] {
        guard let entries = mapping(node, pointer, pointer.tokens.last ?? "") else { return [] }
        return entries.compactMap { entry in
            guard allowed.contains(entry.key) else {
                error(entry.value, pointer.appending(entry.key), "unknown key '\(entry.key)' in '\(pointer.tokens.last ?? "")'; the keys are \(allowed.joined(separator: ", "))", at: entry.keyLocation)
                return nil
            }
            return (entry.key, entry.value, pointer.appending(entry.key))
        }
    }

    private mutating func identifierMap(_ node: Node, _ pointer: JSONPointer, _ name: String) -> [String: String] {
        var result: [String: String] = [:]
        for entry in mapping(node, pointer, name) ?? [] {
            if let value = identifier(entry.value, pointer.appending(entry.key), entry.key) { result[entry.key] = value }
        }
        return result
    }

    private mutating func typeMap(_ node: Node, _ pointer: JSONPointer, _ name: String) -> [String: String] {
        var result: [String: String] = [:]
        for entry in mapping(node, pointer, name) ?? [] {
            let entryPointer = pointer.appending(entry.key)
            guard let type = string(entry.value, entryPointer, entry.key) else { continue }
            if Self.isTypeSpelling(type) {
                result[entry.key] = type
            } else {
                error(entry.value, entryPointer, "'\(type)' is not a Swift type name such as Foundation.UUID or [String]")
            }
        }
        return result
    }

    /// Dotted identifiers, optionally in array or dictionary brackets: never arbitrary code.
    static func isTypeSpelling(_ text: String) -> Bool {
        var core = Substring(text)
        if core.hasPrefix("["), core.hasSuffix("]") {
            core = core.dropFirst().dropLast()
            let parts = core.split(separator: ":", maxSplits: 1).map { String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
            return !parts.isEmpty && parts.allSatisfy { isTypeSpelling($0) }
        }
        let components = core.split(separator: ".", omittingEmptySubsequences: false)
        return !components.isEmpty && components.allSatisfy { SwiftNaming.isIdentifier(String($0)) }
    }

    private mutating func mapping(_ node: Node, _ pointer: JSONPointer, _ name: String) -> [Node.Entry]? {
        if let entries = node.entries { return entries }
        error(node, pointer, "'\(name)' must be a mapping, not \(node.kindDescription)")
        return nil
    }

    private mutating func string(_ node: Node, _ pointer: JSONPointer, _ name: String) -> String? {
        if let text = node.string { return text }
        error(node, pointer, "'\(name)' must be a string, not \(node.kindDescription)")
        return nil
    }

    private mutating func strings(_ node: Node, _ pointer: JSONPointer, _ name: String) -> [String]? {
        guard let items = node.items else {
            error(node, pointer, "'\(name)' must be a list of strings, not \(node.kindDescription)")
            return nil
        }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            if let text = item.string { result.append(text) } else { error(item, pointer.appending(index), "'\(name)' must list strings, not \(item.kindDescription)") }
        }
        return result
    }

    private mutating func identifier(_ node: Node, _ pointer: JSONPointer, _ name: String) -> String? {
        guard let text = string(node, pointer, name) else { return nil }
        guard SwiftNaming.isIdentifier(text), !SwiftNaming.keywords.contains(text) else {
            error(node, pointer, "'\(text)' is not a Swift identifier")
            return nil
        }
        return text
    }

    private mutating func error(_ node: Node, _ pointer: JSONPointer, _ message: String, at position: SourceLocation? = nil) {
        diagnostics.emit(.error("invalid-configuration", message, at: Diagnostic.Location(file: file, position: position ?? node.location, pointer: pointer)))
    }
}

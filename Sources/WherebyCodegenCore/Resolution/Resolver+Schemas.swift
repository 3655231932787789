/// Mapping schemas to Swift types, declaring structs and enums on the way.
extension Resolver {
    /// What shapes a schema's Swift type besides the schema itself.
    struct SchemaContext: Hashable {
        /// Inside a multipart body, where `binary` is a file part, not plain bytes.
        var inMultipart = false

        var key: String { inMultipart ? "|multipart" : "" }
    }

    /// What kind of Swift type a schema becomes.
    enum Shape {
        case structure
        case enumeration(isInteger: Bool)
        case oneOf([Referenceable<Schema>])
        /// No declaration of its own: a standard type, an array, a dictionary, or another type.
        case alias
    }

    // MARK: - Components

    func resolveComponentSchemas() {
        // Claim every component's name first, so references resolve whatever the order.
        var declared: [(Named<Schema>, TypePath)] = []
        for named in document.components.schemas {
            if let custom = options.configuration.schemaTypes[named.name] {
                customComponentTypes[named.origin.pointer.description] = custom
                continue
            }
            let defaultName = SwiftNaming.typeName(named.name)
            let path = TypePath([claim(options.configuration.typeNames[defaultName] ?? defaultName, for: named.name, "schema", in: &topLevel, at: named.origin)])
            componentTypes[named.origin.pointer.description] = path
            declared.append((named, path))
        }
        for (named, path) in declared {
            switch named.value {
            case .reference(let reference):
                if let cycle = aliasCycle(from: named.origin.pointer.description) {
                    diagnostics.emit(.error("ref-cycle", "'$ref' '\(reference.text)' is part of a cycle of references that never reaches a schema (\(cycle))", at: reference.origin.location))
                    continue
                }
                let target = typeReference(for: named.value, hint: named.name, parent: nil, context: SchemaContext())
                declare(TypeDeclaration(path: path, kind: .typeAlias(target), documentation: Documentation(provenance: named.origin.pointer.description)))
            case .value(let schema):
                declare(schema, at: path, context: SchemaContext(), documentation: documentation(of: schema))
            }
        }
    }

    /// Component responses with a body get a type of their own (`ThrottleError`), for error handling.
    func resolveComponentResponses() {
        for named in document.components.responses {
            guard case .value(let response) = named.value,
                  let media = preferredMedia(response.content), let schema = media.schema
            else { continue }
            let type = typeReference(for: schema, hint: named.name, parent: nil, context: SchemaContext())
            if case .named = type { continue }
            let path = TypePath([topLevel.claim(SwiftNaming.typeName(named.name))])
            declare(TypeDeclaration(path: path, kind: .typeAlias(type), documentation: Documentation(description: response.description, provenance: named.origin.pointer.description)))
        }
    }

    // MARK: - Types

    /// The Swift type for a schema or a reference to one; declares new types under `parent`
    /// (nil: the top level) named from `hint`.
    func typeReference(for schema: Referenceable<Schema>, hint: String, parent: TypePath?, context: SchemaContext) -> TypeReference {
        switch schema {
        case .reference(let reference):
            if let custom = customComponentTypes[reference.key] {
                return .custom(custom)
            }
            if let path = componentPath(reference) {
                noteReference(to: path, from: parent)
                return .named(path)
            }
            guard let (target, _) = resolveTarget(reference) else { return .jsonValue }
            let type: TypeReference
            switch target {
            case .value(let value):
                // Keyed by where the schema is written, so a reference and the inline schema it
                // points at share one type.
                let cacheKey = Self.cacheKey(value, context)
                if let cached = resolvedSchemas[cacheKey] { return cached }
                type = typeReference(for: value, hint: Self.hint(for: reference) ?? hint, parent: nil, context: context, cacheKey: cacheKey)
            case .reference:
                type = typeReference(for: target, hint: hint, parent: nil, context: context)
            }
            noteReference(to: type, from: parent)
            return type
        case .value(let value):
            let cacheKey = Self.cacheKey(value, context)
            if let cached = resolvedSchemas[cacheKey] { return cached }
            return typeReference(for: value, hint: hint, parent: parent, context: context, cacheKey: cacheKey)
        }
    }

    static func cacheKey(_ schema: Schema, _ context: SchemaContext) -> String {
        schema.origin.file + schema.origin.pointer.description + context.key
    }

    /// The name a referenced schema's type takes: the last token of the pointer, or the file's
    /// name for a reference to a whole file (`../shared.yaml` → `Shared`).
    static func hint(for reference: Reference) -> String? {
        if let token = reference.lastToken { return token }
        guard let file = reference.file?.split(separator: "/").last else { return nil }
        return String(file.split(separator: ".").first ?? file)
    }

    private func typeReference(for schema: Schema, hint: String, parent: TypePath?, context: SchemaContext, cacheKey: String) -> TypeReference {
        switch shape(of: schema) {
        case .alias:
            let type = aliasType(schema, hint: hint, parent: parent, context: context)
            resolvedSchemas[cacheKey] = type
            return type
        case .structure, .enumeration, .oneOf:
            let path = chosenTypePath(for: schema, referencedFrom: parent) ?? claimTypeName(hint, in: parent)
            resolvedSchemas[cacheKey] = .named(path)
            declare(schema, at: path, context: context, documentation: documentation(of: schema))
            return .named(path)
        }
    }

    /// Declares the type for `schema` at `path`: a struct, an enum, a one-of enum, or an alias.
    func declare(_ schema: Schema, at path: TypePath, context: SchemaContext, documentation: Documentation) {
        // Reserve the declaration's place before its nested types are made, to keep document order.
        let index = declarations.count
        declare(TypeDeclaration(path: path, kind: .typeAlias(.jsonValue), documentation: documentation))
        let kind: TypeDeclaration.Kind
        switch shape(of: schema) {
        case .structure:
            kind = .structure(properties(of: schema, in: path, context: context))
        case .enumeration(let isInteger):
            let cases = enumCases(of: schema)
            kind = isInteger ? .integerEnum(cases) : .stringEnum(cases)
        case .oneOf(let alternatives):
            kind = .oneOf(oneOfModel(schema, alternatives: alternatives, in: path, context: context))
        case .alias:
            let hint = schema.types.contains(.array) || schema.items != nil ? SwiftNaming.singular(path.name) : path.name + "Value"
            kind = .typeAlias(aliasType(schema, hint: hint, parent: nil, context: context))
        }
        declarations[index].kind = kind
    }

    func shape(of schema: Schema) -> Shape {
        // A reference wrapped for its description is the referenced type (Resolver+Annotations).
        if singleMember(of: schema) != nil { return .alias }
        if !schema.allOf.isEmpty {
            let ownProperties = !schema.properties.isEmpty || !schema.strayProperties.isEmpty
            return schema.allOf.count == 1 && !ownProperties ? .alias : .structure
        }
        let alternatives = (schema.oneOf + schema.anyOf).filter { !isNullOnly($0) }
        if alternatives.count > 1 { return .oneOf(alternatives) }
        if alternatives.count == 1 { return .alias }
        if let values = schema.enumValues?.map(\.value).filter({ $0 != .null }), !values.isEmpty {
            if values.allSatisfy({ $0.string != nil }) { return .enumeration(isInteger: false) }
            if values.allSatisfy({ if case .integer = $0 { true } else { false } }) { return .enumeration(isInteger: true) }
            return .alias
        }
        let isObject = schema.types.contains(.object) || schema.types.isEmpty
        if isObject && (!schema.properties.isEmpty || !schema.strayProperties.isEmpty) { return .structure }
        if schema.types == [.object] && !schema.required.isEmpty && schema.additionalProperties == nil { return .structure }
        return .alias
    }

    /// The type of a schema that declares nothing of its own.
    private func aliasType(_ schema: Schema, hint: String, parent: TypePath?, context: SchemaContext) -> TypeReference {
        if let only = singleMember(of: schema) {
            return typeReference(for: only, hint: hint, parent: parent, context: context)
        }
        if let only = schema.allOf.first, schema.allOf.count == 1 {
            return typeReference(for: only, hint: hint, parent: parent, context: context)
        }
        if let only = (schema.oneOf + schema.anyOf).first(where: { !isNullOnly($0) }) {
            return typeReference(for: only, hint: hint, parent: parent, context: context)
        }
        // `enum: [true]` (or both): a constant, or just any, `Bool`; `Bool` has no other values.
        if let values = schema.enumValues?.map(\.value).filter({ $0 != .null }), !values.isEmpty,
           values.allSatisfy({ if case .bool = $0 { true } else { false } }) {
            return .bool
        }
        if schema.enumValues != nil {
            warning("mixed-enum", "enum mixes values of different types; generating a JSON value", schema.origin)
            return .jsonValue
        }
        if schema.types.count > 1 {
            let listed = schema.types.map(\.rawValue).joined(separator: ", ")
            warning("multiple-types", "schema allows several types (\(listed)); generating a JSON value", schema.origin)
            return .jsonValue
        }
        if let format = schema.format, let custom = options.configuration.formatTypes[format] {
            return .custom(custom)
        }
        if schema.types.first == .array || (schema.types.isEmpty && schema.items != nil) {
            guard let items = schema.items else { return .array(.jsonValue) }
            return .array(typeReference(for: items, hint: SwiftNaming.singular(hint), parent: parent, context: context))
        }
        switch schema.types.first {
        case .string?: return stringType(format: schema.format, context: context)
        case .integer?:
            switch schema.format {
            case "int32": return .integer(.int32)
            case "int64": return .integer(.int64)
            default: return .integer(.natural)
            }
        case .number?: return schema.format == "float" ? .float : .double
        case .boolean?: return .bool
        case .object?, nil:
            if case .schema(let values)? = schema.additionalProperties {
                return .dictionary(typeReference(for: values, hint: hint + "Value", parent: parent, context: context))
            }
            if schema.types.isEmpty && schema.format != nil { return stringType(format: schema.format, context: context) }
            return schema.types.isEmpty ? .jsonValue : .jsonObject
        case .array?, .null?:
            return .jsonValue
        }
    }

    private func stringType(format: String?, context: SchemaContext) -> TypeReference {
        switch format {
        case "date-time": .date
        case "binary": context.inMultipart ? .multipartFile : .data
        case "byte": .data
        default: .string
        }
    }

    func isNullOnly(_ schema: Referenceable<Schema>) -> Bool {
        guard case .value(let value) = schema else { return false }
        return value.isNullable && value.types.isEmpty && value.properties.isEmpty && value.enumValues == nil
    }

    // MARK: - References

    /// The chain of keys, when following component aliases from `key` comes back to one of them.
    private func aliasCycle(from key: String) -> String? {
        var chain = [key]
        var current = key
        while let next = document.referenceTargets.aliases[current] {
            if chain.contains(next.key) { return (chain + [next.key]).joined(separator: " → ") }
            chain.append(next.key)
            current = next.key
        }
        return nil
    }

    /// The declared component a reference names, following components that alias others.
    func componentPath(_ reference: Reference) -> TypePath? {
        componentTypes[reference.key]
    }

    /// The schema a non-component reference points at, with its key; nil (and an error) for a cycle.
    func resolveTarget(_ reference: Reference) -> (Referenceable<Schema>, String)? {
        var current = reference
        var visited: Set<String> = []
        while visited.insert(current.key).inserted {
            if let schema = document.referenceTargets.schemas[current.key] {
                return (.value(schema), current.key)
            }
            if componentTypes[current.key] != nil {
                return (.reference(current), current.key)
            }
            guard let next = document.referenceTargets.aliases[current.key] else {
                diagnostics.emit(.error("unresolved-ref", "'$ref' '\(reference.text)' does not point at a schema", at: reference.origin.location))
                return nil
            }
            current = next
        }
        diagnostics.emit(.error("ref-cycle", "'$ref' '\(reference.text)' is part of a cycle of references that never reaches a schema", at: reference.origin.location))
        return nil
    }

    /// The schema behind a reference or inline schema, following references.
    func schemaBehind(_ schema: Referenceable<Schema>) -> Schema? {
        switch schema {
        case .value(let value): value
        case .reference(let reference): follow(reference, in: \.schemas)
        }
    }

    /// The element a reference names in one of the document's tables, through references to
    /// references; nil for a target of another kind, nothing, or a chain that loops.
    func follow<Element>(_ reference: Reference, in table: KeyPath<ReferenceTargets, [String: Element]>) -> Element? {
        var current = reference
        for _ in 0..<64 {
            if let element = document.referenceTargets[keyPath: table][current.key] { return element }
            guard let next = document.referenceTargets.aliases[current.key] else { return nil }
            current = next
        }
        return nil
    }

    func noteReference(to path: TypePath, from parent: TypePath?) {
        guard let parent, let root = path.components.first else { return }
        topLevelReferences[parent, default: []].insert(root)
    }

    private func noteReference(to type: TypeReference, from parent: TypePath?) {
        switch type {
        case .named(let path): noteReference(to: path, from: parent)
        case .array(let element), .dictionary(let element): noteReference(to: element, from: parent)
        default: break
        }
    }

    // MARK: - Helpers

    func documentation(of schema: Schema) -> Documentation {
        Documentation(
            summary: schema.title,
            description: schema.description,
            provenance: schema.origin.pointer.description,
            isDeprecated: schema.isDeprecated
        )
    }

    func warning(_ id: Diagnostic.ID, _ message: String, _ origin: Origin) {
        diagnostics.emit(.warning(id, message, at: origin.location))
    }

    func constraints(of schema: Schema?) -> ConstraintsModel {
        var model = ConstraintsModel()
        guard let constraints = schema?.constraints else { return model }
        model.minimum = constraints.minimum
        model.maximum = constraints.maximum
        model.exclusiveMinimum = constraints.exclusiveMinimum
        model.exclusiveMaximum = constraints.exclusiveMaximum
        model.minLength = constraints.minLength
        model.maxLength = constraints.maxLength
        model.pattern = constraints.pattern
        model.minItems = constraints.minItems
        model.maxItems = constraints.maxItems
        return model
    }
}

/// Reading schemas, as OpenAPI 3.0 and 3.1 (JSON Schema 2020-12) write them.
extension DocumentParser {
    /// Keywords of JSON Schema and OpenAPI that a schema may hold without a warning.
    static let schemaKeywords: Set<String> = [
        "type", "nullable", "format", "title", "description", "enum", "const", "default", "example", "examples",
        "properties", "required", "additionalProperties", "items", "prefixItems", "allOf", "oneOf", "anyOf", "not",
        "discriminator", "readOnly", "writeOnly", "deprecated", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems",
        "minProperties", "maxProperties", "xml", "externalDocs", "$schema", "$id", "$anchor", "$defs", "$comment",
        "$dynamicAnchor", "$dynamicRef", "definitions", "contentMediaType", "contentEncoding", "contentSchema",
        "if", "then", "else", "dependentRequired", "dependentSchemas", "patternProperties", "propertyNames",
        "unevaluatedProperties", "unevaluatedItems", "contains", "minContains", "maxContains",
    ]

    func parseSchemaReference(_ node: Node, _ scope: Scope) -> Referenceable<Schema>? {
        referenceable(node, scope, kind: .schema) { self.parseSchema($0, $1) }
    }

    func parseSchema(_ node: Node, _ scope: Scope) -> Schema? {
        if case .bool(let allowed) = node.value {
            // 3.1: `true` accepts anything, `false` nothing; both read as an unconstrained schema.
            var schema = Schema(origin: scope.origin(node))
            if !allowed { schema.description = "No value is allowed here." }
            return schema
        }
        guard let entries = mapping(node, scope) else { return nil }
        var schema = Schema(origin: scope.origin(node))
        parseType(node, scope, into: &schema)
        schema.format = string(node, "format", scope)
        schema.title = string(node, "title", scope)
        schema.description = string(node, "description", scope)
        if let values = node["enum"] {
            if let items = sequence(values, scope.child("enum")) {
                schema.enumValues = items.enumerated().map { index, item in
                    Schema.EnumValue(value: Literal(item), origin: scope.child("enum").child(index).origin(item))
                }
            }
        }
        schema.constValue = node["const"].map(Literal.init)
        schema.defaultValue = node["default"].map(Literal.init)
        schema.example = node["example"].map(Literal.init) ?? node["examples"]?.items?.first.map(Literal.init)

        if let properties = node["properties"], let propertyEntries = mapping(properties, scope.child("properties")) {
            for entry in propertyEntries {
                let propertyScope = scope.child("properties").child(entry.key)
                if let property = parseSchemaReference(entry.value, propertyScope) {
                    schema.properties.append(SchemaProperty(name: entry.key, schema: property, origin: propertyScope.origin(entry.value)))
                }
            }
        }
        if let required = node["required"] {
            if let items = sequence(required, scope.child("required")) {
                for (index, item) in items.enumerated() {
                    if let name = item.string {
                        schema.required.append(Schema.RequiredName(name: name, origin: scope.child("required").child(index).origin(item)))
                    }
                }
            }
        }
        if let additional = node["additionalProperties"] {
            if let allowed = additional.bool {
                schema.additionalProperties = .allowed(allowed)
            } else if let nested = parseSchemaReference(additional, scope.child("additionalProperties")) {
                schema.additionalProperties = .schema(nested)
            }
        }
        if let items = node["items"] {
            schema.items = parseSchemaReference(items, scope.child("items"))
        }
        schema.allOf = schemaList(node, "allOf", scope)
        schema.oneOf = schemaList(node, "oneOf", scope)
        schema.anyOf = schemaList(node, "anyOf", scope)
        if let discriminator = node["discriminator"], discriminator.entries != nil {
            let discriminatorScope = scope.child("discriminator")
            if let propertyName = string(discriminator, "propertyName", discriminatorScope) {
                let mapping = (discriminator["mapping"]?.entries ?? []).compactMap { entry in
                    entry.value.string.map { (entry.key, $0) }
                }
                schema.discriminator = Schema.Discriminator(propertyName: propertyName, mapping: mapping)
            }
        }
        schema.isReadOnly = bool(node, "readOnly", scope) ?? false
        schema.isWriteOnly = bool(node, "writeOnly", scope) ?? false
        schema.isDeprecated = bool(node, "deprecated", scope) ?? false
        parseConstraints(node, scope, into: &schema.constraints)
        schema.extensions = extensions(of: node)

        for entry in entries where !entry.key.hasPrefix("x-") && !Self.schemaKeywords.contains(entry.key) {
            let strayScope = scope.child(entry.key)
            if Self.looksLikeSchema(entry.value), let stray = parseSchemaReference(entry.value, strayScope) {
                schema.strayProperties.append(SchemaProperty(name: entry.key, schema: stray, origin: strayScope.origin(entry.value)))
            } else {
                warning("unknown-keyword", "'\(entry.key)' is not a schema keyword; ignoring it", entry.value, strayScope)
            }
        }
        return schema
    }

    /// `type` as a string, or as a 3.1 array whose `null` entry means nullable.
    private func parseType(_ node: Node, _ scope: Scope, into schema: inout Schema) {
        if let typeNode = node["type"] {
            let typeScope = scope.child("type")
            let names: [String]
            if let name = typeNode.string {
                names = [name]
            } else if let items = typeNode.items {
                names = items.compactMap(\.string)
                if !version.isThreeOne {
                    let listed = names.map { "'\($0)'" }.joined(separator: ", ")
                    warning("type-array-in-3.0", "'type' is a list (\(listed)), which OpenAPI \(version) does not allow; reading it as OpenAPI 3.1 does", typeNode, typeScope)
                }
            } else {
                wrongType("type", expected: "a string or a list of strings", typeNode, scope)
                names = []
            }
            for name in names {
                guard let type = Schema.JSONType(rawValue: name) else {
                    warning("unknown-type", "'\(name)' is not a JSON Schema type; ignoring it", typeNode, typeScope)
                    continue
                }
                if type == .null { schema.isNullable = true } else { schema.types.append(type) }
            }
        }
        if let nullable = bool(node, "nullable", scope), nullable {
            schema.isNullable = true
        }
    }

    private func parseConstraints(_ node: Node, _ scope: Scope, into constraints: inout Schema.Constraints) {
        constraints.minimum = number(node, "minimum", scope)
        constraints.maximum = number(node, "maximum", scope)
        // 3.0 writes exclusive bounds as booleans beside minimum/maximum, 3.1 as numbers of their own.
        for (key, bound) in [("exclusiveMinimum", \Schema.Constraints.minimum), ("exclusiveMaximum", \Schema.Constraints.maximum)] {
            guard let value = node[key] else { continue }
            let exclusive: String?
            if let flag = value.bool {
                exclusive = flag ? constraints[keyPath: bound] : nil
                if flag { constraints[keyPath: bound] = nil }
            } else {
                exclusive = number(node, key, scope)
            }
            if key == "exclusiveMinimum" { constraints.exclusiveMinimum = exclusive } else { constraints.exclusiveMaximum = exclusive }
        }
        constraints.multipleOf = number(node, "multipleOf", scope)
        constraints.minLength = integer(node, "minLength", scope)
        constraints.maxLength = integer(node, "maxLength", scope)
        constraints.pattern = string(node, "pattern", scope)
        constraints.minItems = integer(node, "minItems", scope)
        constraints.maxItems = integer(node, "maxItems", scope)
        constraints.uniqueItems = bool(node, "uniqueItems", scope) ?? false
        constraints.minProperties = integer(node, "minProperties", scope)
        constraints.maxProperties = integer(node, "maxProperties", scope)
    }

    private func schemaList(_ node: Node, _ key: String, _ scope: Scope) -> [Referenceable<Schema>] {
        guard let list = node[key], let items = sequence(list, scope.child(key)) else { return [] }
        return items.enumerated().compactMap { index, item in
            parseSchemaReference(item, scope.child(key).child(index))
        }
    }

    /// A mapping that holds schema keywords: what a misplaced property looks like.
    static func looksLikeSchema(_ node: Node) -> Bool {
        guard let entries = node.entries, !entries.isEmpty else { return false }
        return entries.contains { ["type", "$ref", "properties", "items", "allOf", "oneOf", "anyOf", "enum"].contains($0.key) }
    }
}

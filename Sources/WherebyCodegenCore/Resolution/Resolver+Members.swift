/// The members of declared types: struct properties, enum cases, one-of alternatives.
extension Resolver {
    // MARK: - Structs

    func properties(of schema: Schema, in path: TypePath, context: SchemaContext) -> [PropertyModel] {
        let merging = mergingAllOf(schema, in: path, context: context)
        let merged = merging.schema
        var names = NameScope(reserved: ["CodingKeys"])
        let required = Set(merged.required.map(\.name))
        var models: [PropertyModel] = []
        var declared: Set<String> = []
        reservePropertyNames(merged.properties + merged.strayProperties, in: path)

        func add(_ property: SchemaProperty) {
            guard declared.insert(property.name).inserted else { return }
            let behind = describingSchema(property.schema)
            let isRequired = required.contains(property.name)
            let isNullable = (behind?.isNullable ?? false) || describesNull(property)
            var type = memberType(of: property, in: path, merging: merging, context: context)
            var propertyConstraints = constraints(of: behind)
            // A number that is a date since 1970: a `Date` (a property's own schema only; in an
            // array or a parameter it stays a number). Its numeric bounds do not apply to a `Date`.
            if let unit = TypeReference.UnixTimeFormat(format: behind?.format), [.integer(.natural), .integer(.int32), .integer(.int64), .double].contains(type) {
                type = .unixTime(unit)
                propertyConstraints = ConstraintsModel()
            }
            let presence: PropertyModel.Presence = switch (isRequired, isNullable) {
            case (true, false): .required
            case (true, true): .requiredNullable
            case (false, true): .optionalNullable
            case (false, false): .optional
            }
            var documentation = behind.map(documentation(of:)) ?? Documentation()
            documentation.provenance = property.origin.pointer.description
            let override = options.configuration.propertyNames[path.description + "." + property.name]
            models.append(PropertyModel(
                swiftName: claim(override ?? memberName(property.name), for: property.name, "property", in: &names, at: property.origin),
                jsonName: property.name,
                type: type,
                presence: presence,
                documentation: documentation,
                constraints: propertyConstraints
            ))
        }

        merged.properties.forEach(add)
        for stray in merged.strayProperties {
            let message = merged.properties.isEmpty && merged.types.isEmpty
                ? "schema has no schema keywords, but its key '\(stray.name)' holds a schema; reading it as an object with a property '\(stray.name)'"
                : "property '\(stray.name)' is written beside 'properties' instead of inside it; reading it as a property"
            warning("misplaced-property", message, stray.origin)
            add(stray)
        }
        for name in merged.required where !declared.contains(name.name) {
            warning("undeclared-required-property", "required property '\(name.name)' is not declared in 'properties'; generating it as an optional JSON value", name.origin)
            declared.insert(name.name)
            models.append(PropertyModel(
                swiftName: claim(memberName(name.name), for: name.name, "property", in: &names, at: name.origin),
                jsonName: name.name,
                type: .jsonValue,
                presence: .optional,
                documentation: Documentation(provenance: name.origin.pointer.description),
                constraints: ConstraintsModel()
            ))
        }
        return models
    }

    /// A property whose schema does not allow null but whose description says the value can be null:
    /// the documentation is right more often than the schema, so the property is made nullable.
    private func describesNull(_ property: SchemaProperty) -> Bool {
        guard case .value(let schema) = property.schema, !schema.isNullable,
              let description = schema.description, ProseNullability.statesNullable(description)
        else { return false }
        warning("undeclared-null", "description of '\(property.name)' says the value can be null, but its schema does not allow null; generating it as nullable", schema.origin)
        return true
    }

    // MARK: - Enums

    func enumCases(of schema: Schema) -> [EnumCaseModel] {
        var names = NameScope(reserved: ["unknown", "allCases", "rawValue"])
        var cases: [EnumCaseModel] = []
        var seen: Set<String> = []
        var trailingCommas: [Schema.EnumValue] = []
        let chosenNames = enumVarNames(of: schema)
        for value in schema.enumValues ?? [] {
            let raw: String
            switch value.value {
            case .string(let text): raw = text
            case .integer(let text): raw = text
            default: continue
            }
            guard seen.insert(raw).inserted else {
                warning("duplicate-enum-value", "enum value '\(raw)' is listed twice; generating one case for it", value.origin)
                continue
            }
            var caseSource = raw
            if raw.hasSuffix(","), raw.count > 1 {
                trailingCommas.append(value)
                caseSource = String(raw.dropLast())
            }
            let override = chosenNames.count > cases.count ? chosenNames[cases.count] : nil
            let swiftName = override.map { SwiftNaming.avoidingOptionalCases(memberName($0)) } ?? caseName(caseSource)
            var note: String?
            if override != nil, swiftName != caseName(caseSource) {
                note = "The value `\(raw)`."
            } else if let shadowed = SwiftNaming.optionalCaseName(raw: caseSource, style: namingStyle) {
                note = "The value `\(raw)`: `.\(shadowed)` would be `Optional.\(shadowed)` where the value is optional."
            }
            cases.append(EnumCaseModel(swiftName: claim(swiftName, for: raw, "enum value", in: &names, at: value.origin), rawValue: raw, note: note))
        }
        if let first = trailingCommas.first {
            let examples = trailingCommas.prefix(3).compactMap { $0.value.string.map { "'\($0)'" } }.joined(separator: ", ")
            let count = trailingCommas.count
            warning(
                "enum-trailing-comma",
                "\(count) enum \(count == 1 ? "value ends" : "values end") with a comma (\(examples)\(count > 3 ? ", ..." : "")), which looks like a typo; keeping the values as written and naming the cases without the comma",
                first.origin
            )
        }
        return cases
    }

    /// The case names `x-enum-varnames` chooses, one per value in order (the extension
    /// openapi-generator reads); a list of another length, or with a name that is no Swift
    /// identifier, is ignored with a warning.
    private func enumVarNames(of schema: Schema) -> [String] {
        guard let named = schema.extensions.first(where: { $0.name == "x-enum-varnames" }) else { return [] }
        let valueCount = schema.enumValues?.count ?? 0
        guard case .array(let items) = named.value, items.count == valueCount,
              case let names = items.compactMap(\.string), names.count == items.count,
              names.allSatisfy(SwiftNaming.isIdentifier)
        else {
            warning("enum-varnames-mismatch", "'x-enum-varnames' is not a list of \(valueCount) Swift names, one per enum value; naming the cases from their values", schema.origin)
            return []
        }
        return names
    }

    // MARK: - One of

    func oneOfModel(_ schema: Schema, alternatives: [Referenceable<Schema>], in path: TypePath, context: SchemaContext) -> OneOfModel {
        var names = NameScope(reserved: ["unknown"])
        let discriminator = schema.discriminator
        var cases: [OneOfModel.Case] = []
        for (index, alternative) in alternatives.enumerated() {
            let hint: String
            var values: [String] = []
            if case .reference(let reference) = alternative, let name = reference.lastToken {
                hint = name
                if let discriminator {
                    values = discriminator.mapping.filter { $0.reference == reference.text || $0.reference == name }.map(\.value)
                    if values.isEmpty { values = [name] }
                }
            } else {
                hint = "Case\(index + 1)"
            }
            let type = typeReference(for: alternative, hint: hint, parent: path, context: context)
            cases.append(OneOfModel.Case(swiftName: names.claim(caseName(for: type, hint: hint)), type: type, discriminatorValues: values))
        }
        return OneOfModel(cases: cases, discriminatorProperty: discriminator?.propertyName)
    }

    private func caseName(for type: TypeReference, hint: String) -> String {
        switch type {
        case .named(let path): SwiftNaming.avoidingOptionalCases(SwiftNaming.memberName(path.name))
        case .string: "string"
        case .integer: "integer"
        case .double, .float: "number"
        case .bool: "bool"
        case .date, .unixTime: "date"
        case .array: "array"
        case .dictionary, .jsonObject: "object"
        default: SwiftNaming.avoidingOptionalCases(SwiftNaming.memberName(hint))
        }
    }
}

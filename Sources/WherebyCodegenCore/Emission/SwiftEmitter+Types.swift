/// `Types1.swift`…: structs, enums and aliases for the document's schemas.
extension SwiftEmitter {
    /// The declarations in the document's order, cut into `count` files of about equal size.
    ///
    /// A declaration larger than one file's share is cut too when it holds nested types: they
    /// follow it in extensions (`extension Parent { struct Nested ... }`), each a piece of its
    /// own, at the indentation they have inline. One level only, so every nested type sits at
    /// the same depth whichever way its parent is written. A type that declares a deprecation
    /// stays whole, since extending it would warn.
    func typesFiles(count: Int) -> [String] {
        var whole = model.types.map { render($0, in: nil) }
        let share = FileParts.share(of: whole, count: count)
        var pieces: [String] = []
        pieces.reserveCapacity(whole.count)
        for (declaration, text) in zip(model.types, whole) {
            if text.utf8.count > share, !declaration.nested.isEmpty, !declaresDeprecation(declaration) {
                var shell = declaration
                shell.nested = []
                pieces.append(render(shell, in: nil))
                pieces += declaration.nested.map { render($0, in: declaration.path) }
            } else {
                pieces.append(text)
            }
        }
        // The pieces now hold the only references, so each text is freed once written.
        whole = []
        pieces += validatableConformances(model.types)
        let title = SwiftText.commentLines(model.title).joined(separator: " ")
        return FileParts.render(pieces, into: count) { index, isEmpty, writer in
            header(&writer, purpose: "Types for the schemas of \(title), part \(index + 1) of \(count).")
            if isEmpty {
                writer.line("// Empty: the document's types fit in the parts before this one.")
            }
        }
    }

    /// One declaration's text, at the top level or inside `extension parent { ... }`.
    private func render(_ declaration: TypeDeclaration, in parent: TypePath?) -> String {
        var writer = CodeWriter(capacity: FileParts.pieceCapacity)
        if let parent {
            writer.block("extension \(parent)") { writer in emit(declaration, &writer) }
        } else {
            emit(declaration, &writer)
        }
        return writer.text
    }

    /// How models compare: `Equatable`, or `Hashable` when the configuration asks for it. Enums
    /// of values are `Hashable` either way: they are small, and keys of dictionaries and sets.
    private var modelComparison: String {
        options.hashableModels ? "Hashable" : "Equatable"
    }

    /// Whether `declaration` carries `@available(*, deprecated)`. A deprecated type that other
    /// generated code uses would make every build warn: there the deprecation is documented instead.
    private func declaresDeprecation(_ declaration: TypeDeclaration) -> Bool {
        declaration.documentation.isDeprecated && !usedByCurrentCode.contains(declaration.path)
    }

    func emit(_ declaration: TypeDeclaration, _ writer: inout CodeWriter) {
        let declaresDeprecation = declaresDeprecation(declaration)
        let note = declaration.documentation.isDeprecated && !declaresDeprecation ? ["- Warning: Deprecated."] : []
        writer.documentation(documentationLines(declaration.documentation, extra: note))
        if declaresDeprecation {
            // `renamed:` gives a fix-it that replaces the name as written; a nested name's fix-it
            // would keep the old parent (`Page.NewName`), so there the message says what to write.
            let renamed = declaration.renamedTo.map { new in
                declaration.path.components.count == 1
                    ? ", renamed: \(SwiftText.stringLiteral(new))"
                    : ", message: \(SwiftText.stringLiteral("use " + new))"
            } ?? ""
            writer.line("@available(*, deprecated\(renamed))")
        }
        let name = declaration.name
        switch declaration.kind {
        case .typeAlias(let target):
            writer.line("\(access) typealias \(name) = \(spell(target))")
        case .structure(let properties):
            writer.block("\(access) struct \(name): Codable, \(modelComparison), Sendable") { writer in
                emitStructBody(properties, declaration, &writer)
            }
        case .stringEnum(let cases):
            writer.block("\(access) enum \(name): RawRepresentable, Codable, Hashable, Sendable, CaseIterable") { writer in
                emitEnumBody(cases, rawType: "String", literal: SwiftText.stringLiteral, declaration, &writer)
            }
        case .integerEnum(let cases):
            writer.block("\(access) enum \(name): RawRepresentable, Codable, Hashable, Sendable, CaseIterable") { writer in
                emitEnumBody(cases, rawType: "Int", literal: { $0 }, declaration, &writer)
            }
        case .oneOf(let model):
            writer.block("\(access) \(declaration.isIndirect ? "indirect " : "")enum \(name): Codable, \(modelComparison), Sendable") { writer in
                emitOneOfBody(model, declaration, &writer)
            }
        case .bodyAlternatives(let cases):
            writer.block("\(access) enum \(name): \(modelComparison), Sendable") { writer in
                for bodyCase in cases {
                    writer.documentation(["A `\(SwiftText.commentLines(bodyCase.contentType).joined())` body."])
                    writer.line("case \(bodyCase.swiftName)(\(spell(bodyCase.type)))")
                }
                emitNested(declaration, &writer)
            }
        }
    }

    private func emitNested(_ declaration: TypeDeclaration, _ writer: inout CodeWriter) {
        for nested in declaration.nested {
            writer.line()
            emit(nested, &writer)
        }
    }

    // MARK: - Structs

    private func propertyType(_ property: PropertyModel) -> String {
        let type = spell(property.type)
        switch property.presence {
        case .required: return type
        case .optional, .requiredNullable: return type + "?"
        case .optionalNullable: return "Nullable<\(type)>?"
        }
    }

    private func emitStructBody(_ properties: [PropertyModel], _ declaration: TypeDeclaration, _ writer: inout CodeWriter) {
        for property in properties {
            var extra: [String] = []
            if property.presence == .requiredNullable {
                extra.append("Always sent; `nil` is sent as `null`.")
            } else if property.presence == .optionalNullable {
                extra.append("`nil` leaves it out; `.null` sends an explicit `null`.")
            }
            writer.documentation(documentationLines(property.documentation, extra: extra))
            deprecation(property.documentation, &writer)
            writer.line("\(property.isIndirect ? "@Indirect " : "")\(access) var \(property.swiftName): \(propertyType(property))")
        }
        if !properties.isEmpty { writer.line() }

        emitInitializers(properties, declaration, &writer)

        guard !properties.isEmpty else {
            emitNested(declaration, &writer)
            return
        }
        emitCoding(properties, &writer)
        emitNested(declaration, &writer)
    }

    /// The memberwise initializer. Assigning a deprecated property warns outside a deprecated
    /// context, so when optional properties are deprecated the main initializer leaves them out
    /// (they start as nil) and a deprecated one takes them, without defaults so calls never clash.
    private func emitInitializers(_ properties: [PropertyModel], _ declaration: TypeDeclaration, _ writer: inout CodeWriter) {
        func emit(_ included: [PropertyModel], defaultingDeprecated: Bool, deprecated: Bool) {
            writer.documentation(["Creates a `\(declaration.name)`."])
            if deprecated { writer.line("@available(*, deprecated)") }
            let arguments = included.map { property in
                let defaulted = property.presence != .required && (defaultingDeprecated || !property.documentation.isDeprecated)
                return "\(property.swiftName): \(propertyType(property))\(defaulted ? " = nil" : "")"
            }
            writer.block("\(access) init(\(arguments.joined(separator: ", ")))") { writer in
                for property in included {
                    writer.line("self.\(SwiftNaming.unescaped(property.swiftName)) = \(property.swiftName)")
                }
            }
        }
        let requiresDeprecated = properties.contains { $0.documentation.isDeprecated && $0.presence == .required }
        let optionalDeprecated = properties.contains { $0.documentation.isDeprecated && $0.presence != .required }
        if requiresDeprecated || !optionalDeprecated {
            emit(properties, defaultingDeprecated: true, deprecated: requiresDeprecated)
            return
        }
        emit(properties.filter { !($0.documentation.isDeprecated && $0.presence != .required) }, defaultingDeprecated: true, deprecated: false)
        writer.line()
        emit(properties, defaultingDeprecated: false, deprecated: true)
    }

    /// Explicit coding with the runtime's `PropertyKey`, each key the property's name in the
    /// document. Synthesized coding would need a `CodingKeys` enum per model, and the enum, its
    /// conformances and the keyed-container code specialized for it were most of what a
    /// generated module cost to compile. Optional properties are left out when nil, a required
    /// nullable one is always encoded (as `null` when nil), and `Nullable` properties decode
    /// `null` as `.null`.
    private func emitCoding(_ properties: [PropertyModel], _ writer: inout CodeWriter) {
        // Coding a deprecated property warns outside a deprecated context; a deprecated witness does not.
        let codesDeprecated = properties.contains { $0.documentation.isDeprecated }
        writer.line()
        if codesDeprecated { writer.line("@available(*, deprecated)") }
        writer.block("\(access) init(from decoder: any Decoder) throws") { writer in
            writer.line("let container = try decoder.container(keyedBy: \(EmitterNames.propertyKey).self)")
            for property in properties {
                let name = SwiftNaming.unescaped(property.swiftName)
                let type = spell(property.type)
                let key = SwiftText.stringLiteral(property.jsonName)
                if case .unixTime(let unit) = property.type {
                    let call = switch property.presence {
                    case .required: "date"
                    case .optional, .requiredNullable: "dateIfPresent"
                    case .optionalNullable: "nullableDateIfPresent"
                    }
                    writer.line("self.\(name) = try container.\(call)(\(key), unixTime: .\(unit.rawValue))")
                    continue
                }
                switch property.presence {
                case .required:
                    writer.line("self.\(name) = try container.property(\(type).self, \(key))")
                case .optional, .requiredNullable:
                    writer.line("self.\(name) = try container.propertyIfPresent(\(type).self, \(key))")
                case .optionalNullable:
                    writer.line("self.\(name) = try container.decodeNullableIfPresent(\(type).self, forKey: \(key))")
                }
            }
        }
        writer.line()
        if codesDeprecated { writer.line("@available(*, deprecated)") }
        writer.block("\(access) func encode(to encoder: any Encoder) throws") { writer in
            writer.line("var container = encoder.container(keyedBy: \(EmitterNames.propertyKey).self)")
            for property in properties {
                let key = SwiftText.stringLiteral(property.jsonName)
                // A property named like a local of this function is read through `self`.
                let unescaped = SwiftNaming.unescaped(property.swiftName)
                let value = EmitterNames.codingLocals.contains(unescaped) ? "self.\(unescaped)" : property.swiftName
                if case .unixTime(let unit) = property.type {
                    let call = switch property.presence {
                    case .required, .requiredNullable: "encodeDate"
                    case .optional: "encodeDateIfPresent"
                    case .optionalNullable: "encodeNullableDateIfPresent"
                    }
                    writer.line("try container.\(call)(\(value), \(key), unixTime: .\(unit.rawValue))")
                    continue
                }
                switch property.presence {
                case .required, .requiredNullable:
                    writer.line("try container.encodeProperty(\(value), \(key))")
                case .optional, .optionalNullable:
                    writer.line("try container.encodePropertyIfPresent(\(value), \(key))")
                }
            }
        }
    }

    // MARK: - Enums

    private func emitEnumBody(
        _ cases: [EnumCaseModel],
        rawType: String,
        literal: (String) -> String,
        _ declaration: TypeDeclaration,
        _ writer: inout CodeWriter
    ) {
        for enumCase in cases {
            if let note = enumCase.note { writer.documentation(SwiftText.commentLines(note)) }
            writer.line("case \(enumCase.swiftName)")
        }
        writer.documentation(["A value this client does not know yet: the API may add values without a new version."])
        writer.line("case \(EmitterNames.unknownCase)(\(rawType))")
        writer.line()
        writer.block("\(access) init(rawValue: \(rawType))") { writer in
            writer.switchBlock("switch rawValue") { writer in
                for enumCase in cases {
                    writer.line("case \(literal(enumCase.rawValue)): self = .\(enumCase.swiftName)")
                }
                writer.line("default: self = .\(EmitterNames.unknownCase)(rawValue)")
            }
        }
        writer.line()
        writer.block("\(access) var rawValue: \(rawType)") { writer in
            writer.switchBlock("switch self") { writer in
                for enumCase in cases {
                    writer.line("case .\(enumCase.swiftName): \(literal(enumCase.rawValue))")
                }
                writer.line("case .\(EmitterNames.unknownCase)(let value): value")
            }
        }
        writer.line()
        writer.documentation(["The values the document lists."])
        let all = cases.map { "." + $0.swiftName }.joined(separator: ", ")
        writer.line("\(access) static let allCases: [\(declaration.name)] = [\(all)]")
        emitNested(declaration, &writer)
    }

    // MARK: - One of

    private func emitOneOfBody(_ model: OneOfModel, _ declaration: TypeDeclaration, _ writer: inout CodeWriter) {
        for oneOfCase in model.cases {
            writer.line("case \(oneOfCase.swiftName)(\(spell(oneOfCase.type)))")
        }
        writer.documentation(["A value none of the alternatives matches, kept as JSON."])
        writer.line("case \(EmitterNames.unknownCase)(JSONValue)")
        writer.line()
        writer.block("\(access) init(from decoder: any Decoder) throws") { writer in
            if let property = model.discriminatorProperty {
                writer.line("let discriminator = try decoder.container(keyedBy: \(EmitterNames.propertyKey).self)")
                writer.line("let single = try decoder.singleValueContainer()")
                writer.switchBlock("switch try discriminator.decodeIfPresent(String.self, forKey: \(SwiftText.stringLiteral(property)))") { writer in
                    for oneOfCase in model.cases where !oneOfCase.discriminatorValues.isEmpty {
                        let values = oneOfCase.discriminatorValues.map(SwiftText.stringLiteral).joined(separator: ", ")
                        writer.line("case \(values): self = .\(oneOfCase.swiftName)(try single.decode(\(spell(oneOfCase.type)).self))")
                    }
                    writer.line("default: self = .\(EmitterNames.unknownCase)(try single.decode(JSONValue.self))")
                }
            } else {
                writer.line("let single = try decoder.singleValueContainer()")
                for oneOfCase in model.cases {
                    writer.block("if let value = try? single.decode(\(spell(oneOfCase.type)).self)") { writer in
                        writer.line("self = .\(oneOfCase.swiftName)(value)")
                        writer.line("return")
                    }
                }
                writer.line("self = .\(EmitterNames.unknownCase)(try single.decode(JSONValue.self))")
            }
        }
        writer.line()
        writer.block("\(access) func encode(to encoder: any Encoder) throws") { writer in
            writer.line("var container = encoder.singleValueContainer()")
            writer.switchBlock("switch self") { writer in
                for oneOfCase in model.cases {
                    writer.line("case .\(oneOfCase.swiftName)(let value): try container.encode(value)")
                }
                writer.line("case .\(EmitterNames.unknownCase)(let value): try container.encode(value)")
            }
        }
        emitNested(declaration, &writer)
    }
}

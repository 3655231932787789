/// Constraint checks: `Validatable` conformances for request models, and argument checks.
extension SwiftEmitter {
    /// `extension CreateMeetingRequest: Validatable { ... }` for every validated request type, one
    /// piece each.
    func validatableConformances(_ declarations: [TypeDeclaration]) -> [String] {
        var pieces: [String] = []
        for declaration in declarations {
            if declaration.isValidated, case .structure(let properties) = declaration.kind {
                var writer = CodeWriter(capacity: FileParts.pieceCapacity)
                let checks = properties.map { property in
                    let path = "path + " + SwiftText.stringLiteral("." + property.jsonName)
                    // `self.`: a property named `path` would otherwise be the argument.
                    return (property, constraintChecks(value: "self." + SwiftNaming.unescaped(property.swiftName), path: path, type: property.type, constraints: property.constraints, presence: property.presence))
                }
                writer.block("extension \(declaration.path): Validatable") { writer in
                    // Reading a deprecated property warns outside a deprecated context.
                    if checks.contains(where: { $0.0.documentation.isDeprecated && !$0.1.isEmpty }) {
                        writer.line("@available(*, deprecated)")
                    }
                    writer.block("\(access) func validate(at path: String) throws(ValidationFailure)") { writer in
                        for check in checks.flatMap(\.1) {
                            writer.line(check)
                        }
                    }
                }
                pieces.append(writer.text)
            }
            pieces += validatableConformances(declaration.nested)
        }
        return pieces
    }

    /// The checks for one value; `path` is Swift code for its name in messages.
    func constraintChecks(
        value: String,
        path: String,
        type: TypeReference,
        constraints: ConstraintsModel,
        presence: PropertyModel.Presence = .optional
    ) -> [String] {
        // `Nullable<T>?`: its constraints apply to the value inside, `nil` and `.null` have none.
        let constrained = presence == .optionalNullable ? value + "?.value" : value
        var checks: [String] = []
        var arguments: [String] = []
        switch type {
        case .integer, .double, .float:
            let bounds: [(String, String?)] = [
                ("minimum", constraints.minimum), ("maximum", constraints.maximum),
                ("exclusiveMinimum", constraints.exclusiveMinimum), ("exclusiveMaximum", constraints.exclusiveMaximum),
            ]
            for (label, text) in bounds {
                if let literal = text.flatMap(Self.numberLiteral) { arguments.append("\(label): \(literal)") }
            }
        case .string:
            if let minLength = constraints.minLength { arguments.append("minLength: \(minLength)") }
            if let maxLength = constraints.maxLength { arguments.append("maxLength: \(maxLength)") }
            if let pattern = constraints.pattern { arguments.append("pattern: \(SwiftText.stringLiteral(pattern))") }
        case .array:
            if let minItems = constraints.minItems { arguments.append("minItems: \(minItems)") }
            if let maxItems = constraints.maxItems { arguments.append("maxItems: \(maxItems)") }
        default:
            break
        }
        if !arguments.isEmpty {
            checks.append("try Validation.check(\(constrained), at: \(path), \(arguments.joined(separator: ", ")))")
        }
        if isValidated(type) {
            checks.append("try Validation.check(\(value), at: \(path))")
        }
        return checks
    }

    /// Whether values of `type` carry a `Validatable` conformance: a validated struct, or an array
    /// or dictionary of them (the runtime makes those, and optionals and `Nullable`, conform).
    func isValidated(_ type: TypeReference) -> Bool {
        switch type {
        case .named(let path): return declaration(at: path).map { $0.isValidated } ?? false
        case .array(let element), .dictionary(let element): return isValidated(element)
        default: return false
        }
    }

    /// A Swift floating-point literal for a number from the document; nil when it is not finite.
    static func numberLiteral(_ text: String) -> String? {
        guard let value = Double(text), value.isFinite else { return nil }
        if value.rounded() == value && abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

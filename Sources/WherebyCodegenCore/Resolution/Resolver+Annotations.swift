/// A reference wrapped for its description.
///
/// OpenAPI 3.0 ignores every keyword beside a `$ref`, so vendors describe the property that holds
/// a reference by wrapping it:
///
/// ```yaml
/// file:
///   allOf:
///     - $ref: '#/components/schemas/File--Mini'
///     - description: The file this retention applies to.
/// ```
///
/// Such a schema is the referenced type itself (`FileMini`), not a new struct that copies its
/// members: the members that only annotate (see `Schema.onlyAnnotates`) describe the property,
/// its doc comment, whether it can be null, whether it is deprecated. The same holds for
/// `anyOf` and `oneOf` of one schema beside annotations (`anyOf: [$ref, {type: 'null'}]`).
extension Resolver {
    /// The one member that gives a composed schema its type when every other member only
    /// annotates it; nil when the schema declares members of its own or composes several types.
    ///
    /// `allOf` is read before `oneOf`/`anyOf`, as `shape(of:)` does. A `required` list beside a
    /// single `allOf` member was always ignored; beside several it asks for a merge, and so does
    /// an inline member beside annotations.
    func singleMember(of schema: Schema) -> Referenceable<Schema>? {
        guard schema.properties.isEmpty, schema.strayProperties.isEmpty else { return nil }
        let members: [Referenceable<Schema>]
        let typed: [Referenceable<Schema>]
        if !schema.allOf.isEmpty {
            members = schema.allOf
            typed = members.filter { !annotatesOnly($0, inAllOf: true) }
            guard schema.required.isEmpty || members.count == 1 else { return nil }
            // An inline schema beside annotations merges into a struct named after its owner,
            // which is the same type under a better name than an alias of a hoisted copy.
            if members.count > 1, typed.count == 1, case .value = typed[0] { return nil }
        } else {
            members = schema.oneOf + schema.anyOf
            typed = members.filter { !isNullOnly($0) && !annotatesOnly($0, inAllOf: false) }
        }
        guard typed.count == 1 else { return nil }
        return typed[0]
    }

    /// Whether a member of a composition only describes the others.
    ///
    /// In `allOf` an empty schema adds nothing either; in `oneOf`/`anyOf` it is an alternative
    /// that accepts any value, so there a member must say something to count as an annotation.
    private func annotatesOnly(_ member: Referenceable<Schema>, inAllOf: Bool) -> Bool {
        guard case .value(let schema) = member, schema.onlyAnnotates else { return false }
        return inAllOf || Self.hasAnnotations(schema)
    }

    static func hasAnnotations(_ schema: Schema) -> Bool {
        schema.title != nil || schema.description != nil || schema.example != nil || schema.defaultValue != nil
            || schema.isDeprecated || schema.isReadOnly || schema.isWriteOnly || schema.isNullable
            || !schema.extensions.isEmpty
    }

    /// The schema that describes a property's values: the schema behind `schema`, and for a
    /// wrapped reference the referenced schema with the wrapper's annotations applied.
    ///
    /// A description or title from the wrapper replaces the referenced type's (they describe the
    /// type, not this use of it); `nullable`, `deprecated`, `readOnly` and `writeOnly` from either
    /// side apply; the shape (type, format, constraints) is the referenced schema's.
    func describingSchema(_ schema: Referenceable<Schema>, depth: Int = 0) -> Schema? {
        guard let wrapper = schemaBehind(schema) else { return nil }
        guard depth < 32, let member = singleMember(of: wrapper) else { return wrapper }
        let annotating = (wrapper.allOf.isEmpty ? wrapper.oneOf + wrapper.anyOf : wrapper.allOf)
            .compactMap { part -> Schema? in
                guard case .value(let value) = part, value.onlyAnnotates else { return nil }
                return value
            }
        let annotations = [wrapper] + annotating
        guard var described = describingSchema(member, depth: depth + 1) else { return wrapper }
        described.origin = wrapper.origin
        if annotations.contains(where: { $0.description != nil || $0.title != nil }) {
            described.description = annotations.lazy.compactMap(\.description).first
            described.title = annotations.lazy.compactMap(\.title).first
        }
        described.example = annotations.lazy.compactMap(\.example).first ?? described.example
        described.defaultValue = annotations.lazy.compactMap(\.defaultValue).first ?? described.defaultValue
        described.isNullable = described.isNullable || annotations.contains(where: \.isNullable)
        described.isDeprecated = described.isDeprecated || annotations.contains(where: \.isDeprecated)
        described.isReadOnly = described.isReadOnly || annotations.contains(where: \.isReadOnly)
        described.isWriteOnly = described.isWriteOnly || annotations.contains(where: \.isWriteOnly)
        described.extensions = annotations.flatMap(\.extensions) + described.extensions
        return described
    }
}

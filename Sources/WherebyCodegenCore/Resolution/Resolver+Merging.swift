/// `allOf` that merges several object schemas into one struct.
///
/// The merged struct holds the properties of every member, but the types those properties refer
/// to stay with the schema that declares them. A property that comes from a component
/// (`$ref: '#/components/schemas/Part'`) has its inline enums and objects, at any depth, declared
/// in that component's type (`Part.Status`, `Part.Detail.Inner`), whichever schema the generator
/// meets first, and the merged struct refers to them by that qualified name: the component
/// declares them once, and no path leads into a copy. Properties written inline in the merge, or
/// in a member that is no struct of its own, declare their types inside the merged struct.
extension Resolver {
    /// A schema with its `allOf` members merged in, and where each property's types belong.
    struct MergedSchema {
        /// The members' properties first, in member order, then the schema's own.
        var schema: Schema
        /// The component type each property of a referenced member belongs to, by where the
        /// property is written. Absent: the merged struct.
        var owners: [Origin: TypePath] = [:]
    }

    /// `schema` with its `allOf` members merged in; `path` is the struct being declared.
    func mergingAllOf(_ schema: Schema, in path: TypePath, context: SchemaContext) -> MergedSchema {
        guard !schema.allOf.isEmpty else { return MergedSchema(schema: schema) }
        var cleared = schema
        cleared.allOf = []
        cleared.properties = []
        cleared.required = []
        cleared.strayProperties = []
        var merging = MergedSchema(schema: cleared)
        merging.schema.types = merge(schema, owner: nil, into: &merging, depth: 0)
        // In a multipart body a `binary` property is a file part, which the component's own
        // declaration is not: there the merged struct declares what its members hold.
        if context.inMultipart { merging.owners = [:] }
        return merging
    }

    /// Adds the properties of `schema`'s members, then its own; returns its types, or the first
    /// member's when it declares none.
    private func merge(_ schema: Schema, owner: TypePath?, into merging: inout MergedSchema, depth: Int) -> [Schema.JSONType] {
        var types = schema.types
        for member in schema.allOf where depth < 32 {
            guard let memberSchema = schemaBehind(member) else { continue }
            let memberTypes = merge(memberSchema, owner: structComponent(member) ?? owner, into: &merging, depth: depth + 1)
            if types.isEmpty { types = memberTypes }
        }
        merging.schema.properties += schema.properties
        merging.schema.required += schema.required
        merging.schema.strayProperties += schema.strayProperties
        if let owner {
            for property in schema.properties + schema.strayProperties where merging.owners[property.origin] == nil {
                merging.owners[property.origin] = owner
            }
        }
        return types
    }

    /// The declared struct of the component a member refers to, following references to
    /// references; nil for an inline member, or a component that declares no struct.
    private func structComponent(_ member: Referenceable<Schema>) -> TypePath? {
        guard case .reference(var current) = member else { return nil }
        for _ in 0..<64 {
            if let schema = document.referenceTargets.schemas[current.key] {
                guard let path = componentTypes[current.key], case .structure = shape(of: schema) else { return nil }
                return path
            }
            guard let next = document.referenceTargets.aliases[current.key] else { return nil }
            current = next
        }
        return nil
    }

    /// The type of a merged struct's property: made where the property's owner declares its
    /// nested types, and noted as used from the merged struct, for the shadowing check.
    func memberType(of property: SchemaProperty, in path: TypePath, merging: MergedSchema, context: SchemaContext) -> TypeReference {
        let owner = merging.owners[property.origin] ?? path
        let type = typeReference(for: property.schema, hint: property.name, parent: owner, context: context)
        if owner != path { noteUse(of: type, from: path) }
        return type
    }

    private func noteUse(of type: TypeReference, from path: TypePath) {
        switch type {
        case .named(let target): noteReference(to: target, from: path)
        case .array(let element), .dictionary(let element): noteUse(of: element, from: path)
        default: break
        }
    }
}

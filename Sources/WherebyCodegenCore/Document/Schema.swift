/// A JSON Schema object as OpenAPI 3.0 and 3.1 write it, with the keywords the generator uses.
public struct Schema: Sendable {
    public var origin: Origin

    /// The declared types; empty when the schema has no `type`. 3.1 type arrays keep every entry,
    /// except `null`, which becomes `isNullable`.
    public var types: [JSONType] = []
    /// `nullable: true` (3.0) or `null` among the types (3.1).
    public var isNullable = false
    public var format: String?
    public var title: String?
    public var description: String?
    public var enumValues: [EnumValue]?
    public var constValue: Literal?
    public var defaultValue: Literal?
    public var example: Literal?

    public var properties: [SchemaProperty] = []
    public var required: [RequiredName] = []
    public var additionalProperties: AdditionalProperties?
    public var items: Referenceable<Schema>?

    public var allOf: [Referenceable<Schema>] = []
    public var oneOf: [Referenceable<Schema>] = []
    public var anyOf: [Referenceable<Schema>] = []
    public var discriminator: Discriminator?

    public var isReadOnly = false
    public var isWriteOnly = false
    public var isDeprecated = false
    public var constraints = Constraints()
    public var extensions: [Extension] = []

    /// Keys that are no schema keyword but hold something shaped like a schema: usually a property
    /// written beside `properties` instead of inside it. Resolution decides what to make of them.
    public var strayProperties: [SchemaProperty] = []

    public init(origin: Origin) {
        self.origin = origin
    }
}

extension Schema {
    public enum JSONType: String, Hashable, Sendable {
        case string, number, integer, boolean, object, array, null
    }

    /// One entry of `enum`, with where it was written.
    public struct EnumValue: Hashable, Sendable {
        public var value: Literal
        public var origin: Origin
    }

    /// One name listed in `required`, with where it was written.
    public struct RequiredName: Hashable, Sendable {
        public var name: String
        public var origin: Origin
    }

    public enum AdditionalProperties: Sendable {
        case allowed(Bool)
        case schema(Referenceable<Schema>)
    }

    public struct Discriminator: Hashable, Sendable {
        public var propertyName: String
        /// Value → reference, in document order.
        public var mapping: [(value: String, reference: String)]

        public static func == (lhs: Discriminator, rhs: Discriminator) -> Bool {
            lhs.propertyName == rhs.propertyName
                && lhs.mapping.map(\.value) == rhs.mapping.map(\.value)
                && lhs.mapping.map(\.reference) == rhs.mapping.map(\.reference)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(propertyName)
            for entry in mapping {
                hasher.combine(entry.value)
                hasher.combine(entry.reference)
            }
        }
    }

    /// Validation keywords, checked on the client before a request is sent.
    public struct Constraints: Hashable, Sendable {
        public var minimum: String?
        public var maximum: String?
        public var exclusiveMinimum: String?
        public var exclusiveMaximum: String?
        public var multipleOf: String?
        public var minLength: Int?
        public var maxLength: Int?
        public var pattern: String?
        public var minItems: Int?
        public var maxItems: Int?
        public var uniqueItems = false
        public var minProperties: Int?
        public var maxProperties: Int?

        public var isEmpty: Bool { self == Constraints() }
    }

    /// True when the schema says nothing about its values: no type, no keywords that constrain shape.
    public var isUnconstrained: Bool {
        types.isEmpty && enumValues == nil && constValue == nil && properties.isEmpty && items == nil
            && allOf.isEmpty && oneOf.isEmpty && anyOf.isEmpty && additionalProperties == nil
    }

    /// True when the schema only describes values and says nothing about their shape: it holds
    /// no keywords but description, title, example(s), deprecated, readOnly, writeOnly, nullable
    /// (or a 3.1 `type: 'null'`), default, externalDocs and `x-` extensions. What OpenAPI 3.0
    /// vendors put beside a `$ref` in an `allOf` to describe the property that holds it.
    public var onlyAnnotates: Bool {
        types.isEmpty && format == nil && enumValues == nil && constValue == nil
            && properties.isEmpty && required.isEmpty && additionalProperties == nil && items == nil
            && allOf.isEmpty && oneOf.isEmpty && anyOf.isEmpty && discriminator == nil
            && constraints.isEmpty && strayProperties.isEmpty
    }
}

/// A named property of an object schema.
public struct SchemaProperty: Sendable {
    public var name: String
    public var schema: Referenceable<Schema>
    /// Where the property's key was written.
    public var origin: Origin
}

/// An `x-` extension, kept as written.
public struct Extension: Hashable, Sendable {
    public var name: String
    public var value: Literal
}

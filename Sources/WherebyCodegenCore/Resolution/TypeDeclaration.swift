/// A Swift type to declare: a struct, an enum, or an alias; with the types nested in it.
public struct TypeDeclaration: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case structure([PropertyModel])
        case stringEnum([EnumCaseModel])
        case integerEnum([EnumCaseModel])
        /// `oneOf`/`anyOf`: one case per alternative, tried in order or picked by a discriminator.
        case oneOf(OneOfModel)
        /// A request body with several content types: one case per content type.
        case bodyAlternatives([BodyCaseModel])
        case typeAlias(TypeReference)
    }

    public var path: TypePath
    public var kind: Kind
    public var documentation: Documentation
    public var nested: [TypeDeclaration] = []
    /// Whether the type is used by a request, where an explicit `null` differs from an absent value.
    public var isUsedInRequests = false
    /// Whether a request type has constraints to check, in itself or in what it holds.
    public var isValidated = false
    /// A one-of enum that can contain itself: declared `indirect`.
    public var isIndirect = false
    /// For the deprecated alias of a renamed type: the name to write instead, for `renamed:`.
    public var renamedTo: String?

    public var name: String { path.name }
}

/// A stored property of a generated struct.
public struct PropertyModel: Sendable, Hashable {
    public enum Presence: Sendable, Hashable {
        /// Always there: `T`.
        case required
        /// May be absent: `T?`, omitted when nil.
        case optional
        /// Always sent, may be null: `T?`, encoded as `null` when nil.
        case requiredNullable
        /// May be absent or null, and a request tells them apart: `Nullable<T>?`.
        case optionalNullable
    }

    public var swiftName: String
    public var jsonName: String
    public var type: TypeReference
    public var presence: Presence
    public var documentation: Documentation
    public var constraints: ConstraintsModel
    /// The property can contain its own type: stored out of line (`@Indirect`).
    public var isIndirect = false
}

/// Validation rules of a property or parameter, checked before a request is sent.
public struct ConstraintsModel: Sendable, Hashable {
    public var minimum: String?
    public var maximum: String?
    public var exclusiveMinimum: String?
    public var exclusiveMaximum: String?
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: String?
    public var minItems: Int?
    public var maxItems: Int?

    public init() {}

    public var isEmpty: Bool { self == ConstraintsModel() }
}

/// One case of an enum generated from `enum` values.
public struct EnumCaseModel: Sendable, Hashable {
    public var swiftName: String
    /// The raw value exactly as the document lists it (string text, or integer digits).
    public var rawValue: String
    /// Why the case is not named after its value, when it is not: for its doc comment.
    public var note: String? = nil
}

public struct OneOfModel: Sendable, Hashable {
    public struct Case: Sendable, Hashable {
        public var swiftName: String
        public var type: TypeReference
        /// Discriminator values that select this case.
        public var discriminatorValues: [String]
    }

    public var cases: [Case]
    public var discriminatorProperty: String?
}

/// One content type of a request body with several.
public struct BodyCaseModel: Sendable, Hashable {
    public var swiftName: String
    public var contentType: String
    public var encoding: BodyEncoding
    public var type: TypeReference
}

/// How a body is put on the wire.
public enum BodyEncoding: Sendable, Hashable {
    case json
    case multipartForm
    case formURLEncoded
    case binary
    case text
}

/// A `$ref`: the file it points into (nil for the document itself) and the JSON pointer there.
public struct Reference: Hashable, Sendable, CustomStringConvertible {
    /// The referenced file, relative to the directory of the root document, or nil for a local reference.
    public let file: String?
    public let pointer: JSONPointer
    /// The reference as written, for messages.
    public var text: String
    /// Where the `$ref` itself was written.
    public var origin: Origin
    /// The key of the referenced element in the document's tables: the same for every `$ref` that
    /// names the same target, however it was spelled. Stored, since every lookup, comparison and
    /// hash of a reference uses it.
    public let key: String

    public init(file: String?, pointer: JSONPointer, text: String, origin: Origin) {
        self.file = file
        self.pointer = pointer
        self.text = text
        self.origin = origin
        self.key = (file ?? "") + pointer.description
    }

    /// The last token of the pointer: the component name for `#/components/schemas/Meeting`.
    public var lastToken: String? { pointer.tokens.last }

    public var description: String { text }

    public static func == (lhs: Reference, rhs: Reference) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

/// Either an inline element or a `$ref` to one.
public indirect enum Referenceable<Value: Sendable>: Sendable {
    case reference(Reference)
    case value(Value)
}

extension Referenceable: Equatable where Value: Equatable {}
extension Referenceable: Hashable where Value: Hashable {}

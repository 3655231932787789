/// The coding key of a generated model's property: its name in the document, which the model
/// codes it by (`try container.property(String.self, "meetingId")`).
///
/// One key type for every model, rather than a `CodingKeys` enum in each: the compiler then
/// emits one set of keyed-container code for all models instead of an enum, its conformances
/// and specialized container code per model, which made most of a generated module's build
/// time and memory. Decoders read a key through `stringValue`, a stored property here.
public struct PropertyKey: CodingKey, ExpressibleByStringLiteral, Hashable, Sendable {
    public let stringValue: String

    public init(stringValue: String) {
        self.stringValue = stringValue
    }

    public init(stringLiteral value: String) {
        self.stringValue = value
    }

    /// Document properties are named, never numbered.
    public var intValue: Int? { nil }

    public init?(intValue: Int) {
        nil
    }
}

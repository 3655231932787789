/// The Swift type of a property, parameter or body, before it is spelled.
public indirect enum TypeReference: Sendable, Hashable {
    case string
    case integer(IntegerWidth)
    case double
    case float
    case bool
    /// `date-time`: `Foundation.Date`, decoded with or without fractional seconds.
    case date
    /// `binary` or `byte`: `Foundation.Data`.
    case data
    /// A file part of a multipart body: bytes with a file name and a content type.
    case multipartFile
    /// Any JSON: schema-less values and what the generator cannot map.
    case jsonValue
    /// A free-form object: `[String: JSONValue]`.
    case jsonObject
    /// A declared type, by its path from the top level (`CreateMeetingRequest.Recording`).
    case named(TypePath)
    case array(TypeReference)
    case dictionary(TypeReference)
    /// A type the configuration names in place of a schema or format (`Foundation.UUID`).
    case custom(String)

    public enum IntegerWidth: Sendable, Hashable {
        case natural, int32, int64
    }

    /// Whether values of this type are copied by value into their owner, so that a cycle through
    /// them would make a struct of infinite size.
    public var isStoredInline: Bool {
        switch self {
        case .array, .dictionary, .jsonValue, .jsonObject: false
        default: true
        }
    }
}

/// The path of a declared type from the top level: `["CreateMeetingRequest", "Recording"]`.
public struct TypePath: Sendable, Hashable, CustomStringConvertible {
    public var components: [String]

    public init(_ components: [String]) {
        self.components = components
    }

    public func appending(_ name: String) -> TypePath {
        TypePath(components + [name])
    }

    public var name: String { components.last ?? "" }
    public var description: String { components.joined(separator: ".") }
}

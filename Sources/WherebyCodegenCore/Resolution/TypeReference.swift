/// The Swift type of a property, parameter or body, before it is spelled.
public indirect enum TypeReference: Sendable, Hashable {
    case string
    case integer(IntegerWidth)
    case double
    case float
    case bool
    /// `date-time`: `Foundation.Date`, decoded with or without fractional seconds.
    case date
    /// `unixtime` or `unixtime-milliseconds` on a number property: `Foundation.Date`, coded as
    /// a number of seconds or milliseconds since 1970.
    case unixTime(UnixTimeFormat)
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

    /// The unit of a date written as a number: the runtime's `UnixTimeUnit` cases.
    public enum UnixTimeFormat: String, Sendable, Hashable {
        case seconds, milliseconds

        /// The schema formats that make a number property a date: `unixtime` is the OpenAPI
        /// format registry's (seconds); `unixtime-milliseconds` is its counterpart in milliseconds.
        public init?(format: String?) {
            switch format {
            case "unixtime": self = .seconds
            case "unixtime-milliseconds": self = .milliseconds
            default: return nil
            }
        }
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

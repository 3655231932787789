/// Any JSON value, for schemas that allow anything (`{}`, free-form objects).
///
/// Decoding keeps integers exact: an integral number that fits `Int` becomes ``integer(_:)``,
/// any other number ``number(_:)``. Literals make values easy to write:
///
/// ```swift
/// let metadata: JSONValue = ["plan": "pro", "seats": 5, "trial": false, "note": nil]
/// metadata["seats"]?.intValue  // 5
/// ```
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number that is integral and fits `Int`.
    case integer(Int)
    /// Any other number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object([String: JSONValue])
}

/// A JSON object whose values can be anything.
public typealias JSONObject = [String: JSONValue]

// MARK: - Accessors

extension JSONValue {
    /// Whether this is ``null``.
    public var isNull: Bool { self == .null }

    /// The string, when this is ``string(_:)``.
    public var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// The integer, when this is ``integer(_:)``, or a ``number(_:)`` that is integral and fits `Int`.
    public var intValue: Int? {
        switch self {
        case .integer(let value): value
        case .number(let value): Int(exactly: value)
        default: nil
        }
    }

    /// The number, when this is ``number(_:)`` or ``integer(_:)``.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// The Boolean, when this is ``bool(_:)``.
    public var boolValue: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    /// The elements, when this is ``array(_:)``.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { value } else { nil }
    }

    /// The members, when this is ``object(_:)``.
    public var objectValue: JSONObject? {
        if case .object(let value) = self { value } else { nil }
    }

    /// The member named `key`, when this is an object that has it.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// The element at `index`, when this is an array and `index` is in bounds.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The member named `key`; the same as `value[key]`, spelled with a label.
    public subscript(key key: String) -> JSONValue? {
        self[key]
    }

    /// The element at `index`; the same as `value[index]`, spelled with a label.
    public subscript(index index: Int) -> JSONValue? {
        self[index]
    }
}

// MARK: - Codable

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let integer = try? container.decode(Int.self) {
            self = .integer(integer)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

// MARK: - Literals

extension JSONValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .integer(value) }
}

extension JSONValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .number(value) }
}

extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension JSONValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// Creates an object; when a key repeats, the last value wins.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

// MARK: - Description

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text, with object keys sorted so the output is stable.
    public var description: String {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.output
    }

    private func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.writeNull()
        case .bool(let value): writer.write(value)
        case .integer(let value): writer.writeNumber(String(value))
        case .number(let value): writer.writeNumber(value.isFinite ? "\(value)" : "null")
        case .string(let value): writer.write(value)
        case .array(let elements):
            writer.writeArray(elements) { writer, element in element.write(to: &writer) }
        case .object(let members):
            let sorted = members.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
            writer.writeObject(sorted) { writer, value in value.write(to: &writer) }
        }
    }
}

internal import Foundation

/// An `Encodable` value reduced to the shapes OpenAPI's parameter styles talk about:
/// primitives, arrays and objects (with members in encoding order).
///
/// ``ParameterEncoder`` builds it; the style rules in `ParameterValue+Styles.swift` and the
/// form and multipart body encoders read it.
indirect enum ParameterValue {
    /// An explicit `null` (from `encodeNil`, for example `Nullable.null`).
    case null
    /// A string, including dates (ISO 8601), URLs and string enums' raw values.
    case string(String)
    /// A Boolean.
    case bool(Bool)
    /// A number, already written as text (`42`, `1.5`, `1e-07`).
    case number(String)
    /// Binary data (`Data` or ``MultipartFile``); as text it is written in base64.
    case file(MultipartFile)
    /// An array.
    case array([ParameterValue])
    /// An object, members in the order they were encoded.
    case object([(key: String, value: ParameterValue)])

    /// The text of a primitive, or `nil` for arrays and objects. `null` is the empty string.
    var primitiveText: String? {
        switch self {
        case .null: ""
        case .string(let text), .number(let text): text
        case .bool(let value): value ? "true" : "false"
        case .file(let file): file.data.base64EncodedString()
        case .array, .object: nil
        }
    }

    /// Writes the value as JSON, for the JSON parts of a multipart body.
    func writeJSON(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.writeNull()
        case .string(let text): writer.write(text)
        case .bool(let value): writer.write(value)
        case .number(let text): writer.writeNumber(text)
        case .file(let file): writer.write(file.data.base64EncodedString())
        case .array(let elements):
            writer.writeArray(elements) { writer, element in element.writeJSON(to: &writer) }
        case .object(let members):
            writer.writeObject(members) { writer, value in value.writeJSON(to: &writer) }
        }
    }

    /// The value as compact JSON text.
    var jsonText: String {
        var writer = JSONWriter()
        writeJSON(to: &writer)
        return writer.output
    }
}

/// Why a parameter value cannot be written in the requested style; becomes
/// ``APIClientError/invalidParameter(operationID:name:reason:)``.
struct ParameterStyleError: Error {
    let reason: String
}

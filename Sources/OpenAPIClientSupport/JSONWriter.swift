/// Writes compact JSON text for the runtime's own value trees (``JSONValue`` descriptions and
/// the JSON parts of multipart bodies), keeping member order as given.
struct JSONWriter {
    private(set) var output = ""

    mutating func writeNull() { output += "null" }

    mutating func write(_ bool: Bool) { output += bool ? "true" : "false" }

    /// Writes a number already rendered as JSON number text.
    mutating func writeNumber(_ text: String) { output += text }

    /// Writes `string` as a quoted JSON string, escaping what RFC 8259 requires.
    mutating func write(_ string: String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16, uppercase: false)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// Writes an array, calling `element` for each item between the separators.
    mutating func writeArray<Element>(_ elements: [Element], _ element: (inout JSONWriter, Element) -> Void) {
        output += "["
        for (index, item) in elements.enumerated() {
            if index > 0 { output += "," }
            element(&self, item)
        }
        output += "]"
    }

    /// Writes an object, calling `value` for each member's value after its key.
    mutating func writeObject<Value>(_ members: [(key: String, value: Value)], _ value: (inout JSONWriter, Value) -> Void) {
        output += "{"
        for (index, member) in members.enumerated() {
            if index > 0 { output += "," }
            write(member.key)
            output += ":"
            value(&self, member.value)
        }
        output += "}"
    }
}

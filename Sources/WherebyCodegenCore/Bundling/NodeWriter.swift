/// Writes a node tree as JSON or YAML text: mappings in their order, two-space indent, LF line
/// ends and one final newline, so the same tree always gives the same bytes.
///
/// YAML is written in block style with every key and string in JSON's double quotes, which YAML
/// reads the same way: no string can be taken for a number, a boolean, null or syntax.
public enum NodeWriter {
    public enum Format: Sendable {
        case json, yaml

        /// YAML for a `.yaml` or `.yml` path, JSON for any other.
        public init(path: String) {
            let lowered = path.lowercased()
            self = lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") ? .yaml : .json
        }
    }

    public static func write(_ node: Node, as format: Format) -> String {
        var output = ""
        switch format {
        case .json: writeJSON(node, indent: "", into: &output)
        case .yaml: writeYAML(node, indent: "", into: &output)
        }
        output.append("\n")
        return output
    }

    // MARK: - JSON

    private static func writeJSON(_ node: Node, indent: String, into output: inout String) {
        switch node.value {
        case .mapping(let entries):
            guard !entries.isEmpty else { return output.append("{}") }
            output.append("{\n")
            let inner = indent + "  "
            for (index, entry) in entries.enumerated() {
                output.append(inner)
                quote(entry.key, into: &output)
                output.append(": ")
                writeJSON(entry.value, indent: inner, into: &output)
                output.append(index == entries.count - 1 ? "\n" : ",\n")
            }
            output.append(indent + "}")
        case .sequence(let items):
            guard !items.isEmpty else { return output.append("[]") }
            output.append("[\n")
            let inner = indent + "  "
            for (index, item) in items.enumerated() {
                output.append(inner)
                writeJSON(item, indent: inner, into: &output)
                output.append(index == items.count - 1 ? "\n" : ",\n")
            }
            output.append(indent + "]")
        default:
            scalar(node, into: &output)
        }
    }

    // MARK: - YAML

    /// Writes `node` as the value of a block whose lines start with `indent`; the caller has
    /// written what comes before its first line (a key or a `- `).
    private static func writeYAML(_ node: Node, indent: String, into output: inout String) {
        switch node.value {
        case .mapping(let entries) where !entries.isEmpty:
            for (index, entry) in entries.enumerated() {
                if index > 0 { output.append(indent) }
                quote(entry.key, into: &output)
                output.append(":")
                writeYAMLValue(entry.value, indent: indent + "  ", into: &output)
                if index < entries.count - 1 { output.append("\n") }
            }
        case .sequence(let items) where !items.isEmpty:
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(indent) }
                output.append("- ")
                writeYAML(item, indent: indent + "  ", into: &output)
                if index < items.count - 1 { output.append("\n") }
            }
        case .mapping:
            output.append("{}")
        case .sequence:
            output.append("[]")
        default:
            scalar(node, into: &output)
        }
    }

    /// A mapping's value: on the key's line when it is a scalar or empty, on the lines below otherwise.
    private static func writeYAMLValue(_ node: Node, indent: String, into output: inout String) {
        switch node.value {
        case .mapping(let entries) where !entries.isEmpty:
            output.append("\n" + indent)
        case .sequence(let items) where !items.isEmpty:
            output.append("\n" + indent)
        default:
            output.append(" ")
        }
        writeYAML(node, indent: indent, into: &output)
    }

    // MARK: - Scalars

    private static func scalar(_ node: Node, into output: inout String) {
        switch node.value {
        case .null: output.append("null")
        case .bool(let flag): output.append(flag ? "true" : "false")
        case .integer(let text): output.append(jsonNumber(text))
        case .number(let text): output.append(jsonNumber(text))
        case .string(let text): quote(text, into: &output)
        case .sequence, .mapping: break
        }
    }

    /// A number as JSON writes it: YAML spellings JSON lacks (`+1`, `.5`, `1.`, `0x1F`, `.inf`)
    /// are rewritten; infinity and NaN, which JSON cannot hold, become strings.
    static func jsonNumber(_ text: String) -> String {
        if isJSONNumber(text) { return text }
        var body = Substring(text)
        var negative = false
        if body.hasPrefix("+") || body.hasPrefix("-") {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        let sign = negative ? "-" : ""
        let lowered = body.lowercased()
        if lowered.hasPrefix("0x"), let value = UInt64(lowered.dropFirst(2), radix: 16) { return sign + String(value) }
        if lowered.hasPrefix("0o"), let value = UInt64(lowered.dropFirst(2), radix: 8) { return sign + String(value) }
        // Mantissa and exponent apart: `.5` and `1.` gain their zero, leading zeros go.
        let exponentIndex = body.firstIndex { $0 == "e" || $0 == "E" }
        var mantissa = String(exponentIndex.map { body[..<$0] } ?? body)
        let exponent = exponentIndex.map { String(body[$0...]) } ?? ""
        if mantissa.hasPrefix(".") { mantissa = "0" + mantissa }
        if mantissa.hasSuffix(".") { mantissa += "0" }
        while mantissa.count > 1, mantissa.hasPrefix("0"), !mantissa.hasPrefix("0.") {
            mantissa.removeFirst()
        }
        let candidate = mantissa + exponent
        if isJSONNumber(candidate) { return sign + candidate }
        var quoted = ""
        quote(text, into: &quoted)
        return quoted
    }

    /// Whether `text` is a number by JSON's grammar.
    static func isJSONNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        func digits() -> Int {
            var count = 0
            while let byte = bytes.first, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                bytes = bytes.dropFirst()
                count += 1
            }
            return count
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        if bytes.first == UInt8(ascii: "0") {
            bytes = bytes.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            if digits() == 0 { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            if digits() == 0 { return false }
        }
        return bytes.isEmpty
    }

    /// `text` in double quotes with JSON's escapes; control characters, DEL and the C1 controls
    /// (which YAML requires escaped) as `\u` escapes.
    static func quote(_ text: String, into output: inout String) {
        output.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case "\u{08}": output.append("\\b")
            case "\u{0C}": output.append("\\f")
            default:
                let value = scalar.value
                if value < 0x20 || (value >= 0x7F && value <= 0x9F) || value == 0x2028 || value == 0x2029 || value == 0xFEFF {
                    let hex = String(value, radix: 16, uppercase: true)
                    output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output.append("\"")
    }
}

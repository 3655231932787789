/// Diagnostics for tools: one JSON object per line, keys in a fixed order.
extension Diagnostic {
    /// `{"severity":"warning","id":"…","message":"…","file":"…","line":1,"column":2,"pointer":"#/…","notes":[]}`
    public var jsonLine: String {
        var fields = [
            "\"severity\":\(Self.json(severity.rawValue))",
            "\"id\":\(Self.json(id.rawValue))",
            "\"message\":\(Self.json(message))",
        ]
        if let location {
            fields.append("\"file\":\(Self.json(location.file))")
            if let position = location.position {
                fields.append("\"line\":\(position.line)")
                fields.append("\"column\":\(position.column)")
            }
            if let pointer = location.pointer {
                fields.append("\"pointer\":\(Self.json(pointer.description))")
            }
        }
        fields.append("\"notes\":[\(notes.map(Self.json).joined(separator: ","))]")
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// A JSON string literal.
    static func json(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

extension Array where Element == Diagnostic {
    /// `90 warnings (27 missing-operation-id, 14 missing-parameter-schema, …)`, most frequent first.
    public func summary(of severity: Diagnostic.Severity) -> String? {
        let matching = filter { $0.severity == severity }
        guard !matching.isEmpty else { return nil }
        var counts: [String: Int] = [:]
        var order: [String] = []
        for diagnostic in matching {
            if counts[diagnostic.id.rawValue] == nil { order.append(diagnostic.id.rawValue) }
            counts[diagnostic.id.rawValue, default: 0] += 1
        }
        let groups = order.enumerated()
            .sorted { (counts[$0.element] ?? 0, -$0.offset) > (counts[$1.element] ?? 0, -$1.offset) }
            .map { "\(counts[$0.element] ?? 0) \($0.element)" }
        let noun = severity == .error ? "error" : severity == .warning ? "warning" : "note"
        return "\(matching.count) \(noun)\(matching.count == 1 ? "" : "s") (\(groups.joined(separator: ", ")))"
    }
}

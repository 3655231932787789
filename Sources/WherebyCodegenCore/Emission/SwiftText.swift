/// Text from the document made safe to print into Swift: string literals and comments.
///
/// Nothing from a document ever reaches generated code outside a comment or a string literal
/// except as a validated identifier; these two functions are how it reaches those two places.
enum SwiftText {
    /// A Swift string literal for `value`: quotes, backslashes, line breaks, controls and
    /// bidirectional overrides escaped, so the literal cannot end early or display misleadingly.
    static func stringLiteral(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || !scalar.isASCII && isInvisibleOrBidi(scalar) {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// The lines of a documentation comment for `text`: split at every kind of line break,
    /// controls and bidirectional overrides dropped, trailing whitespace trimmed.
    static func commentLines(_ text: String) -> [String] {
        var lines = plainASCIILines(text) ?? unicodeLines(text)
        while lines.last?.isEmpty == true { lines.removeLast() }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        return lines
    }

    /// The common case, text of printable ASCII and line feeds: split and trimmed as bytes, since
    /// none of it can be a control, a bidirectional override or another kind of line break.
    private static func plainASCIILines(_ text: String) -> [String]? {
        text.withUTF8Bytes { bytes in
            guard bytes.allSatisfy({ (0x20..<0x7F).contains($0) || $0 == UInt8(ascii: "\n") }) else { return nil }
            var lines: [String] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "\n") {
                var end = index
                while end > start && bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
                lines.append(bytes.string(start..<end))
                start = index + 1
            }
            return lines
        }
    }

    private static func unicodeLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previousWasCarriageReturn:
                break
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
                lines.append(trimmingTrailingWhitespace(current))
                current = ""
            case "\t":
                current += "    "
            default:
                if scalar.value >= 0x20 && scalar.value != 0x7F && (scalar.isASCII || !isInvisibleOrBidi(scalar)) {
                    current.unicodeScalars.append(scalar)
                }
            }
            previousWasCarriageReturn = scalar == "\r"
        }
        lines.append(trimmingTrailingWhitespace(current))
        return lines
    }

    private static func isInvisibleOrBidi(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isBidiControl || (properties.isDefaultIgnorableCodePoint && scalar.value != 0x200D)
            || properties.generalCategory == .format && scalar.value != 0x200D
            || (0xD800...0xDFFF).contains(scalar.value)
    }

    private static func trimmingTrailingWhitespace(_ line: String) -> String {
        var result = line
        while result.last == " " { result.removeLast() }
        return result
    }
}

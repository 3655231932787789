extension JSONReader {
    /// Reads the string whose opening quote is at `offset` and returns its text.
    ///
    /// A string without escapes, the common case, is decoded straight from its bytes; escapes
    /// switch to gathering the bytes in a buffer. UTF-8 is validated on the way.
    mutating func readString() throws(DiagnosticError) -> String {
        let quote = offset
        offset += 1
        var segmentStart = offset
        var unescaped: [UInt8] = []
        var hasEscapes = false

        while offset < input.count {
            let byte = input[offset]
            switch byte {
            case UInt8(ascii: "\""):
                let segment = UnsafeBufferPointer(rebasing: input[segmentStart..<offset])
                offset += 1
                guard hasEscapes else {
                    try checkLength(segment.count, ofStringAt: quote)
                    return String(decoding: segment, as: UTF8.self)
                }
                unescaped.append(contentsOf: segment)
                try checkLength(unescaped.count, ofStringAt: quote)
                return String(decoding: unescaped, as: UTF8.self)
            case UInt8(ascii: "\\"):
                hasEscapes = true
                unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: input[segmentStart..<offset]))
                try readEscape(into: &unescaped)
                segmentStart = offset
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw failure(.jsonSyntax, "unescaped line break in a string; a string ends on the line it starts", at: offset)
            case UInt8(ascii: "\t"):
                throw failure(.jsonSyntax, "unescaped tab in a string; write it as '\\t'", at: offset)
            case 0..<0x20:
                throw failure(.jsonSyntax, "unescaped \(describe(at: offset)) in a string", at: offset)
            case 0x80...:
                let length = UTF8Bytes.sequenceLength(in: input, at: offset)
                guard length > 0 else {
                    throw failure(.invalidUTF8, UTF8Bytes.invalidSequenceMessage(in: input, at: offset), at: offset)
                }
                offset += length
            default:
                offset += 1
            }
        }
        throw failure(.jsonSyntax, "unterminated string; expected '\"' before end of input", at: quote)
    }

    private mutating func checkLength(_ length: Int, ofStringAt quote: Int) throws(DiagnosticError) {
        guard length <= limits.maxScalarBytes else {
            throw failure(.scalarTooLarge, "string of \(length) bytes is longer than the limit of \(limits.maxScalarBytes) bytes", at: quote)
        }
    }

    /// Reads the escape sequence whose backslash is at `offset` and appends what it stands for.
    private mutating func readEscape(into bytes: inout [UInt8]) throws(DiagnosticError) {
        let backslash = offset
        offset += 1
        guard offset < input.count else {
            throw unexpected(expected: "an escaped character after '\\'")
        }
        let escaped: UInt8
        switch input[offset] {
        case UInt8(ascii: "\""): escaped = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): escaped = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): escaped = UInt8(ascii: "/")
        case UInt8(ascii: "b"): escaped = 0x08
        case UInt8(ascii: "f"): escaped = 0x0C
        case UInt8(ascii: "n"): escaped = UInt8(ascii: "\n")
        case UInt8(ascii: "r"): escaped = UInt8(ascii: "\r")
        case UInt8(ascii: "t"): escaped = UInt8(ascii: "\t")
        case UInt8(ascii: "u"):
            offset += 1
            let scalar = try readUnicodeEscape(backslash: backslash)
            Self.appendUTF8(scalar, to: &bytes)
            return
        case let byte where (0x21..<0x7F).contains(byte):
            throw failure(.jsonSyntax, "invalid escape sequence '\\\(Character(Unicode.Scalar(byte)))' in a string", at: backslash)
        default:
            throw failure(.jsonSyntax, "invalid escape sequence in a string: '\\' followed by \(describe(at: offset))", at: backslash)
        }
        offset += 1
        bytes.append(escaped)
    }

    /// Reads the four hex digits after `\u`, and a second `\uXXXX` when the first is a high
    /// surrogate; a surrogate without its partner is an error.
    private mutating func readUnicodeEscape(backslash: Int) throws(DiagnosticError) -> UInt32 {
        let unit = try readHexQuad()
        switch unit {
        case 0xD800...0xDBFF:
            let hasSecondEscape = offset + 1 < input.count
                && input[offset] == UInt8(ascii: "\\") && input[offset + 1] == UInt8(ascii: "u")
            if hasSecondEscape {
                let resume = offset
                offset += 2
                let low = try readHexQuad()
                if (0xDC00...0xDFFF).contains(low) {
                    return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                }
                offset = resume
            }
            throw failure(
                .jsonSyntax,
                "unpaired high surrogate '\\u\(Self.hexQuad(unit))' in a string; it must be followed by a low surrogate '\\uDC00' to '\\uDFFF'",
                at: backslash
            )
        case 0xDC00...0xDFFF:
            throw failure(
                .jsonSyntax,
                "unpaired low surrogate '\\u\(Self.hexQuad(unit))' in a string; it must follow a high surrogate '\\uD800' to '\\uDBFF'",
                at: backslash
            )
        default:
            return unit
        }
    }

    private mutating func readHexQuad() throws(DiagnosticError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard offset < input.count, let digit = Self.hexDigitValue(input[offset]) else {
                throw unexpected(expected: "four hexadecimal digits after '\\u'")
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    private static func hexDigitValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func hexQuad(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Appends the UTF-8 encoding of a scalar value (never a surrogate, never above U+10FFFF).
    private static func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            bytes.append(UInt8(scalar))
        case 0x80..<0x800:
            bytes.append(0xC0 | UInt8(scalar >> 6))
            bytes.append(0x80 | UInt8(scalar & 0x3F))
        case 0x800..<0x10000:
            bytes.append(0xE0 | UInt8(scalar >> 12))
            bytes.append(0x80 | UInt8(scalar >> 6 & 0x3F))
            bytes.append(0x80 | UInt8(scalar & 0x3F))
        default:
            bytes.append(0xF0 | UInt8(scalar >> 18))
            bytes.append(0x80 | UInt8(scalar >> 12 & 0x3F))
            bytes.append(0x80 | UInt8(scalar >> 6 & 0x3F))
            bytes.append(0x80 | UInt8(scalar & 0x3F))
        }
    }
}

/// Byte-level UTF-8 helpers both readers share: validation, the byte order mark, and turning a
/// byte offset into a 1-based line and column.
///
/// Lines end at `\n` (so `\r\n` ends one line too); columns count Unicode scalars, so `é` is one
/// column whatever its byte length. A byte order mark at the start of the file takes no column.
enum UTF8Bytes {
    /// Whether `bytes` start with the UTF-8 byte order mark `EF BB BF`.
    static func hasByteOrderMark(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: [0xEF, 0xBB, 0xBF])
    }

    /// The length of the well-formed UTF-8 sequence at `index`, or 0 when the bytes there are
    /// not one (Unicode Table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
    @inline(__always)
    static func sequenceLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }

        @inline(__always)
        func byte(_ offset: Int, in range: ClosedRange<UInt8>) -> Bool {
            index + offset < bytes.count && range.contains(bytes[index + offset])
        }
        switch lead {
        case 0xC2...0xDF:
            return byte(1, in: 0x80...0xBF) ? 2 : 0
        case 0xE0:
            return byte(1, in: 0xA0...0xBF) && byte(2, in: 0x80...0xBF) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return byte(1, in: 0x80...0xBF) && byte(2, in: 0x80...0xBF) ? 3 : 0
        case 0xED:
            return byte(1, in: 0x80...0x9F) && byte(2, in: 0x80...0xBF) ? 3 : 0
        case 0xF0:
            return byte(1, in: 0x90...0xBF) && byte(2, in: 0x80...0xBF) && byte(3, in: 0x80...0xBF) ? 4 : 0
        case 0xF1...0xF3:
            return byte(1, in: 0x80...0xBF) && byte(2, in: 0x80...0xBF) && byte(3, in: 0x80...0xBF) ? 4 : 0
        case 0xF4:
            return byte(1, in: 0x80...0x8F) && byte(2, in: 0x80...0xBF) && byte(3, in: 0x80...0xBF) ? 4 : 0
        default:
            return 0
        }
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence, or `nil`
    /// when all of `bytes` is well-formed.
    static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let length = sequenceLength(in: bytes, at: index)
            if length == 0 { return index }
            index += length
        }
        return nil
    }

    /// The number of Unicode scalars in `bytes[start..<end]`, which must be well-formed: every
    /// byte that is not a continuation byte starts one.
    @inline(__always)
    static func scalarCount(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// The line and column of the byte at `offset`, found by scanning from the start of `bytes`.
    /// Meant for errors, which happen once; readers track positions incrementally otherwise.
    static func location(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        let end = min(offset, bytes.count)
        var line = 1
        var lineStart = hasByteOrderMark(bytes) && end >= 3 ? 3 : 0
        var index = lineStart
        while index < end {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return SourceLocation(line: line, column: scalarCount(in: bytes, from: lineStart, to: end) + 1)
    }

    /// The byte offset of a 1-based line and column (columns in scalars), or `nil` past the end.
    static func offset(of location: SourceLocation, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = hasByteOrderMark(bytes) ? 3 : 0
        var line = 1
        while line < location.line {
            guard let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            index = newline + 1
            line += 1
        }
        var column = 1
        while column < location.column, index < bytes.count {
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            column += 1
        }
        return index < bytes.count ? index : nil
    }

    /// The message for an ill-formed sequence starting at `offset`.
    static func invalidSequenceMessage(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> String {
        "invalid utf-8 sequence starting with byte \(hex(bytes[offset])); the document must be utf-8"
    }

    /// `0x0a`, for messages about bytes.
    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16)
        return byte < 0x10 ? "0x0" + digits : "0x" + digits
    }

    /// What the text at `index` is, for messages: `'x'`, `'tru'`, `a line break`, `end of input`.
    static func describe(in input: UnsafeBufferPointer<UInt8>, at index: Int) -> String {
        guard index < input.count else { return "end of input" }
        let byte = input[index]
        switch byte {
        case UInt8(ascii: "\n"):
            return "a line break"
        case UInt8(ascii: "\r"):
            return "a carriage return"
        case UInt8(ascii: "\t"):
            return "a tab"
        case 0..<0x20, 0x7F:
            return "control character U+00" + hex(byte).dropFirst(2).uppercased()
        case UInt8(ascii: "'"):
            return "a single quote"
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            // A whole word, so that `True` or `nul` reads as written.
            var end = index
            while end < input.count, end - index < 24, isWordByte(input[end]) { end += 1 }
            return "'" + String(decoding: UnsafeBufferPointer(rebasing: input[index..<end]), as: UTF8.self) + "'"
        case 0x20..<0x80:
            return "'\(Character(Unicode.Scalar(byte)))'"
        default:
            let length = sequenceLength(in: input, at: index)
            guard length > 0 else { return "byte \(hex(byte))" }
            let text = String(decoding: UnsafeBufferPointer(rebasing: input[index..<index + length]), as: UTF8.self)
            let value = text.unicodeScalars.first.map { String($0.value, radix: 16, uppercase: true) } ?? ""
            return "'\(text)' (U+\(String(repeating: "0", count: max(0, 4 - value.count)) + value))"
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}

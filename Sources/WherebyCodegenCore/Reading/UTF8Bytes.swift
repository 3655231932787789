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
}

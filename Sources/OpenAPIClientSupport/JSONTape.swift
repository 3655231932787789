/// A JSON text checked against RFC 8259 and indexed in one pass: every value becomes one
/// ``Entry`` in document order, so decoding can find, read and skip values without building
/// a tree of Swift values first.
///
/// An object's entry is followed by its members as key, value pairs; an array's by its
/// elements. A container's entry records how many members or elements it has and the index of
/// the entry after its last one, so skipping a value of any size is one step. Strings and
/// numbers record where their bytes are; they are turned into Swift values only when a
/// decoder asks for them.
struct JSONTape {
    /// What a value is; `string` values and keys also say whether they contain escapes.
    enum Kind: UInt8 {
        case null, `true`, `false`, number, string, escapedString, array, object
    }

    /// One value. 16 bytes, so a page of a hundred meetings indexes into about 24 KiB.
    struct Entry {
        var kind: Kind
        /// For numbers: whether the text has a fraction or an exponent.
        var hasFractionOrExponent: Bool = false
        /// For strings: whether every byte is ASCII, so the text needs no UTF-8 check.
        var isASCII: Bool = false
        /// Strings: the offset of the first byte after the opening quote; numbers: of the first
        /// byte; containers: of the opening bracket (for error messages).
        var start: UInt32
        /// Strings and numbers: the length in bytes (without quotes); containers: the number
        /// of members or elements.
        var count: UInt32
        /// The index of the entry after this value and everything inside it.
        var next: UInt32
    }

    /// Containers nest at most this deep (as in Foundation's `JSONDecoder`), so hostile input
    /// cannot exhaust the stack.
    static let maximumDepth = 512

    private(set) var entries: [Entry] = []

    /// Indexes `bytes`, which must hold exactly one JSON value with optional whitespace around it
    /// (and an optional UTF-8 byte order mark before it).
    /// - Throws: ``JSONSyntaxError`` at the first byte that breaks the grammar.
    init(parsing bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) {
        guard bytes.count < Int(UInt32.max) else {
            throw JSONSyntaxError(.documentTooLarge, offset: 0, in: bytes)
        }
        var parser = Parser(bytes: bytes)
        entries.reserveCapacity(bytes.count / 12 + 4)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.position = 3 }
        parser.skipWhitespace()
        try parser.parseValue(into: &entries, depth: 0)
        parser.skipWhitespace()
        guard parser.position == bytes.count else {
            throw JSONSyntaxError(.unexpectedTrailingCharacters, offset: parser.position, in: bytes)
        }
    }

    // MARK: - Parsing

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        @inline(__always)
        mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x0A, 0x0D, 0x09: position += 1
                default: return
                }
            }
        }

        func error(_ problem: JSONSyntaxError.Problem, at offset: Int? = nil) -> JSONSyntaxError {
            JSONSyntaxError(problem, offset: offset ?? position, in: bytes)
        }

        mutating func parseValue(into entries: inout [Entry], depth: Int) throws(JSONSyntaxError) {
            guard position < bytes.count else { throw error(.unexpectedEndOfInput) }
            switch bytes[position] {
            case UInt8(ascii: "{"): try parseObject(into: &entries, depth: depth + 1)
            case UInt8(ascii: "["): try parseArray(into: &entries, depth: depth + 1)
            case UInt8(ascii: "\""): try parseString(into: &entries)
            case UInt8(ascii: "t"): try parseLiteral("true", kind: .true, into: &entries)
            case UInt8(ascii: "f"): try parseLiteral("false", kind: .false, into: &entries)
            case UInt8(ascii: "n"): try parseLiteral("null", kind: .null, into: &entries)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try parseNumber(into: &entries)
            default: throw error(.unexpectedCharacter)
            }
        }

        mutating func parseObject(into entries: inout [Entry], depth: Int) throws(JSONSyntaxError) {
            guard depth <= JSONTape.maximumDepth else { throw error(.tooDeeplyNested) }
            let index = entries.count
            entries.append(Entry(kind: .object, start: UInt32(position), count: 0, next: 0))
            position += 1
            skipWhitespace()
            var count: UInt32 = 0
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
            } else {
                while true {
                    guard position < bytes.count else { throw error(.unexpectedEndOfInput) }
                    guard bytes[position] == UInt8(ascii: "\"") else { throw error(.expectedKey) }
                    let keyStart = position
                    try parseString(into: &entries)
                    // Keys are all read (for dictionaries) or compared, so check their UTF-8 here.
                    if let key = entries.last, !key.isASCII {
                        let keyBytes = UnsafeBufferPointer(rebasing: bytes[Int(key.start)..<Int(key.start) + Int(key.count)])
                        guard JSONTape.isValidUTF8(keyBytes) else { throw error(.invalidUTF8InKey, at: keyStart) }
                    }
                    skipWhitespace()
                    guard position < bytes.count else { throw error(.unexpectedEndOfInput) }
                    guard bytes[position] == UInt8(ascii: ":") else { throw error(.expectedColon) }
                    position += 1
                    skipWhitespace()
                    try parseValue(into: &entries, depth: depth)
                    count += 1
                    skipWhitespace()
                    guard position < bytes.count else { throw error(.unexpectedEndOfInput) }
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                        skipWhitespace()
                        // A trailing comma, which JSONDecoder accepts too.
                        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                            position += 1
                            break
                        }
                    } else if bytes[position] == UInt8(ascii: "}") {
                        position += 1
                        break
                    } else {
                        throw error(.expectedCommaOrEndOfObject)
                    }
                }
            }
            entries[index].count = count
            entries[index].next = UInt32(entries.count)
        }

        mutating func parseArray(into entries: inout [Entry], depth: Int) throws(JSONSyntaxError) {
            guard depth <= JSONTape.maximumDepth else { throw error(.tooDeeplyNested) }
            let index = entries.count
            entries.append(Entry(kind: .array, start: UInt32(position), count: 0, next: 0))
            position += 1
            skipWhitespace()
            var count: UInt32 = 0
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
            } else {
                while true {
                    try parseValue(into: &entries, depth: depth)
                    count += 1
                    skipWhitespace()
                    guard position < bytes.count else { throw error(.unexpectedEndOfInput) }
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                        skipWhitespace()
                        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                            position += 1
                            break
                        }
                    } else if bytes[position] == UInt8(ascii: "]") {
                        position += 1
                        break
                    } else {
                        throw error(.expectedCommaOrEndOfArray)
                    }
                }
            }
            entries[index].count = count
            entries[index].next = UInt32(entries.count)
        }

        /// Checks a string's escapes and that it has no raw control characters, and notes
        /// whether it is all ASCII. The UTF-8 of other strings is checked when they are read
        /// (``JSONDocument/string(of:)``), so skipped values cost less.
        mutating func parseString(into entries: inout [Entry]) throws(JSONSyntaxError) {
            let opening = position
            let base = bytes.baseAddress!
            let end = bytes.count
            var index = position + 1
            let start = index
            var escaped = false
            var highBits: UInt64 = 0
            while true {
                // Eight bytes at a time while none of them is a quote, a backslash or a control
                // character; then byte by byte up to the one that is.
                var found = false
                while index + 8 <= end {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                    let attention = Self.attention(word)
                    if attention != 0 {
                        // The lowest flagged byte is exact; only bytes above it can be false alarms.
                        let offset = attention.trailingZeroBitCount >> 3
                        highBits |= word & ((1 << (UInt64(offset) << 3)) &- 1)
                        index += offset
                        found = true
                        break
                    }
                    highBits |= word
                    index += 8
                }
                while !found, index < end {
                    let byte = base[index]
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                    highBits |= UInt64(byte)
                    index += 1
                }
                guard index < end else { throw error(.unterminatedString, at: opening) }
                let byte = base[index]
                if byte == UInt8(ascii: "\"") { break }
                if byte < 0x20 { throw error(.controlCharacterInString, at: index) }
                // A backslash.
                escaped = true
                index += 1
                guard index < end else { throw error(.unterminatedString, at: opening) }
                switch base[index] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                    UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                case UInt8(ascii: "u"):
                    let escape = index - 1
                    guard let unit = hex4(at: index + 1) else { throw error(.invalidEscape, at: escape) }
                    index += 5
                    // UTF-16 surrogates come in pairs, or they are no text a String can hold.
                    if (0xDC00...0xDFFF).contains(unit) { throw error(.unpairedSurrogate, at: escape) }
                    if (0xD800...0xDBFF).contains(unit) {
                        guard index + 1 < end, base[index] == UInt8(ascii: "\\"), base[index + 1] == UInt8(ascii: "u"),
                            let low = hex4(at: index + 2), (0xDC00...0xDFFF).contains(low)
                        else { throw error(.unpairedSurrogate, at: escape) }
                        index += 6
                    }
                default:
                    throw error(.invalidEscape, at: index - 1)
                }
            }
            entries.append(Entry(
                kind: escaped ? .escapedString : .string,
                isASCII: highBits & 0x8080_8080_8080_8080 == 0,
                start: UInt32(start),
                count: UInt32(index - start),
                next: UInt32(entries.count + 1)
            ))
            position = index + 1
        }

        /// The four hex digits at `index` as a UTF-16 code unit, or `nil` when they are not.
        private func hex4(at index: Int) -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for offset in 0..<4 {
                guard let digit = JSONTape.hexValue(bytes[index + offset]) else { return nil }
                value = value << 4 | digit
            }
            return value
        }

        /// The high bit of every byte of `word` that may be `"`, a backslash or below 0x20:
        /// exact for the lowest such byte, possibly a false alarm for bytes above it (the
        /// `haszero` and `hasless` tricks of "Bit Twiddling Hacks").
        @inline(__always)
        static func attention(_ word: UInt64) -> UInt64 {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
            let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
            let hasQuote = (quotes &- ones) & ~quotes
            let hasBackslash = (backslashes &- ones) & ~backslashes
            let hasControl = (word &- ones &* 0x20) & ~word
            return (hasQuote | hasBackslash | hasControl) & highs
        }

        mutating func parseLiteral(_ literal: StaticString, kind: Kind, into entries: inout [Entry]) throws(JSONSyntaxError) {
            let length = literal.utf8CodeUnitCount
            guard position + length <= bytes.count else { throw error(.unexpectedEndOfInput) }
            for offset in 0..<length where bytes[position + offset] != literal.utf8Start[offset] {
                throw error(.unexpectedCharacter)
            }
            entries.append(Entry(kind: kind, start: UInt32(position), count: UInt32(length), next: UInt32(entries.count + 1)))
            position += length
        }

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
        mutating func parseNumber(into entries: inout [Entry]) throws(JSONSyntaxError) {
            let start = position
            var fractionOrExponent = false
            if bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw error(position < bytes.count ? .invalidNumber : .unexpectedEndOfInput)
            }
            if bytes[position] == UInt8(ascii: "0") {
                position += 1
                if position < bytes.count, isDigit(bytes[position]) { throw error(.invalidNumber) }
            } else {
                skipDigits()
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                fractionOrExponent = true
                position += 1
                guard position < bytes.count, isDigit(bytes[position]) else { throw error(.invalidNumber) }
                skipDigits()
            }
            if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
                fractionOrExponent = true
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                    position += 1
                }
                guard position < bytes.count, isDigit(bytes[position]) else { throw error(.invalidNumber) }
                skipDigits()
            }
            entries.append(Entry(
                kind: .number,
                hasFractionOrExponent: fractionOrExponent,
                start: UInt32(start),
                count: UInt32(position - start),
                next: UInt32(entries.count + 1)
            ))
        }

        @inline(__always)
        private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

        @inline(__always)
        private mutating func skipDigits() {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
    }

    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}

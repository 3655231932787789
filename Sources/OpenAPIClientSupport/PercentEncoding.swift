/// Percent-encoding (RFC 3986 section 2.1) over UTF-8 bytes.
///
/// Every byte outside the allowed set becomes `%XX` with upper-case hex digits. Values are
/// encoded once, when a parameter is added, and the encoded text is stored as is, so nothing
/// is ever encoded twice.
enum PercentEncoding {
    /// The bytes a context leaves as they are.
    struct AllowedBytes: Sendable {
        /// Bit `n` of `low` allows byte `n`; bit `n` of `high` allows byte `64 + n`. Bytes
        /// at or above 128 (anything non-ASCII) are always encoded.
        private let low: UInt64
        private let high: UInt64
        /// Whether a valid `%XX` triplet already in the value is kept rather than encoded.
        let keepsPercentTriplets: Bool

        init(_ characters: String, keepsPercentTriplets: Bool = false) {
            var low: UInt64 = 0
            var high: UInt64 = 0
            for byte in characters.utf8 where byte < 128 {
                if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
            }
            self.low = low
            self.high = high
            self.keepsPercentTriplets = keepsPercentTriplets
        }

        @inline(__always)
        func contains(_ byte: UInt8) -> Bool {
            if byte < 64 { return low & (1 << UInt64(byte)) != 0 }
            if byte < 128 { return high & (1 << UInt64(byte - 64)) != 0 }
            return false
        }

        /// RFC 3986 unreserved characters: `A-Z a-z 0-9 - . _ ~`. Everything else is encoded,
        /// so `/`, space, `&`, `=`, `+`, `#`, `%`, `,`, `[` and `]` all become `%XX`.
        static let unreserved = AllowedBytes(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
        )

        /// A query value with OpenAPI's `allowReserved: true`: unreserved characters plus the
        /// RFC 3986 reserved characters that are legal inside a query (`:/?@!$'()*+,;=`), with
        /// existing `%XX` triplets kept. `&` and `#` stay encoded because they would end the
        /// parameter or the whole query, and `[`/`]` because RFC 3986 allows them only in hosts.
        static let queryAllowingReserved = AllowedBytes(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?@!$'()*+,;=",
            keepsPercentTriplets: true
        )
    }

    /// Returns `text` with every byte outside `allowed` percent-encoded.
    static func encode(_ text: String, allowing allowed: AllowedBytes = .unreserved) -> String {
        let utf8 = text.utf8
        // Most parameter values need no encoding at all; return them without copying.
        guard utf8.contains(where: { !allowed.contains($0) }) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count * 3)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if allowed.contains(byte) {
                output.append(byte)
            } else if byte == UInt8(ascii: "%"), allowed.keepsPercentTriplets,
                isPercentTriplet(utf8[index...])
            {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
            index = utf8.index(after: index)
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func isPercentTriplet(_ bytes: Substring.UTF8View) -> Bool {
        var iterator = bytes.dropFirst().prefix(2).makeIterator()
        guard let first = iterator.next(), let second = iterator.next() else { return false }
        return isHexDigit(first) && isHexDigit(second)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "F"),
            UInt8(ascii: "a")...UInt8(ascii: "f"):
            true
        default:
            false
        }
    }
}

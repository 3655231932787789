/// An RFC 6901 JSON pointer into the document, printed in its URI-fragment form (`#/paths/~1meetings/post`).
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible {
    public private(set) var tokens: [String]

    public init(_ tokens: [String] = []) {
        self.tokens = tokens
    }

    public static let root = JSONPointer()

    /// The pointer to a child of the node this one points at.
    public func appending(_ token: String) -> JSONPointer {
        var copy = self
        copy.tokens.append(token)
        return copy
    }

    public func appending(_ index: Int) -> JSONPointer {
        appending(String(index))
    }

    public var description: String {
        // Every generated declaration's provenance is one of these: built from UTF-8 bytes, since
        // `~` and `/` are ASCII and looking at them as Characters costs grapheme breaking.
        var bytes: [UInt8] = [UInt8(ascii: "#")]
        bytes.reserveCapacity(tokens.reduce(1) { $0 + $1.utf8.count + 2 })
        for token in tokens {
            bytes.append(UInt8(ascii: "/"))
            Self.appendEscaped(token, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Escapes one reference token: `~` as `~0`, `/` as `~1`.
    public static func escape(_ token: String) -> String {
        guard needsEscaping(token) else { return token }
        var bytes: [UInt8] = []
        appendEscaped(token, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func needsEscaping(_ token: String) -> Bool {
        token.withUTF8Bytes { $0.contains(where: isEscaped) }
    }

    private static func isEscaped(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "~") || byte == UInt8(ascii: "/")
    }

    private static func appendEscaped(_ token: String, to bytes: inout [UInt8]) {
        token.withUTF8Bytes { tokenBytes in
            guard tokenBytes.contains(where: isEscaped) else {
                bytes.append(contentsOf: tokenBytes)
                return
            }
            for byte in tokenBytes {
                switch byte {
                case UInt8(ascii: "~"): bytes += [UInt8(ascii: "~"), UInt8(ascii: "0")]
                case UInt8(ascii: "/"): bytes += [UInt8(ascii: "~"), UInt8(ascii: "1")]
                default: bytes.append(byte)
                }
            }
        }
    }

    /// Parses the fragment of a `$ref` (`#/components/schemas/Pet`, percent-encoded or not).
    /// Returns `nil` when the fragment is not a JSON pointer.
    public init?(fragment: String) {
        let text = fragment.hasPrefix("#") ? String(fragment.dropFirst()) : fragment
        guard let decoded = Self.percentDecode(text) else { return nil }
        if decoded.isEmpty {
            self.init()
            return
        }
        guard decoded.hasPrefix("/") else { return nil }
        let tokens = decoded.withUTF8Bytes { bytes in
            var tokens: [String] = []
            var start = 1
            for index in 1...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
                tokens.append(Self.unescape(bytes.string(start..<index)))
                start = index + 1
            }
            return tokens
        }
        self.init(tokens)
    }

    /// Unescapes one reference token: `~1` as `/`, `~0` as `~`.
    private static func unescape(_ token: String) -> String {
        guard token.withUTF8Bytes({ $0.contains(UInt8(ascii: "~")) }) else { return token }
        return token.replacingAll("~1", with: "/").replacingAll("~0", with: "~")
    }

    private static func percentDecode(_ text: String) -> String? {
        guard text.withUTF8Bytes({ $0.contains(UInt8(ascii: "%")) }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension String {
    /// Replaces every occurrence of `target`; Foundation-free, so the core needs no Foundation here.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}

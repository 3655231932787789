import Foundation

/// A response body and its ``JSONTape``, owned together for as long as any decoder reads them,
/// with the readers that turn one entry into a Swift value.
///
/// The bytes are copied once into memory this object owns, so decoders can read them through
/// a pointer without `Data`'s indirection and without outliving them.
final class JSONDocument {
    let bytes: UnsafeMutableBufferPointer<UInt8>
    let entries: [JSONTape.Entry]

    /// - Throws: `DecodingError.dataCorrupted` with a ``JSONSyntaxError`` as its underlying
    ///   error when `data` is not JSON.
    init(_ data: Data) throws {
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(data.count, 1))
        _ = bytes.initialize(from: data)
        self.bytes = UnsafeMutableBufferPointer(rebasing: bytes[0..<data.count])
        do {
            entries = try JSONTape(parsing: UnsafeBufferPointer(self.bytes)).entries
        } catch {
            bytes.deallocate()
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: [],
                debugDescription: "The given data was not valid JSON.",
                underlyingError: error
            ))
        }
    }

    deinit {
        bytes.baseAddress?.deallocate()
    }

    // MARK: - Reading entries

    @inline(__always)
    func entry(_ index: Int) -> JSONTape.Entry { entries[index] }

    /// The raw bytes of a string (without quotes, escapes as written) or a number.
    @inline(__always)
    func rawBytes(of entry: JSONTape.Entry) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.start) + Int(entry.count)])
    }

    /// Whether the key at `index` is `name`, compared as UTF-8 after unescaping.
    @inline(__always)
    func key(at index: Int, equals name: UnsafeBufferPointer<UInt8>) -> Bool {
        let entry = entries[index]
        if entry.kind == .string {
            guard Int(entry.count) == name.count else { return false }
            guard let base = name.baseAddress, name.count > 0 else { return true }
            return memcmp(bytes.baseAddress! + Int(entry.start), base, name.count) == 0
        }
        guard let unescaped = try? unescapedBytes(of: entry) else { return false }
        return unescaped.elementsEqual(name)
    }

    /// The text of a string entry (a key or a value).
    /// - Throws: ``JSONDocument/Problem`` for invalid UTF-8 or an unpaired surrogate escape.
    func string(of entry: JSONTape.Entry) throws(Problem) -> String {
        if entry.kind == .string {
            // ASCII is valid UTF-8, so the quick initializer cannot repair anything.
            if entry.isASCII { return String(decoding: rawBytes(of: entry), as: UTF8.self) }
            return try Self.validatedString(rawBytes(of: entry))
        }
        let unescaped = try unescapedBytes(of: entry)
        return try unescaped.withUnsafeBufferPointer { buffer throws(Problem) in try Self.validatedString(buffer) }
    }

    /// Calls `body` with a string entry's UTF-8 bytes, unescaped.
    func withStringBytes<Result>(
        of entry: JSONTape.Entry,
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) throws(Problem) -> Result {
        if entry.kind == .string { return body(rawBytes(of: entry)) }
        let unescaped = try unescapedBytes(of: entry)
        return unescaped.withUnsafeBufferPointer(body)
    }

    /// What makes a string or number entry unreadable; the decoder adds the coding path.
    enum Problem: Error {
        case invalidUTF8
        case unpairedSurrogate
    }

    private static func validatedString(_ buffer: UnsafeBufferPointer<UInt8>) throws(Problem) -> String {
        if #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *) {
            guard let string = String(validating: buffer, as: UTF8.self) else { throw .invalidUTF8 }
            return string
        } else {
            guard let string = String(bytes: buffer, encoding: .utf8) else { throw .invalidUTF8 }
            return string
        }
    }

    /// A string entry's bytes with its escapes replaced (the tape has checked their syntax).
    private func unescapedBytes(of entry: JSONTape.Entry) throws(Problem) -> [UInt8] {
        let raw = rawBytes(of: entry)
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                index += 1
                continue
            }
            let escape = raw[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = Self.hex4(raw, at: index)
                index += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate must be followed by an escaped low one.
                    guard index + 5 < raw.count, raw[index] == UInt8(ascii: "\\"), raw[index + 1] == UInt8(ascii: "u") else {
                        throw .unpairedSurrogate
                    }
                    let low = Self.hex4(raw, at: index + 2)
                    guard (0xDC00...0xDFFF).contains(low) else { throw .unpairedSurrogate }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw .unpairedSurrogate
                }
                output.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
            default: output.append(escape)  // " \ /
            }
        }
        return output
    }

    private static func hex4(_ raw: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 { value = value << 4 | (JSONTape.hexValue(raw[index + offset]) ?? 0) }
        return value
    }
}

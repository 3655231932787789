import Foundation

/// The `Decoder` behind ``JSONCoding/decode(_:from:)``: it reads values straight from a
/// ``JSONDocument``'s tape, with the behaviour of Foundation's `JSONDecoder` under
/// ``JSONCoding``'s defaults (ISO 8601 dates through ``ISO8601/parse(utf8:)``, Base64 `Data`,
/// URLs from strings) and the same `DecodingError`s and coding paths.
///
/// One decoder stands for one value. Keys are found by comparing bytes, starting after the
/// member the previous lookup found, so decoding members in document order compares each key
/// once and no dictionary of keys is built. Strings, numbers and dates are read where they
/// are, without a decoder of their own; a nested object or array gets one, which is also the
/// node of its coding path.
final class JSONTapeDecoder: Decoder {
    let document: JSONDocument
    /// The tape index of the value this decoder decodes.
    let index: Int
    private let parent: JSONTapeDecoder?
    private let pathComponent: PathComponent?
    /// For objects: the tape index of the key the next lookup starts at.
    var memberHint: Int

    init(document: JSONDocument, index: Int, parent: JSONTapeDecoder?, pathComponent: PathComponent?) {
        self.document = document
        self.index = index
        self.parent = parent
        self.pathComponent = pathComponent
        memberHint = index + 1
    }

    /// Decodes a whole document.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let root = JSONTapeDecoder(document: try JSONDocument(data), index: 0, parent: nil, pathComponent: nil)
        return try root.decodeValue(T.self, at: 0, component: nil)
    }

    // MARK: - Decoder

    var codingPath: [any CodingKey] {
        var components: [any CodingKey] = []
        var node: JSONTapeDecoder? = self
        while let current = node, let component = current.pathComponent {
            components.append(component.codingKey)
            node = current.parent
        }
        return components.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let entry = document.entry(index)
        guard entry.kind == .object else {
            throw mismatch([String: Any].self, entry, at: nil, what: "keyed decoding container")
        }
        return KeyedDecodingContainer(JSONKeyedContainer<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let entry = document.entry(index)
        guard entry.kind == .array else {
            throw mismatch([Any].self, entry, at: nil, what: "unkeyed decoding container")
        }
        return JSONUnkeyedContainer(decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        JSONSingleValueContainer(decoder: self)
    }

    // MARK: - Values

    /// A child decoder for the nested value at `index`.
    func child(at index: Int, component: PathComponent) -> JSONTapeDecoder {
        JSONTapeDecoder(document: document, index: index, parent: self, pathComponent: component)
    }

    /// Decodes the value at `index`, reached from this decoder through `component` (`nil` for
    /// this decoder's own value), reading strings, numbers, dates, data and URLs in place.
    func decodeValue<T: Decodable>(_ type: T.Type, at index: Int, component: PathComponent?) throws -> T {
        if T.self == String.self { return try string(at: index, component: component) as! T }
        if T.self == Date.self { return try date(at: index, component: component) as! T }
        if T.self == Int.self { return try integer(Int.self, at: index, component: component) as! T }
        if T.self == Double.self { return try floatingPoint(Double.self, at: index, component: component) as! T }
        if T.self == Bool.self { return try bool(at: index, component: component) as! T }
        if T.self == Data.self { return try data(at: index, component: component) as! T }
        if T.self == URL.self { return try url(at: index, component: component) as! T }
        if T.self == Decimal.self { return try decimal(at: index, component: component) as! T }
        let decoder = component.map { child(at: index, component: $0) } ?? self
        return try T(from: decoder)
    }

    func isNull(at index: Int) -> Bool { document.entry(index).kind == .null }

    func string(at index: Int, component: PathComponent?) throws -> String {
        let entry = document.entry(index)
        guard entry.kind == .string || entry.kind == .escapedString else {
            throw mismatch(String.self, entry, at: component)
        }
        do {
            return try document.string(of: entry)
        } catch {
            throw corrupted(error.description, at: component)
        }
    }

    func bool(at index: Int, component: PathComponent?) throws -> Bool {
        switch document.entry(index).kind {
        case .true: return true
        case .false: return false
        default: throw mismatch(Bool.self, document.entry(index), at: component)
        }
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, at index: Int, component: PathComponent?) throws -> T {
        let entry = document.entry(index)
        guard entry.kind == .number else { throw mismatch(T.self, entry, at: component) }
        let bytes = document.rawBytes(of: entry)
        if !entry.hasFractionOrExponent, let value = Self.parseInteger(T.self, bytes) { return value }
        // `1e3` or `2.0` is an integer too, when it is one exactly.
        if entry.hasFractionOrExponent, let double = Double(Self.text(of: bytes)), let value = T(exactly: double) {
            return value
        }
        throw corrupted("Parsed JSON number <\(Self.text(of: bytes))> does not fit in \(T.self).", at: component)
    }

    func floatingPoint<T: LosslessStringConvertible & BinaryFloatingPoint>(
        _ type: T.Type,
        at index: Int,
        component: PathComponent?
    ) throws -> T {
        let entry = document.entry(index)
        guard entry.kind == .number else { throw mismatch(T.self, entry, at: component) }
        let text = Self.text(of: document.rawBytes(of: entry))
        guard let value = T(text), value.isFinite else {
            throw corrupted("Parsed JSON number <\(text)> does not fit in \(T.self).", at: component)
        }
        return value
    }

    func date(at index: Int, component: PathComponent?) throws -> Date {
        let entry = document.entry(index)
        guard entry.kind == .string || entry.kind == .escapedString else {
            throw mismatch(String.self, entry, at: component)
        }
        let date: Date?
        do {
            date = try document.withStringBytes(of: entry) { ISO8601.parse(utf8: $0) }
        } catch {
            throw corrupted(error.description, at: component)
        }
        guard let date else {
            throw corrupted(JSONCoding.invalidDateDescription(try string(at: index, component: component)), at: component)
        }
        return date
    }

    func data(at index: Int, component: PathComponent?) throws -> Data {
        guard let data = Data(base64Encoded: try string(at: index, component: component)) else {
            throw corrupted("Encountered Data is not valid Base64.", at: component)
        }
        return data
    }

    func url(at index: Int, component: PathComponent?) throws -> URL {
        guard let url = URL(string: try string(at: index, component: component)) else {
            throw corrupted("Invalid URL string.", at: component)
        }
        return url
    }

    func decimal(at index: Int, component: PathComponent?) throws -> Decimal {
        let entry = document.entry(index)
        guard entry.kind == .number else { throw mismatch(Decimal.self, entry, at: component) }
        let text = Self.text(of: document.rawBytes(of: entry))
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw corrupted("Parsed JSON number <\(text)> does not fit in Decimal.", at: component)
        }
        return value
    }

    // MARK: - Errors

    /// The coding path of the value reached through `component`.
    func codingPath(appending component: PathComponent?) -> [any CodingKey] {
        guard let component else { return codingPath }
        return codingPath + [component.codingKey]
    }

    func mismatch(_ type: Any.Type, _ entry: JSONTape.Entry, at component: PathComponent?, what: String? = nil) -> DecodingError {
        let context = DecodingError.Context(
            codingPath: codingPath(appending: component),
            debugDescription: entry.kind == .null
                ? "Cannot get \(what ?? "value of type \(type)") -- found null value instead"
                : "Expected to decode \(type) but found \(entry.kind.description) instead."
        )
        return entry.kind == .null ? .valueNotFound(type, context) : .typeMismatch(type, context)
    }

    func corrupted(_ description: String, at component: PathComponent?) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: codingPath(appending: component), debugDescription: description))
    }

    // MARK: - Numbers

    private static func text(of bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Parses `-?[0-9]+` into `T`, or returns `nil` when it does not fit.
    private static func parseInteger<T: FixedWidthInteger>(_ type: T.Type, _ bytes: UnsafeBufferPointer<UInt8>) -> T? {
        var index = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative {
            guard T.isSigned else { return bytes.count == 2 && bytes[1] == UInt8(ascii: "0") ? 0 : nil }
            index = 1
        }
        var value: T = 0
        while index < bytes.count {
            let digit = T(bytes[index] &- UInt8(ascii: "0"))
            let (multiplied, overflowed) = value.multipliedReportingOverflow(by: 10)
            // Accumulate negative numbers downwards, so that `T.min` fits.
            let (added, overflowedAgain) = negative
                ? multiplied.subtractingReportingOverflow(digit)
                : multiplied.addingReportingOverflow(digit)
            guard !overflowed, !overflowedAgain else { return nil }
            value = added
            index += 1
        }
        return value
    }
}

/// One step of a coding path: a member's key or an element's index.
enum PathComponent {
    case key(any CodingKey)
    case index(Int)

    var codingKey: any CodingKey {
        switch self {
        case .key(let key): key
        case .index(let index): IndexCodingKey(index)
        }
    }
}

/// An array position in a coding path, spelled like Foundation's (`Index 3`).
struct IndexCodingKey: CodingKey {
    let intValue: Int?
    let stringValue: String

    init(_ index: Int) {
        intValue = index
        stringValue = "Index \(index)"
    }

    init?(stringValue: String) { nil }

    init?(intValue: Int) { self.init(intValue) }
}

extension JSONTape.Kind: CustomStringConvertible {
    /// As Foundation's messages name them: "found a string instead".
    var description: String {
        switch self {
        case .null: "null"
        case .true, .false: "bool"
        case .number: "number"
        case .string, .escapedString: "a string"
        case .array: "an array"
        case .object: "a dictionary"
        }
    }
}

extension JSONDocument.Problem: CustomStringConvertible {
    var description: String {
        switch self {
        case .invalidUTF8: "The string is not valid UTF-8."
        case .unpairedSurrogate: "The string has a \\u escape of an unpaired UTF-16 surrogate."
        }
    }
}

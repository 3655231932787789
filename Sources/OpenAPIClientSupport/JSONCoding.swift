public import Foundation

/// How an ``APIRuntime`` encodes JSON request bodies and decodes JSON responses.
///
/// The default writes dates as ISO 8601 in UTC (``ISO8601/format(_:)``), sorts object keys so
/// bodies are stable, and does not escape `/`; it reads dates with the fast
/// ``ISO8601/parse(_:)``, with or without fractional seconds and with any UTC offset. Adjust
/// anything else with the configuration closures, which run after the defaults are set:
///
/// ```swift
/// let coding = JSONCoding(configureDecoder: { $0.keyDecodingStrategy = .convertFromSnakeCase })
/// ```
///
/// Without `configureDecoder`, ``decode(_:from:)`` reads bodies with the runtime's own decoder,
/// which indexes the bytes in one pass and decodes values where they are: it reads what
/// `JSONDecoder` with these defaults reads, throws the same `DecodingError`s with the same
/// coding paths, and is several times faster. With `configureDecoder`, it uses the configured
/// `JSONDecoder`, since the closure may change anything about it.
public struct JSONCoding: Sendable {
    /// ISO 8601 dates, sorted keys, unescaped slashes.
    public static let `default` = JSONCoding()

    private let configureEncoder: @Sendable (JSONEncoder) -> Void
    /// `nil` when the decoder keeps the defaults, so ``decode(_:from:)`` may use the fast one.
    private let configureDecoder: (@Sendable (JSONDecoder) -> Void)?

    /// The configured encoder the runtime uses; `JSONEncoder` is safe to share for encoding.
    let encoder: JSONEncoder
    /// The configured decoder the runtime uses; `JSONDecoder` is safe to share for decoding.
    let decoder: JSONDecoder

    /// Creates a configuration.
    /// - Parameters:
    ///   - configureEncoder: Changes an encoder after the defaults are set.
    ///   - configureDecoder: Changes a decoder after the defaults are set; `nil` keeps them.
    public init(
        configureEncoder: @escaping @Sendable (JSONEncoder) -> Void = { _ in },
        configureDecoder: (@Sendable (JSONDecoder) -> Void)? = nil
    ) {
        self.configureEncoder = configureEncoder
        self.configureDecoder = configureDecoder
        encoder = Self.makeEncoder(configure: configureEncoder)
        decoder = Self.makeDecoder(configure: configureDecoder)
    }

    /// Decodes a JSON body as the runtime does for every response.
    /// - Throws: `DecodingError`; for malformed JSON, `dataCorrupted` with a
    ///   ``JSONSyntaxError`` (what is wrong, line and column) as its underlying error.
    public func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        guard configureDecoder == nil else { return try decoder.decode(T.self, from: data) }
        return try JSONTapeDecoder.decode(T.self, from: data)
    }

    /// A new encoder configured like the one the runtime uses.
    public func makeEncoder() -> JSONEncoder {
        Self.makeEncoder(configure: configureEncoder)
    }

    /// A new decoder configured like the one the runtime uses.
    public func makeDecoder() -> JSONDecoder {
        Self.makeDecoder(configure: configureDecoder)
    }

    private static func makeEncoder(configure: (JSONEncoder) -> Void) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom(encodeDate)
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        configure(encoder)
        return encoder
    }

    private static func makeDecoder(configure: ((JSONDecoder) -> Void)?) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom(decodeDate)
        configure?(decoder)
        return decoder
    }

    // MARK: - Date strategies

    /// Encodes a date as an ISO 8601 string in UTC; use with
    /// `JSONEncoder.DateEncodingStrategy.custom` in coders of your own.
    /// - Throws: `EncodingError.invalidValue` for a date with no ISO 8601 form (not finite).
    @Sendable
    public static func encodeDate(_ date: Date, to encoder: any Encoder) throws {
        guard let text = ISO8601.formatIfRepresentable(date) else {
            throw EncodingError.invalidValue(
                date,
                EncodingError.Context(codingPath: encoder.codingPath, debugDescription: "this date has no ISO 8601 form")
            )
        }
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// Decodes a date from an ISO 8601 date-time string; use with
    /// `JSONDecoder.DateDecodingStrategy.custom` in coders of your own.
    /// - Throws: `DecodingError.dataCorrupted` when the string is not an RFC 3339 date-time.
    @Sendable
    public static func decodeDate(from decoder: any Decoder) throws -> Date {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = ISO8601.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: invalidDateDescription(text))
        }
        return date
    }

    /// Why `text` is not a date, quoting at most 64 characters of it.
    static func invalidDateDescription(_ text: String) -> String {
        let shown = text.count > 64 ? "\(text.prefix(64))…" : text
        return "expected an ISO 8601 date-time like 2025-05-12T16:42:49Z, found \"\(shown)\""
    }
}

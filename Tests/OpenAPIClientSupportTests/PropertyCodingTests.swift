import Foundation
import OpenAPIClientSupport
import Testing

/// `property(_:_:)` and its relatives code exactly what the container calls they stand for do,
/// through both decoders, for the types with a concrete container overload and for the others.
@Suite("Property coding")
struct PropertyCodingTests {
    struct Sample: Codable, Equatable, Sendable {
        enum Level: String, Codable, Sendable { case low, high }

        var name: String
        var count: Int
        var isOn: Bool
        var ratio: Double
        var when: Date
        var level: Level
        var tags: [String]
        var note: String?
        var limit: Int?
        var nickname: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: PropertyKey.self)
            self.name = try container.property(String.self, "name")
            self.count = try container.property(Int.self, "count")
            self.isOn = try container.property(Bool.self, "is-on")
            self.ratio = try container.property(Double.self, "ratio")
            self.when = try container.property(Date.self, "when")
            self.level = try container.property(Level.self, "level")
            self.tags = try container.property([String].self, "tags")
            self.note = try container.propertyIfPresent(String.self, "note")
            self.limit = try container.propertyIfPresent(Int.self, "limit")
            self.nickname = try container.propertyIfPresent(String.self, "nickname")
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: PropertyKey.self)
            try container.encodeProperty(name, "name")
            try container.encodeProperty(count, "count")
            try container.encodeProperty(isOn, "is-on")
            try container.encodeProperty(ratio, "ratio")
            try container.encodeProperty(when, "when")
            try container.encodeProperty(level, "level")
            try container.encodeProperty(tags, "tags")
            // Always sent: nil is written as null.
            try container.encodeProperty(note, "note")
            try container.encodePropertyIfPresent(limit, "limit")
            try container.encodePropertyIfPresent(nickname, "nickname")
        }
    }

    static let json = #"{"name":"a","count":2,"is-on":true,"ratio":0.5,"when":"2025-05-12T16:42:49.123Z","level":"high","tags":["x"],"note":null,"nickname":"n"}"#

    @Test(arguments: ["fast decoder", "JSONDecoder"])
    func decodesEveryKindOfProperty(through decoder: String) throws {
        let coding = decoder == "fast decoder" ? JSONCoding.default : JSONCoding(configureDecoder: { _ in })
        let sample = try coding.decode(Sample.self, from: Data(Self.json.utf8))
        #expect(sample.name == "a" && sample.count == 2 && sample.isOn && sample.ratio == 0.5)
        #expect(abs(sample.when.timeIntervalSince1970 - 1_747_068_169.123) < 0.000_5)
        #expect(sample.level == .high && sample.tags == ["x"])
        #expect(sample.note == nil && sample.limit == nil && sample.nickname == "n")
    }

    @Test func encodesWhatItDecodes() throws {
        let sample = try JSONCoding.default.decode(Sample.self, from: Data(Self.json.utf8))
        let encoded = try JSONCoding.default.makeEncoder().encode(sample)
        let text = String(decoding: encoded, as: UTF8.self)
        #expect(text.contains(#""note":null"#), "a property that is always sent writes nil as null")
        #expect(!text.contains("limit"), "an absent optional stays absent")
        #expect(try JSONCoding.default.decode(Sample.self, from: encoded) == sample)
    }

    @Test(arguments: ["fast decoder", "JSONDecoder"])
    func errorsNameTheKeyAndThePath(through decoder: String) {
        let coding = decoder == "fast decoder" ? JSONCoding.default : JSONCoding(configureDecoder: { _ in })
        let missing = Self.json.replacingOccurrences(of: #""is-on":true,"#, with: "")
        #expect {
            try coding.decode(Sample.self, from: Data(missing.utf8))
        } throws: { error in
            guard case .keyNotFound(let key, _) = error as? DecodingError else { return false }
            return key.stringValue == "is-on"
        }
        let mistyped = Self.json.replacingOccurrences(of: #""count":2"#, with: #""count":"2""#)
        #expect {
            try coding.decode(Sample.self, from: Data(mistyped.utf8))
        } throws: { error in
            guard case .typeMismatch(_, let context) = error as? DecodingError else { return false }
            return context.codingPath.map(\.stringValue) == ["count"]
        }
    }
}

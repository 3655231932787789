import Foundation
import OpenAPIClientSupport
import Testing

/// `JSONCoding.decode(_:from:)`, the runtime's own JSON decoder, read against what Foundation's
/// `JSONDecoder` (configured like `JSONCoding.default`) makes of the same bytes.
@Suite("JSON decoding")
struct JSONDecodingTests {
    // MARK: Models shaped like generated code

    enum Status: RawRepresentable, Codable, Hashable, Sendable {
        case ready
        case inProgress
        case unknown(String)

        init(rawValue: String) {
            switch rawValue {
            case "ready": self = .ready
            case "in_progress": self = .inProgress
            default: self = .unknown(rawValue)
            }
        }

        var rawValue: String {
            switch self {
            case .ready: "ready"
            case .inProgress: "in_progress"
            case .unknown(let value): value
            }
        }
    }

    struct Meeting: Codable, Hashable, Sendable {
        var meetingId: String
        var roomName: String?
        var startDate: Date?
        var endDate: Date
        var status: Status?
        var capacity: Int?
        var tags: [String]?
        var host: Host?

        struct Host: Codable, Hashable, Sendable {
            var name: String
            var rating: Double?
        }
    }

    struct Page: Codable, Hashable, Sendable {
        var results: [Meeting]
        var cursor: String?
    }

    struct Room: Codable, Hashable, Sendable {
        var name: String
        var endDate: Nullable<Date>?

        enum CodingKeys: String, CodingKey {
            case name
            case endDate
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            endDate = try container.decodeNullableIfPresent(Date.self, forKey: .endDate)
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONCoding.default.decode(T.self, from: Data(json.utf8))
    }

    private func foundation<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONCoding.default.makeDecoder().decode(T.self, from: Data(json.utf8))
    }

    /// The decoding error's coding path as `APIClientError` renders it: `results[1].endDate`.
    private func path(of error: any Error) -> String {
        let context: DecodingError.Context
        var last: (any CodingKey)?
        switch error as? DecodingError {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): context = c
        case .keyNotFound(let key, let c):
            context = c
            last = key
        default: return "not a DecodingError: \(error)"
        }
        return (context.codingPath + (last.map { [$0] } ?? [])).reduce(into: "") { text, key in
            if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
    }

    private func error<T: Decodable>(decoding type: T.Type, _ json: String) -> (any Error)? {
        do {
            _ = try decode(T.self, json)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Models

    @Test func decodesAPageOfModelsLikeJSONDecoder() throws {
        let json = #"""
            {"results":[
              {"meetingId":"1","roomName":"/a","startDate":"2025-05-12T16:42:49.123Z","endDate":"2025-05-12T17:42:49Z",
               "status":"in_progress","capacity":4,"tags":["x","y"],"host":{"name":"Ann","rating":4.5}},
              {"meetingId":"2","endDate":"2025-05-12T18:42:49.5+02:00"}
            ],"cursor":"abc"}
            """#
        let page = try decode(Page.self, json)
        #expect(page == (try foundation(Page.self, json)))
        #expect(page.results.count == 2)
        #expect(page.results[0].startDate == ISO8601.parse("2025-05-12T16:42:49.123Z"))
        #expect(page.results[0].host == Meeting.Host(name: "Ann", rating: 4.5))
        #expect(page.results[1].endDate == Date(timeIntervalSince1970: 1_747_068_169.5))
        #expect(page.cursor == "abc")
    }

    @Test func ignoresUnknownFieldsOfEveryShape() throws {
        let json = #"""
            {"extra":{"deep":[1,{"x":[[],{}]},"s\"tr\\ing",null,true,-1.5e3]},"meetingId":"m",
             "endDate":"2025-05-12T16:42:49Z","more":[],"emptyObject":{},"n":null,"b":false}
            """#
        let meeting = try decode(Meeting.self, json)
        #expect(meeting.meetingId == "m")
        #expect(meeting == (try foundation(Meeting.self, json)))
    }

    @Test func decodesUnknownEnumValueAsUnknown() throws {
        let meeting = try decode(Meeting.self, #"{"meetingId":"m","endDate":"2025-05-12T16:42:49Z","status":"paused"}"#)
        #expect(meeting.status == .unknown("paused"))
    }

    @Test func readsTheFirstOfRepeatedKeysLikeJSONDecoder() throws {
        let json = #"{"meetingId":"first","endDate":"2025-05-12T16:42:49Z","meetingId":"second"}"#
        #expect(try decode(Meeting.self, json).meetingId == "first")
        #expect(try decode([String: Int].self, #"{"b":1,"a":0,"b":2}"#) == ["a": 0, "b": 1])
        #expect(try decode(JSONValue.self, json) == (try foundation(JSONValue.self, json)))
    }

    @Test func readsMembersInAnyOrder() throws {
        let json = #"{"endDate":"2025-05-12T16:42:49Z","tags":[],"capacity":1,"meetingId":"m","roomName":"r"}"#
        #expect(try decode(Meeting.self, json) == (try foundation(Meeting.self, json)))
    }

    @Test func readsNullAndMissingOptionalsAsNil() throws {
        let meeting = try decode(Meeting.self, #"{"meetingId":"m","endDate":"2025-05-12T16:42:49Z","roomName":null,"host":null,"tags":null}"#)
        #expect(meeting.roomName == nil)
        #expect(meeting.host == nil)
        #expect(meeting.tags == nil)
        #expect(meeting.capacity == nil)
    }

    @Test func tellsAbsentNullAndAValueApartWithNullable() throws {
        #expect(try decode(Room.self, #"{"name":"a"}"#).endDate == nil)
        #expect(try decode(Room.self, #"{"name":"a","endDate":null}"#).endDate == .null)
        #expect(try decode(Room.self, #"{"name":"a","endDate":"2025-05-12T16:42:49Z"}"#).endDate == .value(Date(timeIntervalSince1970: 1_747_068_169)))
    }

    @Test func decodesJSONValuesLikeJSONDecoder() throws {
        let json = #"{"a":[1,-2,1.5,1e300,9223372036854775807,9223372036854775808,"x",true,null,{"b":{}}],"c":"\u00e9"}"#
        #expect(try decode(JSONValue.self, json) == (try foundation(JSONValue.self, json)))
    }

    @Test func decodesDictionariesAndTopLevelFragments() throws {
        #expect(try decode([String: Int].self, #"{"a":1,"b":2}"#) == ["a": 1, "b": 2])
        #expect(try decode(Int.self, " 42 ") == 42)
        #expect(try decode(String.self, #""x""#) == "x")
        #expect(try decode([Date].self, #"["2025-05-12T16:42:49Z"]"#) == [Date(timeIntervalSince1970: 1_747_068_169)])
        #expect(try decode(Bool?.self, "null") == nil)
        #expect(try decode([Int].self, "\u{FEFF}[1, 2]\n") == [1, 2])
    }

    @Test func decodesDataAsBase64AndURLsFromStrings() throws {
        struct Blob: Codable, Equatable {
            var data: Data
            var link: URL
        }
        let blob = try decode(Blob.self, #"{"data":"AQID","link":"https://whereby.com/room"}"#)
        #expect(blob == Blob(data: Data([1, 2, 3]), link: URL(string: "https://whereby.com/room")!))
        #expect(path(of: error(decoding: Blob.self, #"{"data":"!!","link":"x"}"#)!) == "data")
    }

    @Test func usesTheConfiguredJSONDecoderWhenOneIsConfigured() throws {
        struct Snake: Decodable { var roomName: String }
        let coding = JSONCoding(configureDecoder: { $0.keyDecodingStrategy = .convertFromSnakeCase })
        #expect(try coding.decode(Snake.self, from: Data(#"{"room_name":"r"}"#.utf8)).roomName == "r")
    }

    // MARK: Strings

    @Test func unescapesEveryEscapeAndSurrogatePairs() throws {
        let json = #"["\"\\\/\b\f\n\r\t", "\u00e9\u20AC", "\ud83d\ude00", "caf\u00E9 ☕ 😀", "plain"]"#
        let strings = try decode([String].self, json)
        #expect(strings == ["\"\\/\u{08}\u{0C}\n\r\t", "é€", "😀", "café ☕ 😀", "plain"])
        #expect(strings == (try foundation([String].self, json)))
    }

    @Test func matchesKeysWrittenWithEscapes() throws {
        let meeting = try decode(Meeting.self, #"{"meeting\u0049d":"m","end\u0044ate":"2025-05-12T16:42:49Z"}"#)
        #expect(meeting.meetingId == "m")
    }

    @Test func rejectsUnpairedSurrogatesAndInvalidUTF8() {
        #expect(throws: DecodingError.self) { try decode(String.self, #""\ud83d""#) }
        #expect(throws: DecodingError.self) { try decode(String.self, #""\ude00x""#) }
        let invalid = Data([0x22, 0xC3, 0x28, 0x22])  // "\xC3(" : a lead byte without its continuation
        #expect(throws: DecodingError.self) { try JSONCoding.default.decode(String.self, from: invalid) }
    }

    @Test func readsLongStringsWithQuotesAndBackslashesAtEveryOffset() throws {
        // The scanner reads eight bytes at a time: put the escape at every position of a word.
        for offset in 0..<17 {
            let prefix = String(repeating: "a", count: offset)
            let json = "[\"\(prefix)\\\"\(prefix)\",\"\(prefix)é\(prefix)\"]"
            #expect(try decode([String].self, json) == ["\(prefix)\"\(prefix)", "\(prefix)é\(prefix)"])
        }
    }

    // MARK: Numbers

    @Test func decodesIntegersAtTheirLimitsAndRejectsOverflow() throws {
        #expect(try decode([Int].self, "[9223372036854775807,-9223372036854775808,0,-0]") == [.max, .min, 0, 0])
        #expect(try decode([UInt8].self, "[255,0]") == [255, 0])
        #expect(try decode(Int.self, "1e2") == 100)
        #expect(try decode(Int.self, "2.0") == 2)
        for (type, json) in [(Int.self as any Decodable.Type, "9223372036854775808"), (UInt8.self, "256"), (UInt.self, "-1"), (Int.self, "1.5"), (Int8.self, "-129")] {
            #expect(throws: DecodingError.self) { _ = try JSONCoding.default.decode(type, from: Data(json.utf8)) }
        }
    }

    @Test func decodesFloatingPointLikeJSONDecoder() throws {
        let json = "[0.1,-2.5e-3,1E+2,123456789012345678901234567890,5e-324]"
        #expect(try decode([Double].self, json) == (try foundation([Double].self, json)))
        #expect(try decode(Float.self, "3.25") == 3.25)
        #expect(throws: DecodingError.self) { try decode(Double.self, "1e400") }
    }

    // MARK: Errors

    @Test func reportsTheCodingPathOfATypeMismatch() {
        let error = error(decoding: Page.self, #"{"results":[{"meetingId":"a","endDate":"2025-05-12T16:42:49Z"},{"meetingId":7,"endDate":"x"}]}"#)
        #expect(path(of: error!) == "results[1].meetingId")
        guard case .typeMismatch(_, let context) = error as? DecodingError else {
            Issue.record("expected typeMismatch, got \(String(describing: error))")
            return
        }
        #expect(context.debugDescription == "Expected to decode String but found number instead.")
    }

    @Test func reportsAMissingKeyWithItsPath() {
        let error = error(decoding: Page.self, #"{"results":[{"meetingId":"a"}]}"#)
        guard case .keyNotFound(let key, _) = error as? DecodingError else {
            Issue.record("expected keyNotFound, got \(String(describing: error))")
            return
        }
        #expect(key.stringValue == "endDate")
        #expect(path(of: error!) == "results[0].endDate")
    }

    @Test func reportsNullForARequiredValueAsValueNotFound() {
        let error = error(decoding: Meeting.self, #"{"meetingId":null,"endDate":"2025-05-12T16:42:49Z"}"#)
        guard case .valueNotFound = error as? DecodingError else {
            Issue.record("expected valueNotFound, got \(String(describing: error))")
            return
        }
        #expect(path(of: error!) == "meetingId")
    }

    @Test func reportsAnInvalidDateWithTheISO8601Reason() {
        let error = error(decoding: Page.self, #"{"results":[{"meetingId":"a","endDate":"tomorrow"}]}"#)
        guard case .dataCorrupted(let context) = error as? DecodingError else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect(path(of: error!) == "results[0].endDate")
        #expect(context.debugDescription == #"expected an ISO 8601 date-time like 2025-05-12T16:42:49Z, found "tomorrow""#)
    }

    @Test func reportsTheSameErrorPathsAsJSONDecoder() {
        let cases = [
            #"{"results":[{"meetingId":"a","endDate":"2025-05-12T16:42:49Z","host":{"name":1}}]}"#,
            #"{"results":[{"meetingId":"a","endDate":"2025-05-12T16:42:49Z","tags":["x",2]}]}"#,
            #"{"results":[{"meetingId":"a","endDate":"2025-05-12T16:42:49Z","capacity":"4"}]}"#,
            #"{"results":{}}"#,
            #"{"results":[{"meetingId":"a","endDate":"2025-05-12T16:42:49Z","host":{}}]}"#,
        ]
        for json in cases {
            let ours = error(decoding: Page.self, json)
            var theirs: (any Error)?
            do { _ = try foundation(Page.self, json) } catch { theirs = error }
            #expect(ours != nil && theirs != nil, "\(json)")
            if let ours, let theirs { #expect(path(of: ours) == path(of: theirs), "\(json)") }
        }
    }

    @Test(arguments: [
        (#"{"results":["#, JSONSyntaxError.Problem.unexpectedEndOfInput, 1, 13),
        (#"{"a":}"#, .unexpectedCharacter, 1, 6),
        (#"[,]"#, .unexpectedCharacter, 1, 2),
        (#"{"a":1,,}"#, .expectedKey, 1, 8),
        (#"{"a" 1}"#, .expectedColon, 1, 6),
        (#"{"a":1 "b":2}"#, .expectedCommaOrEndOfObject, 1, 8),
        (#"[1 2]"#, .expectedCommaOrEndOfArray, 1, 4),
        (#"{1:2}"#, .expectedKey, 1, 2),
        ("\"abc", .unterminatedString, 1, 1),
        ("\"a\u{01}\"", .controlCharacterInString, 1, 3),
        (#""\x""#, .invalidEscape, 1, 2),
        (#""\u12G4""#, .invalidEscape, 1, 2),
        (#"["a\ud83d"]"#, .unpairedSurrogate, 1, 4),
        (#""\ude00\ud83d""#, .unpairedSurrogate, 1, 2),
        (#""\ud83d\u0041""#, .unpairedSurrogate, 1, 2),
        ("01", .invalidNumber, 1, 2),
        ("1.", .invalidNumber, 1, 3),
        ("-", .unexpectedEndOfInput, 1, 2),
        ("1e+", .invalidNumber, 1, 4),
        ("tru", .unexpectedEndOfInput, 1, 1),
        ("nul1", .unexpectedCharacter, 1, 1),
        (#"{"a":1}x"#, .unexpectedTrailingCharacters, 1, 8),
        ("{\n  \"a\": [1,\n  }\n}", .unexpectedCharacter, 3, 3),
        ("", .unexpectedEndOfInput, 1, 1),
    ])
    func rejectsMalformedJSONWithWhereAndWhy(json: String, problem: JSONSyntaxError.Problem, line: Int, column: Int) {
        let error = error(decoding: JSONValue.self, json)
        guard case .dataCorrupted(let context) = error as? DecodingError, let syntax = context.underlyingError as? JSONSyntaxError else {
            Issue.record("expected dataCorrupted with a JSONSyntaxError for \(json), got \(String(describing: error))")
            return
        }
        #expect(context.codingPath.isEmpty)
        #expect(context.debugDescription == "The given data was not valid JSON.")
        #expect(syntax.problem == problem, "\(json)")
        #expect(syntax.line == line && syntax.column == column, "\(json): \(syntax)")
    }

    @Test func acceptsTrailingCommasLikeJSONDecoder() throws {
        let json = #"{"a":[1,2,],"b":{"c":true,},}"#
        #expect(try decode(JSONValue.self, json) == (try foundation(JSONValue.self, json)))
        #expect(try decode([Int].self, "[1,]") == [1])
    }

    @Test func rejectsAKeyThatIsNotUTF8() {
        let invalidKey = Data([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D])  // {"\xC3(":1}
        do {
            _ = try JSONCoding.default.decode([String: Int].self, from: invalidKey)
            Issue.record("decoded a key that is not UTF-8")
        } catch let DecodingError.dataCorrupted(context) {
            #expect((context.underlyingError as? JSONSyntaxError)?.problem == .invalidUTF8InKey)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func limitsNestingTo512Levels() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try decode(JSONValue.self, deepest) }
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        let error = error(decoding: JSONValue.self, tooDeep)
        guard case .dataCorrupted(let context) = error as? DecodingError else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect((context.underlyingError as? JSONSyntaxError)?.problem == .tooDeeplyNested)
        // Far deeper input fails the same way rather than exhausting the stack.
        #expect(throws: DecodingError.self) { try decode(JSONValue.self, String(repeating: "[{\"a\":", count: 100_000)) }
    }
}

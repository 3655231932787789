import Foundation
import OpenAPIClientSupport
import Testing

@Suite("Nullable")
struct NullableTests {
    /// A model shaped like generated code: an optional, nullable property decoded with
    /// `decodeNullableIfPresent` and encoded by synthesized code.
    struct Room: Codable, Hashable, Sendable {
        var name: String
        var endDate: Nullable<Date>?

        enum CodingKeys: String, CodingKey {
            case name
            case endDate
        }

        init(name: String, endDate: Nullable<Date>? = nil) {
            self.name = name
            self.endDate = endDate
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            endDate = try container.decodeNullableIfPresent(Date.self, forKey: .endDate)
        }
    }

    private func encode(_ room: Room) throws -> String {
        String(decoding: try JSONCoding.default.makeEncoder().encode(room), as: UTF8.self)
    }

    private func decode(_ json: String) throws -> Room {
        try JSONCoding.default.makeDecoder().decode(Room.self, from: Data(json.utf8))
    }

    @Test("encodes nil by omitting the key and .null as an explicit null")
    func encodesNullVersusOmit() throws {
        #expect(try encode(Room(name: "a")) == #"{"name":"a"}"#)
        #expect(try encode(Room(name: "a", endDate: .null)) == #"{"endDate":null,"name":"a"}"#)
        let date = Date(timeIntervalSince1970: 1_747_068_169)
        #expect(try encode(Room(name: "a", endDate: .value(date))) == #"{"endDate":"2025-05-12T16:42:49Z","name":"a"}"#)
    }

    @Test("decodeNullableIfPresent tells absent, null and a value apart")
    func decodesAbsentNullAndValue() throws {
        #expect(try decode(#"{"name":"a"}"#).endDate == nil)
        #expect(try decode(#"{"name":"a","endDate":null}"#).endDate == .null)
        #expect(try decode(#"{"name":"a","endDate":"2025-05-12T16:42:49Z"}"#).endDate == .value(Date(timeIntervalSince1970: 1_747_068_169)))
    }

    @Test("decodeNullableIfPresent still rejects a value of the wrong type")
    func rejectsWrongType() {
        #expect(throws: DecodingError.self) { try decode(#"{"name":"a","endDate":12}"#) }
    }

    @Test("converts to and from optionals")
    func convertsOptionals() {
        #expect(Nullable<Int>(nil) == .null)
        #expect(Nullable(3) == .value(3))
        #expect(Nullable<Int>.value(3).value == 3)
        #expect(Nullable<Int>.null.value == nil)
        #expect(Nullable<Int>.null.isNull)
        #expect(Nullable.value(2).map { $0 * 2 } == .value(4))
    }
}

@Suite struct IndirectTests {
    struct Node: Codable, Hashable, Sendable {
        @Indirect var parent: Node?
        var name: String
    }

    @Test func indirectPropertiesCodeLikePlainOptionals() throws {
        let child = Node(parent: Node(parent: nil, name: "root"), name: "child")
        let data = try JSONEncoder().encode(child)
        #expect(String(decoding: data, as: UTF8.self).contains(#""name":"root""#))
        #expect(!String(decoding: data, as: UTF8.self).contains("null"))
        let decoded = try JSONDecoder().decode(Node.self, from: Data(#"{"name":"child"}"#.utf8))
        #expect(decoded.parent == nil)
        #expect(try JSONDecoder().decode(Node.self, from: data) == child)
    }

    @Test func copiesDoNotShareChanges() {
        var first = Node(parent: Node(parent: nil, name: "a"), name: "x")
        let second = first
        first.parent?.name = "b"
        #expect(second.parent?.name == "a")
        #expect(first.parent?.name == "b")
    }
}

import Foundation
import OpenAPIClientSupport
import Testing

@Suite("PropertyKey")
struct PropertyKeyTests {
    /// A model coded the way generated models are: explicit coding keyed by document names.
    struct Room: Codable, Hashable, Sendable {
        var roomName: String
        var endDate: Date?

        init(roomName: String, endDate: Date? = nil) {
            self.roomName = roomName
            self.endDate = endDate
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: PropertyKey.self)
            self.roomName = try container.decode(String.self, forKey: "room-name")
            self.endDate = try container.decodeIfPresent(Date.self, forKey: "endDate")
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: PropertyKey.self)
            try container.encode(roomName, forKey: "room-name")
            try container.encodeIfPresent(endDate, forKey: "endDate")
        }
    }

    @Test func keysAreNamedNeverNumbered() {
        let key: PropertyKey = "room-name"
        #expect(key.stringValue == "room-name")
        #expect(key.intValue == nil)
        #expect(PropertyKey(intValue: 0) == nil)
        #expect(PropertyKey(stringValue: "room-name") == key)
    }

    @Test func decodesByDocumentNameIgnoringUnknownMembers() throws {
        let room = try JSONCoding.default.decode(Room.self, from: Data(#"{"extra": [1], "room-name": "/team"}"#.utf8))
        #expect(room == Room(roomName: "/team"))
    }

    @Test func missingRequiredMemberNamesTheKey() {
        #expect {
            try JSONCoding.default.decode(Room.self, from: Data(#"{"endDate": null}"#.utf8))
        } throws: { error in
            guard case .keyNotFound(let key, _) = error as? DecodingError else { return false }
            return key.stringValue == "room-name"
        }
    }

    @Test func encodesByDocumentNameLeavingOutNil() throws {
        let data = try JSONEncoder().encode(Room(roomName: "team"))
        #expect(String(decoding: data, as: UTF8.self) == #"{"room-name":"team"}"#)
    }
}

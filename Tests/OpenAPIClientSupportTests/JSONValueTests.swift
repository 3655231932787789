import Foundation
import OpenAPIClientSupport
import Testing

@Suite("JSONValue")
struct JSONValueTests {
    private func decode(_ json: String) throws -> JSONValue {
        try JSONCoding.default.makeDecoder().decode(JSONValue.self, from: Data(json.utf8))
    }

    @Test("decodes integral numbers that fit Int as integer and others as number")
    func decodesIntegerVersusNumber() throws {
        #expect(try decode("42") == .integer(42))
        #expect(try decode("-7") == .integer(-7))
        #expect(try decode("1.5") == .number(1.5))
        #expect(try decode("9223372036854775807") == .integer(Int.max))
        #expect(try decode("9223372036854775808") == .number(9_223_372_036_854_775_808))
        #expect(try decode("1e300") == .number(1e300))
    }

    @Test("decodes every kind of value")
    func decodesEveryKind() throws {
        let value = try decode(#"{"a":null,"b":true,"c":"x","d":[1,2.5,"y"],"e":{"f":{}}}"#)
        #expect(value == ["a": nil, "b": true, "c": "x", "d": [1, 2.5, "y"], "e": ["f": [:]]])
    }

    @Test("round-trips through JSON", arguments: [
        #"null"#, #"true"#, #"false"#, #"0"#, #"-12"#, #"3.25"#, #""text \"quoted\" é""#,
        #"[]"#, #"{}"#, #"[1,[2,[3,{"k":null}]]]"#, #"{"a":{"b":[true,false]},"z":"last"}"#,
    ])
    func roundTrips(json: String) throws {
        let value = try decode(json)
        let encoded = try JSONCoding.default.makeEncoder().encode(value)
        #expect(try decode(String(decoding: encoded, as: UTF8.self)) == value)
        #expect(value.description == json)
    }

    @Test("accessors return the payload of the matching case only")
    func accessors() {
        let value: JSONValue = ["name": "room", "size": 4, "ratio": 0.5, "open": true, "tags": ["a", "b"]]
        #expect(value["name"]?.stringValue == "room")
        #expect(value[key: "name"]?.stringValue == "room")
        #expect(value["size"]?.intValue == 4)
        #expect(value["size"]?.doubleValue == 4)
        #expect(value["ratio"]?.doubleValue == 0.5)
        #expect(value["ratio"]?.intValue == nil)
        #expect(JSONValue.number(3).intValue == 3)
        #expect(value["open"]?.boolValue == true)
        #expect(value["tags"]?[1]?.stringValue == "b")
        #expect(value["tags"]?[index: 0]?.stringValue == "a")
        #expect(value["tags"]?[2] == nil)
        #expect(value["tags"]?[-1] == nil)
        #expect(value["missing"] == nil)
        #expect(value[0] == nil)
        #expect(value["name"]?.intValue == nil)
        #expect(value.objectValue?.count == 5)
        #expect(value["tags"]?.arrayValue?.count == 2)
        #expect(JSONValue.null.isNull)
    }

    @Test("describes itself as compact JSON with sorted keys and escaped strings")
    func describesAsJSON() {
        let value: JSONValue = ["b": [1, nil], "a": "line\nbreak \"q\" \u{1}"]
        #expect(value.description == #"{"a":"line\nbreak \"q\" \u0001","b":[1,null]}"#)
    }
}

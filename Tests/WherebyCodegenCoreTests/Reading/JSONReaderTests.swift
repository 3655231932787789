import Testing
@testable import WherebyCodegenCore

@Suite("JSON reader")
struct JSONReaderTests {
    @Test(arguments: [
        ("true", Node.Value.bool(true)),
        ("false", .bool(false)),
        ("null", .null),
        ("0", .integer("0")),
        ("-0", .integer("-0")),
        ("42", .integer("42")),
        ("-17", .integer("-17")),
        ("1.5", .number("1.5")),
        ("1e-3", .number("1e-3")),
        ("-1.25E+10", .number("-1.25E+10")),
        ("0.0", .number("0.0")),
        ("\"text\"", .string("text")),
        ("\"\"", .string("")),
        ("[]", .sequence([])),
        ("{}", .mapping([])),
    ])
    func readsEveryKindOfValue(text: String, expected: Node.Value) throws {
        #expect(try readJSON(text).value == expected)
    }

    @Test func keepsBigIntegersExact() throws {
        let node = try readJSON("[18446744073709551616, -99999999999999999999999999, 1740819600000]")
        #expect(node.items?.map(\.value) == [
            .integer("18446744073709551616"), .integer("-99999999999999999999999999"), .integer("1740819600000"),
        ])
    }

    @Test func keepsNumberTextAsWritten() throws {
        let node = try readJSON("[1E5, 1.000, 2e+0]")
        #expect(node.items?.map(\.value) == [.number("1E5"), .number("1.000"), .number("2e+0")])
    }

    @Test func keepsKeyOrder() throws {
        let node = try readJSON(#"{"zebra": 1, "apple": 2, "mango": 3, "banana": 4}"#)
        #expect(node.entries?.map(\.key) == ["zebra", "apple", "mango", "banana"])
    }

    @Test func keepsKeyOrderInLargeObjects() throws {
        let keys = (0..<100).map { "key\(99 - $0)" }
        let text = "{" + keys.map { "\"\($0)\": null" }.joined(separator: ", ") + "}"
        #expect(try readJSON(text).entries?.map(\.key) == keys)
    }

    @Test func locatesNestedNodesAndKeys() throws {
        let text = """
            {
              "name": "room",
              "tags": [
                true,
                {"deep": 1.5}
              ]
            }
            """
        let root = try readJSON(text)
        #expect(root.location == at(1, 1))
        let name = try #require(root.entry("name"))
        #expect(name.keyLocation == at(2, 3))
        #expect(name.value.location == at(2, 11))
        let tags = try #require(root.entry("tags"))
        #expect(tags.keyLocation == at(3, 3))
        #expect(tags.value.location == at(3, 11))
        let items = try #require(tags.value.items)
        #expect(items[0].location == at(4, 5))
        #expect(items[1].location == at(5, 5))
        let deep = try #require(items[1].entry("deep"))
        #expect(deep.keyLocation == at(5, 6))
        #expect(deep.value.location == at(5, 14))
    }

    @Test func countsColumnsInUnicodeScalars() throws {
        // "é" is two bytes and "😀" four, each one column.
        let root = try readJSON(#"{"é😀": "ü", "next": 1}"#)
        #expect(root.entry("next")?.keyLocation == at(1, 13))
        #expect(root["next"]?.location == at(1, 21))
    }

    @Test func splitsLinesOnLineFeedAndCarriageReturnLineFeed() throws {
        let root = try readJSON("[\r\n  1,\n  2\r\n]")
        #expect(root.items?.map(\.location) == [at(2, 3), at(3, 3)])
    }

    @Test func skipsByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8)
        let root = try DocumentReader.read(SourceFile(path: "bom.json", bytes: bytes))
        #expect(root.location == at(1, 1))
        #expect(root.entry("a")?.keyLocation == at(1, 2))
    }

    @Test(arguments: [
        (#""\"""#, "\""),
        (#""\\""#, "\\"),
        (#""\/""#, "/"),
        (#""a\bb\fc""#, "a\u{8}b\u{C}c"),
        (#""line\nnext\r\ttab""#, "line\nnext\r\ttab"),
        (#""\u0041\u00e9\u20AC""#, "Aé€"),
        (#""\u0000""#, "\u{0}"),
        (#""\uD83D\uDE00""#, "😀"),
        (#""x\ud834\udd1ey""#, "x𝄞y"),
        (#""plain é 😀 text""#, "plain é 😀 text"),
    ])
    func decodesEscapesAndSurrogatePairs(text: String, expected: String) throws {
        #expect(try readJSON(text).string == expected)
    }

    @Test func readsNestingAtTheLimit() throws {
        let depth = ReaderLimits.default.maxDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var node = try readJSON(text)
        var levels = 1
        while let first = node.items?.first {
            node = first
            levels += 1
        }
        #expect(levels == depth)
    }

    @Test func readsTheWherebySpec() throws {
        let file = try SourceFile.load(path: packageRoot + "/spec/whereby.json")
        let root = try DocumentReader.read(file)
        #expect(root["openapi"]?.string == "3.0.0")
        #expect(root.entries?.first?.key == "openapi")
        #expect(root["paths"]?.entries?.isEmpty == false)
    }
}

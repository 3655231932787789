import Testing
@testable import WherebyCodegenCore

@Suite("YAML reader")
struct YAMLReaderTests {
    @Test func locatesNestedNodesAndKeysInBlockStyle() throws {
        let text = """
            openapi: 3.0.0
            paths:
              /rooms:
                get:
                  tags: [rooms, meetings]
                  parameters:
                    - name: limit
                      in: query
            """
        let root = try readYAML(text)
        #expect(root.location == at(1, 1))
        #expect(root.entry("openapi")?.keyLocation == at(1, 1))
        #expect(root["openapi"]?.location == at(1, 10))
        let get = try #require(root["paths"]?["/rooms"]?["get"])
        #expect(get.location == at(5, 7))
        let tags = try #require(get.entry("tags"))
        #expect(tags.keyLocation == at(5, 7))
        #expect(tags.value.location == at(5, 13))
        #expect(tags.value.items?.map(\.location) == [at(5, 14), at(5, 21)])
        let parameters = try #require(get["parameters"])
        #expect(parameters.location == at(7, 9))
        let parameter = try #require(parameters.items?.first)
        #expect(parameter.location == at(7, 11))
        #expect(parameter.entry("in")?.keyLocation == at(8, 11))
        #expect(parameter["in"]?.location == at(8, 15))
    }

    @Test func readsFlowStyle() throws {
        let root = try readYAML(#"{a: [1, two, "3"], b: {c: null}, d: []}"#)
        #expect(root["a"]?.items?.map(\.value) == [.integer("1"), .string("two"), .string("3")])
        #expect(root["b"]?["c"]?.value == .null)
        #expect(root["d"]?.value == .sequence([]))
        #expect(root["b"]?.location == at(1, 23))
    }

    @Test func keepsKeyOrder() throws {
        let root = try readYAML("zebra: 1\napple: 2\nmango: 3\nbanana: 4\n")
        #expect(root.entries?.map(\.key) == ["zebra", "apple", "mango", "banana"])
    }

    @Test(arguments: [
        ("200: ok", "200"),
        ("true: ok", "true"),
        ("~: ok", "~"),
        ("null: ok", "null"),
        ("0x1F: ok", "0x1F"),
        ("1.50: ok", "1.50"),
        ("'quoted key': ok", "quoted key"),
        ("\"with\\ttab\": ok", "with\ttab"),
    ])
    func keepsScalarKeyTextAsWritten(text: String, key: String) throws {
        #expect(try readYAML(text).entries?.map(\.key) == [key])
    }

    @Test func readsLiteralAndFoldedScalars() throws {
        let text = """
            literal: |
              line one
                indented
              line three
            folded: >
              folded
              into one

              paragraph two
            strip: |-
              no final newline
            keep: |+
              kept

            number: |
              42
            """
        let root = try readYAML(text)
        #expect(root["literal"]?.string == "line one\n  indented\nline three\n")
        #expect(root["folded"]?.string == "folded into one\nparagraph two\n")
        #expect(root["strip"]?.string == "no final newline")
        #expect(root["keep"]?.string == "kept\n\n")
        // Clip chomping keeps a final line break only when the file has one.
        #expect(root["number"]?.value == .string("42"))
        #expect(root["literal"]?.location == at(1, 10))
    }

    @Test func readsAnchorsAndAliases() throws {
        let text = """
            base: &base
              type: string
              format: uuid
            copy: *base
            list: [&one 1, *one]
            """
        let root = try readYAML(text)
        let base = try #require(root["base"])
        let copy = try #require(root["copy"])
        #expect(copy.firstStructuralDifference(from: base) == nil)
        #expect(copy.location == at(4, 7))
        #expect(copy.entry("type")?.keyLocation == at(2, 3))
        #expect(root["list"]?.items?.map(\.value) == [.integer("1"), .integer("1")])
    }

    @Test func usesAnAliasedScalarAsAKey() throws {
        let root = try readYAML("names: [&key id]\nmap:\n  *key : 1\n")
        #expect(root["map"]?.entries?.map(\.key) == ["id"])
    }

    @Test func readsFewAnchorsWellUnderTheAliasLimit() throws {
        let text = """
            schema: &schema {type: object, properties: {a: {type: string}, b: {type: integer}}}
            \((1...200).map { "use\($0): *schema" }.joined(separator: "\n"))
            """
        #expect(try readYAML(text).entries?.count == 201)
    }

    @Test func mergesMappingsWithExplicitKeysWinning() throws {
        let text = """
            defaults: &defaults {timeout: 30, retries: 3}
            extra: &extra {retries: 5, verbose: true, timeout: 1}
            service:
              name: api
              <<: [*defaults, *extra]
              retries: 9
            """
        let service = try #require(try readYAML(text)["service"])
        // Merged keys go where the merge key is; a key written in the mapping stays where it is written.
        #expect(service.entries?.map(\.key) == ["name", "timeout", "verbose", "retries"])
        #expect(service["timeout"]?.value == .integer("30"))
        #expect(service["retries"]?.value == .integer("9"))
        #expect(service["verbose"]?.value == .bool(true))
    }

    @Test func treatsAQuotedMergeKeyAsAnOrdinaryKey() throws {
        let root = try readYAML("'<<': {a: 1}\n")
        #expect(root.entries?.map(\.key) == ["<<"])
    }

    @Test func skipsByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\nb: 2\n".utf8)
        let root = try DocumentReader.read(SourceFile(path: "bom.yaml", bytes: bytes))
        #expect(root.entry("a")?.keyLocation == at(1, 1))
        #expect(root["a"]?.location == at(1, 4))
        #expect(root.entry("b")?.keyLocation == at(2, 1))
    }

    @Test func countsColumnsInUnicodeScalars() throws {
        let root = try readYAML("ключ: значение\n😀: [é, x]\n")
        #expect(root["ключ"]?.location == at(1, 7))
        #expect(root["😀"]?.items?.map(\.location) == [at(2, 5), at(2, 8)])
    }

    @Test func readsAnExplicitDocument() throws {
        let root = try readYAML("%YAML 1.2\n---\na: 1\n...\n")
        #expect(root["a"]?.value == .integer("1"))
    }

    @Test func readsAnEmptyDocumentMarkerAsNull() throws {
        #expect(try readYAML("---\n").value == .null)
    }

    @Test func readsNestingAtTheLimit() throws {
        let depth = ReaderLimits.default.maxDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: Never.self) { try readYAML(text) }
    }
}

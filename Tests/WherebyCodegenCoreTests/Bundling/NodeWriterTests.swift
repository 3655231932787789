import Testing
@testable import WherebyCodegenCore

/// JSON and YAML text from a node tree: key order kept, every string quoted, read back the same.
@Suite struct NodeWriterTests {
    static let source = """
        title: "Café \\"quoted\\"\\ttab"
        "200": yes-ish
        "true": "true"
        "null": ~
        flag: true
        empty: {}
        none: []
        count: 0x1F
        ratio: .5
        big: 18446744073709551616
        list:
          - - 1
            - 2
          - { a: "- not a list", b: "#not a comment" }
        control: "\\u0007 and \\u0085"
        """

    func read(_ text: String, as path: String) throws -> Node {
        try DocumentReader.read(SourceFile(path: path, bytes: Array(text.utf8)))
    }

    @Test func writesJSONInTheDocumentsOrder() throws {
        let json = NodeWriter.write(try read(Self.source, as: "in.yaml"), as: .json)
        #expect(json == """
            {
              "title": "Café \\"quoted\\"\\ttab",
              "200": "yes-ish",
              "true": "true",
              "null": null,
              "flag": true,
              "empty": {},
              "none": [],
              "count": 31,
              "ratio": 0.5,
              "big": 18446744073709551616,
              "list": [
                [
                  1,
                  2
                ],
                {
                  "a": "- not a list",
                  "b": "#not a comment"
                }
              ],
              "control": "\\u0007 and \\u0085"
            }

            """)
    }

    @Test func writesYAMLThatReadsBackAsTheSameTree() throws {
        let tree = try read(Self.source, as: "in.yaml")
        let yaml = NodeWriter.write(tree, as: .yaml)
        #expect(yaml.contains("\n\"true\": \"true\"\n"), "a string that looks like a boolean stays a string")
        #expect(yaml.contains("\"list\":\n  - - 1\n    - 2\n  - \"a\": \"- not a list\"\n    \"b\": \"#not a comment\"\n"), "\(yaml)")
        let again = try read(yaml, as: "out.yaml")
        #expect(NodeWriter.write(again, as: .json) == NodeWriter.write(tree, as: .json))
    }

    @Test(arguments: [("+12", "12"), ("1.", "1.0"), ("-.5e3", "-0.5e3"), ("0o17", "15"), ("007", "7"), (".inf", "\".inf\""), ("1e5", "1e5")])
    func numbersAreWrittenAsJSONNumbers(written: String, json: String) {
        #expect(NodeWriter.jsonNumber(written) == json)
    }
}

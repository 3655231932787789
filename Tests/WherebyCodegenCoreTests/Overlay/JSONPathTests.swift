import Testing
@testable import WherebyCodegenCore

@Suite struct JSONPathTests {
    let root: Node = {
        let yaml = """
            paths:
              /meetings:
                get:
                  parameters:
                    - { name: cursor, in: query }
                    - { name: limit, in: query, schema: { type: integer } }
                post: { summary: Create }
              /rooms/{roomName}:
                put:
                  parameters:
                    - { name: roomName, in: path }
            """
        return (try? DocumentReader.read(SourceFile(path: "t.yaml", bytes: Array(yaml.utf8)))) ?? Node(.null, at: .init(line: 1, column: 1))
    }()

    func select(_ path: String) throws -> [String] {
        try JSONPath(path).select(in: root).map { address in
            address.map { component in
                switch component {
                case .key(let key): key
                case .index(let index): String(index)
                }
            }.joined(separator: "/")
        }
    }

    @Test func selectsMembersInBothNotations() throws {
        #expect(try select("$.paths['/meetings'].post") == ["paths//meetings/post"])
        #expect(try select(#"$["paths"]["/meetings"]["get"]"#) == ["paths//meetings/get"])
        #expect(try select("$.paths['/meetings','/rooms/{roomName}']") == ["paths//meetings", "paths//rooms/{roomName}"])
    }

    @Test func selectsWildcardsIndexesAndDescendants() throws {
        #expect(try select("$.paths.*.*").count == 3)
        #expect(try select("$.paths['/meetings'].get.parameters[-1].name") == ["paths//meetings/get/parameters/1/name"])
        #expect(try select("$..parameters[*].name").count == 3)
    }

    @Test func filtersCompareMembersOfTheCandidate() throws {
        #expect(try select("$.paths.*.*.parameters[?@.name == 'cursor']") == ["paths//meetings/get/parameters/0"])
        #expect(try select("$..parameters[?@.in == 'query' && @.schema]") == ["paths//meetings/get/parameters/1"])
        #expect(try select("$..parameters[?@.in != 'query']") == ["paths//rooms/{roomName}/put/parameters/0"])
        #expect(try select("$..parameters[?@.schema.type == 'integer']").count == 1)
        #expect(try select("$..parameters[?@.in == 'query' && !@.schema]") == ["paths//meetings/get/parameters/0"])
    }

    @Test func nothingMatchingIsAnEmptySelection() throws {
        #expect(try select("$.paths['/nowhere'].get").isEmpty)
        #expect(try select("$.paths['/meetings'].get.parameters[7]").isEmpty)
    }

    @Test(arguments: ["paths", "$.", "$[", "$['open", "$[?name == 'x']", "$.a[?@.b = 1]", "$..[", "$ x"])
    func malformedPathsAreErrors(path: String) {
        #expect(throws: JSONPathError.self) { try JSONPath(path) }
    }
}

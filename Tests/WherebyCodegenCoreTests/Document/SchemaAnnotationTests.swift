import Testing
@testable import WherebyCodegenCore

/// `Schema.onlyAnnotates`: which schemas describe values without saying anything about their
/// shape, as read by the Document stage.
@Suite struct SchemaAnnotationTests {
    /// The component schema `Probe` of a document whose only schema is `schema` (flow YAML).
    func probe(_ schema: String, version: String = "3.0.3") throws -> Schema {
        let text = """
            openapi: \(version)
            info: { title: Probe, version: "1" }
            paths: {}
            components:
              schemas:
                Probe: \(schema)
            """
        let root = try DocumentReader.read(SourceFile(path: "api.yaml", bytes: Array(text.utf8)))
        let (document, _) = try DocumentParser.parse(root, file: "api.yaml")
        guard case .value(let value)? = document.components.schemas.first?.value else {
            Issue.record("no schema read from \(schema)")
            return Schema(origin: Origin(file: "", pointer: JSONPointer(), position: SourceLocation(line: 1, column: 1)))
        }
        return value
    }

    @Test(arguments: [
        "{ description: The file. }",
        "{ title: File, example: { id: 1 }, examples: [{ id: 2 }] }",
        "{ deprecated: true, readOnly: true, writeOnly: false, nullable: true }",
        "{ default: 3, externalDocs: { url: 'https://example.test' }, x-vendor-tag: files }",
        "{}",
    ])
    func keywordsThatOnlyDescribeValuesAnnotate(schema: String) throws {
        #expect(try probe(schema).onlyAnnotates)
    }

    @Test func aNullTypeOnlyAnnotatesInOpenAPI31() throws {
        #expect(try probe("{ type: 'null', description: Nothing. }", version: "3.1.0").onlyAnnotates)
    }

    @Test(arguments: [
        "{ type: object, description: A file. }",
        "{ format: uuid }",
        "{ enum: [a, b] }",
        "{ properties: { id: { type: string } } }",
        "{ required: [id] }",
        "{ additionalProperties: false }",
        "{ items: { type: string } }",
        "{ allOf: [{ description: nested }] }",
        "{ oneOf: [{ type: string }] }",
        "{ maxLength: 3 }",
        "{ minimum: 0 }",
        "{ const: 1 }",
    ])
    func keywordsThatShapeValuesDoNotAnnotate(schema: String) throws {
        #expect(try !probe(schema).onlyAnnotates)
    }
}

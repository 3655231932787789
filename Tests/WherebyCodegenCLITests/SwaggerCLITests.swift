import Foundation
import TestSupport
import Testing

/// `whereby-codegen generate` on Swagger 2.0 documents, run as a user runs it.
@Suite struct SwaggerCLITests {
    @Test func generateReadsASwagger2Document() async throws {
        let cli = CLITests()
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await cli.run(["generate", "--spec", "Tests/Corpus/documents/swagger2-petstore-like.yaml", "--output", folder.path, "--no-overlay"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty, "\(result.standardError)")
        let operations = try CorpusTests().texts(in: folder, startingWith: "Operations")
        #expect(operations.contains("func uploadPhoto("), "the file upload became an operation")
        #expect(operations.contains("func updatePetWithForm("))
        let client = try String(contentsOf: folder.appendingPathComponent("Client.swift"), encoding: .utf8)
        #expect(client.contains("https://petstore.example.com/v2"), "host, basePath and schemes are the server")
    }

    @Test func warningsAboutASwagger2DocumentPointIntoItAsWritten() async throws {
        let cli = CLITests()
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = folder.appendingPathComponent("legacy.yaml")
        try """
        swagger: "2.0"
        info: { title: Legacy, version: "1" }
        paths:
          /items:
            get:
              operationId: listItems
              responses:
                "200": { description: ok, schema: { $ref: "#/definitions/Item" } }
        definitions:
          Item:
            type: object
            properties:
              id: { type: string, colour: red }
        """.write(to: spec, atomically: true, encoding: .utf8)
        let result = try await cli.run(["generate", "--spec", spec.path, "--output", folder.appendingPathComponent("out").path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("\(spec.path):13:35: warning: 'colour' is not a schema keyword; ignoring it [#/definitions/Item/properties/id/colour]"), "\(result.standardError)")
    }
}

import Foundation
import Testing
@testable import WherebyCodegenCore

@Suite struct ReferenceTests {
    @Test func refToNothingIsALocatedError() {
        let errors = failures(document(components: """
            schemas:
              A: { type: object, properties: { b: { $ref: '#/components/schemas/Missing' } } }
            """))
        #expect(errors.map(\.id) == ["unresolved-ref"])
        #expect(errors.first?.location?.position == SourceLocation(line: 8, column: 49))
        #expect(errors.first?.message == "'$ref' '#/components/schemas/Missing' points at nothing: there is no 'Missing' there")
    }

    @Test func referenceCycleWithoutASchemaIsAnError() {
        let errors = failures(document(components: """
            schemas:
              A: { $ref: '#/components/schemas/B' }
              B: { $ref: '#/components/schemas/A' }
              C: { type: object, properties: { a: { $ref: '#/components/schemas/A' } } }
            """))
        #expect(errors.contains { $0.id == "ref-cycle" })
    }

    @Test func escapedPointersResolve() throws {
        let output = try generate(document(paths: """
            /a/{id}:
              get:
                operationId: getA
                parameters:
                  - { name: id, in: path, required: true, schema: { type: string } }
                responses:
                  "200":
                    description: ok
                    content:
                      application/json:
                        schema: { type: object, properties: { n: { type: integer } } }
            /b:
              get:
                operationId: getB
                responses:
                  "200":
                    description: ok
                    content:
                      application/json:
                        schema: { $ref: '#/paths/~1a~1%7Bid%7D/get/responses/200/content/application~1json/schema' }
            """))
        #expect(output.operation("getB")?.success.result == .json(.named(TypePath(["GetAResponse"]))))
    }

    @Test func refsIntoOtherFilesAreReadRelativeToTheDocument() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("refs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("schemas"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try document(paths: """
            /pets:
              get:
                operationId: listPets
                responses:
                  "200":
                    description: ok
                    content:
                      application/json:
                        schema: { type: array, items: { $ref: 'schemas/pet.yaml#/Pet' } }
            """).write(to: folder.appendingPathComponent("api.yaml"), atomically: true, encoding: .utf8)
        try """
            Pet:
              type: object
              properties:
                owner: { $ref: '../shared.yaml' }
            """.write(to: folder.appendingPathComponent("schemas/pet.yaml"), atomically: true, encoding: .utf8)
        try "{ type: object, properties: { name: { type: string } } }".write(to: folder.appendingPathComponent("shared.yaml"), atomically: true, encoding: .utf8)

        let output = try GeneratorPipeline().run(specPath: folder.appendingPathComponent("api.yaml").path)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        #expect(output.operation("listPets")?.success.result == .json(.array(.named(TypePath(["Pet"])))))
        #expect(output.type("Pet")?.property("owner")?.type == .named(TypePath(["Shared"])))
    }

    @Test func refIntoAMissingFileIsAnError() {
        let errors = failures(document(components: """
            schemas:
              A: { $ref: 'nowhere.yaml#/A' }
            """))
        #expect(errors.first?.id == "unresolved-ref")
        #expect(errors.first?.message.contains("'nowhere.yaml'") == true)
    }
}

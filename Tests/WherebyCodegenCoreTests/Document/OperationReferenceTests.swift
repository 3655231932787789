import Foundation
import Testing
@testable import WherebyCodegenCore

/// Operations and path items written as `$ref`s are followed, into other files too, with one
/// warning for the whole document; paths that yield no operation at all are an error.
@Suite struct OperationReferenceTests {
    static let fixture = repositoryPath("Tests/Corpus/documents/refops/api.yaml")

    @Test func operationsInOtherFilesAreGeneratedInFull() throws {
        let output = try GeneratorPipeline().run(specPath: Self.fixture)
        #expect(output.model.operations.map(\.swiftName) == ["listPets", "createPet", "showPet", "deletePet", "checkHealth"])

        let list = try #require(output.operation("listPets"))
        #expect(list.summaryText == "Lists the pets.")
        #expect(list.parameters.map(\.name) == ["limit"])
        #expect(list.parameters.first?.type == .integer(.natural))
        #expect(list.success.result == .json(.array(.named(TypePath(["Pet"])))))

        let create = try #require(output.operation("createPet"))
        guard case .single(_, _, let bodyType)? = create.body?.content else {
            Issue.record("createPet has no JSON body: \(String(describing: create.body))")
            return
        }
        #expect(bodyType == .named(TypePath(["NewPet"])))
        #expect(create.success.statuses == ["201"])

        // A path item in `paths/pet.yaml`: its parameter and its `get` point further, relative to it.
        let show = try #require(output.operation("showPet"))
        #expect(show.path == "/pets/{petId}")
        #expect(show.parameters.map(\.name) == ["petId"])
        #expect(show.parameters.first?.location == .path)
        #expect(show.success.result == .json(.named(TypePath(["Pet"]))))
        #expect(try #require(output.operation("deletePet")).parameters.map(\.name) == ["petId"])

        #expect(output.type("Pet")?.properties.map(\.jsonName) == ["id", "name", "tag"])
    }

    @Test func provenanceNamesWhereTheOperationIsListedNotTheRootOfItsFile() throws {
        let output = try GeneratorPipeline().run(specPath: Self.fixture)
        let provenances = output.model.operations.map { $0.documentation.provenance ?? "" }
        #expect(provenances == [
            "#/paths/~1pets/get", "#/paths/~1pets/post", "#/paths/~1pets~1{petId}/get", "#/paths/~1pets~1{petId}/delete", "#/paths/~1health/get",
        ])
    }

    @Test func oneLocatedWarningSaysHowManyWereFollowed() throws {
        let output = try GeneratorPipeline().run(specPath: Self.fixture)
        #expect(output.diagnostics.map(\.id.rawValue) == ["operation-ref"], "\(output.diagnostics.map(\.description))")
        let warning = try #require(output.diagnostics.first)
        #expect(warning.severity == .warning)
        // list, create, show (inside the path item's file) and the local one; not the path item itself.
        #expect(warning.message.hasSuffix("followed all 4 of them"))
        #expect(warning.message.contains("not standard OpenAPI"))
        // At the first reference: `get: { $ref: 'resources/pets/list.yml' }` in the root document.
        let text = try String(contentsOfFile: Self.fixture, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let position = try #require(warning.location?.position)
        #expect(warning.location?.file == Self.fixture)
        let line = String(lines[position.line - 1])
        #expect(line.dropFirst(position.column - 1).hasPrefix("'resources/pets/list.yml'"), "\(line)")
        #expect(warning.location?.pointer?.description == "#/paths/~1pets/get/$ref")
    }

    @Test func aLocalOperationReferenceIsFollowed() throws {
        let output = try generate("""
            openapi: 3.0.3
            info: { title: T, version: "1" }
            paths:
              /a:
                get: { $ref: '#/x-operations/getA' }
            x-operations:
              getA:
                operationId: getA
                responses:
                  "200": { description: ok, content: { application/json: { schema: { type: string } } } }
            """, expecting: ["operation-ref"])
        #expect(output.model.operations.map(\.swiftName) == ["getA"])
        #expect(output.operation("getA")?.success.result == .json(.string))
        #expect(output.diagnostics.first?.message.hasSuffix("followed it") == true)
        #expect(output.diagnostics.first?.location?.position?.line == 5)
    }

    @Test func aChainOfReferencesToAnOperationIsFollowed() throws {
        let output = try generate("""
            openapi: 3.0.3
            info: { title: T, version: "1" }
            paths:
              /a:
                get: { $ref: '#/x-operations/alias' }
            x-operations:
              alias: { $ref: '#/x-operations/getA' }
              getA:
                operationId: getA
                responses: { "204": { description: done } }
            """, expecting: ["operation-ref"])
        #expect(output.model.operations.map(\.swiftName) == ["getA"])
    }

    @Test func aPathItemReferenceIsStandardAndNeedsNoWarning() throws {
        let output = try generate("""
            openapi: 3.0.3
            info: { title: T, version: "1" }
            paths:
              /a: { $ref: '#/x-path-items/a' }
            x-path-items:
              a:
                get:
                  operationId: getA
                  responses: { "204": { description: done } }
            """)
        #expect(output.model.operations.map(\.path) == ["/a"])
    }

    @Test func pathsWithoutAnyOperationAreALocatedError() throws {
        let diagnostics = failures("""
            openapi: 3.0.3
            info: { title: T, version: "1" }
            paths:
              /a:
                summary: nothing here
              /b:
                parameters: [{ name: x, in: query, schema: { type: string } }]
            components:
              schemas:
                A: { type: string }
            """)
        #expect(diagnostics.map(\.id.rawValue) == ["no-operations"])
        let error = try #require(diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.location?.position?.line == 3)
        #expect(error.location?.position?.column == 1)
        #expect(error.message.contains("2 paths"))
    }

    @Test func aDocumentOfComponentsAloneStillGeneratesItsModels() throws {
        let withoutPaths = try generate("""
            openapi: 3.0.3
            info: { title: T, version: "1" }
            components:
              schemas:
                A: { type: object, properties: { id: { type: string } } }
            """)
        #expect(withoutPaths.type("A")?.properties.map(\.jsonName) == ["id"])
        #expect(withoutPaths.model.operations.isEmpty)
        let emptyPaths = try generate(document(components: "schemas:\n  A: { type: object, properties: { id: { type: string } } }"))
        #expect(emptyPaths.type("A")?.properties.map(\.jsonName) == ["id"])
    }

    @Test func aDanglingOperationReferenceIsTheOnlyError() throws {
        let diagnostics = failures("""
            openapi: 3.0.3
            info: { title: T, version: "1" }
            paths:
              /a:
                get: { $ref: '#/x-operations/missing' }
            """)
        // Not also "no-operations": the reference that led nowhere is the problem to fix.
        #expect(diagnostics.filter { $0.severity == .error }.map(\.id.rawValue) == ["unresolved-ref"])
        #expect(diagnostics.first { $0.severity == .error }?.location?.position?.line == 5)
    }
}

private extension OperationModel {
    var summaryText: String? { documentation.summary }
}

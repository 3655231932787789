import Testing
@testable import WherebyCodegenCore

@Suite struct GeneratorConfigurationTests {
    func configuration(_ yaml: String) throws(DiagnosticError) -> GeneratorConfiguration {
        try GeneratorConfiguration.read(SourceFile(path: "whereby-codegen.yaml", bytes: Array(yaml.utf8)))
    }

    func errors(_ yaml: String) -> [String] {
        do {
            _ = try configuration(yaml)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func readsEveryKey() throws {
        let parsed = try configuration("""
            accessModifier: package
            clientName: Whereby
            files: [types, operations]
            hashable: true
            filter: { tags: [meetings], paths: [/meetings], operations: [createMeeting] }
            naming:
              style: document
              types: { Meeting: WherebyMeeting }
              properties: { Meeting.roomUrl: roomURL }
              operations: { getParticipantDetails: participantDetails }
            typeOverrides:
              schemas: { Fields: "[String]" }
              formats: { uuid: Foundation.UUID }
            """)
        #expect(parsed.accessModifier == .package)
        #expect(parsed.clientName == "Whereby")
        #expect(parsed.files == [.types, .operations])
        #expect(parsed.hashableModels)
        #expect(parsed.filter == .init(tags: ["meetings"], paths: ["/meetings"], operations: ["createMeeting"]))
        #expect(parsed.namingStyle == .document)
        #expect(parsed.typeNames == ["Meeting": "WherebyMeeting"])
        #expect(parsed.propertyNames == ["Meeting.roomUrl": "roomURL"])
        #expect(parsed.operationNames == ["getParticipantDetails": "participantDetails"])
        #expect(parsed.schemaTypes == ["Fields": "[String]"])
        #expect(parsed.formatTypes == ["uuid": "Foundation.UUID"])
    }

    @Test func emptyFileIsTheDefault() throws {
        #expect(try configuration("") == GeneratorConfiguration())
        #expect(try configuration("# nothing to change\n") == GeneratorConfiguration())
        #expect(GeneratorConfiguration().namingStyle == .swift)
    }

    @Test(arguments: [
        ("acessModifier: public", "whereby-codegen.yaml:1:1: error: unknown key 'acessModifier'; the keys are accessModifier, clientName, files, hashable, filter, naming and typeOverrides [#/acessModifier]"),
        ("hashable: yes please", "whereby-codegen.yaml:1:11: error: 'hashable' must be true or false, not a string [#/hashable]"),
        ("accessModifier: open", "whereby-codegen.yaml:1:17: error: 'accessModifier' must be public, package or internal, not 'open' [#/accessModifier]"),
        ("files: client", "whereby-codegen.yaml:1:8: error: 'files' must be a list of strings, not a string [#/files]"),
        ("files: [client, models]", "whereby-codegen.yaml:1:17: error: 'models' is not a file; the files are client, types and operations [#/files/1]"),
        ("naming:\n  type: {}", "whereby-codegen.yaml:2:3: error: unknown key 'type' in 'naming'; the keys are style, types, properties, operations [#/naming/type]"),
        ("naming:\n  style: snake", "whereby-codegen.yaml:2:10: error: 'naming.style' must be swift or document, not 'snake' [#/naming/style]"),
        ("naming:\n  operations: { a: 'b c' }", "whereby-codegen.yaml:2:20: error: 'b c' is not a Swift identifier [#/naming/operations/a]"),
        ("typeOverrides:\n  formats: { uuid: 'UUID; exit(1)' }", "whereby-codegen.yaml:2:20: error: 'UUID; exit(1)' is not a Swift type name such as Foundation.UUID or [String] [#/typeOverrides/formats/uuid]"),
        ("clientName: 12", "whereby-codegen.yaml:1:13: error: 'clientName' must be a string, not an integer [#/clientName]"),
        ("filter: [a]", "whereby-codegen.yaml:1:9: error: 'filter' must be a mapping, not a sequence [#/filter]"),
    ])
    func mistakesAreLocatedErrors(yaml: String, expected: String) {
        #expect(errors(yaml) == [expected])
    }

    static let api = document(paths: """
        /meetings:
          post:
            operationId: createMeeting
            tags: [meetings]
            requestBody:
              content:
                application/json:
                  schema: { $ref: '#/components/schemas/NewMeeting' }
            responses:
              "201":
                description: created
                content: { application/json: { schema: { $ref: '#/components/schemas/Meeting' } } }
        /rooms:
          get:
            operationId: listRooms
            tags: [rooms]
            responses:
              "200":
                description: ok
                content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Room' } } } }
        """, components: """
        schemas:
          Meeting:
            type: object
            required: [id, roomUrl]
            properties:
              id: { type: string, format: uuid }
              roomUrl: { type: string }
              host: { $ref: '#/components/schemas/Host' }
          Host: { type: object, properties: { name: { type: string } } }
          NewMeeting: { type: object, properties: { fields: { $ref: '#/components/schemas/Fields' } } }
          Fields: { type: array, items: { type: string, enum: [hostRoomUrl] } }
          Room: { type: object, properties: { name: { type: string } } }
        """)

    func generate(_ yaml: String) throws -> GeneratorPipeline.Output {
        let parsed = try configuration(yaml)
        let pipeline = GeneratorPipeline(options: .init(resolver: ResolverOptions(configuration: parsed), emitter: EmitterOptions(configuration: parsed)))
        return try pipeline.run(SourceFile(path: "api.yaml", bytes: Array(Self.api.utf8)))
    }

    @Test func filterKeepsOperationsAndTheTypesTheyReach() throws {
        let output = try generate("filter: { tags: [meetings] }")
        #expect(output.model.operations.map(\.swiftName) == ["createMeeting"])
        #expect(output.model.types.map(\.name) == ["Meeting", "Host", "NewMeeting", "Fields", "Field"])
        let byOperation = try generate("filter: { operations: [listRooms] }")
        #expect(byOperation.model.types.map(\.name) == ["Room"])
        let byPath = try generate("filter: { paths: [/rooms], tags: [meetings] }")
        #expect(byPath.model.operations.isEmpty)
    }

    @Test func namingOverridesRenameTypesPropertiesAndOperations() throws {
        let output = try generate("""
            naming:
              types: { Meeting: WherebyMeeting }
              properties: { WherebyMeeting.roomUrl: roomURL }
              operations: { createMeeting: startMeeting }
            """)
        let types = output.text(of: .types)
        #expect(types.contains("public struct WherebyMeeting: Codable, Equatable, Sendable {"))
        #expect(types.contains("public var roomURL: String"))
        #expect(types.contains(#"self.roomURL = try container.property(String.self, "roomUrl")"#))
        #expect(output.text(of: .operations).contains("public func startMeeting(_ body: NewMeeting) async throws -> WherebyMeeting {"))
    }

    @Test func typeOverridesReplaceSchemasAndFormats() throws {
        let output = try generate("""
            typeOverrides:
              schemas: { Fields: "[String]" }
              formats: { uuid: Foundation.UUID }
            """)
        let types = output.text(of: .types)
        #expect(types.contains("public var id: Foundation.UUID"))
        #expect(types.contains("public var fields: [String]?"))
        #expect(!types.contains("typealias Fields"))
    }

    @Test func accessModifierAndFilesShapeTheOutput() throws {
        let output = try generate("accessModifier: internal\nfiles: [types]")
        #expect(output.files.map(\.name) == GeneratorConfiguration.File.types.fileNames)
        #expect(output.text(of: .types).contains("internal struct Meeting: Codable, Equatable, Sendable {"))
        #expect(!output.text(of: .types).contains("public "))
    }

    @Test func hashableMakesModelsHashableAndEnumsAreEitherWay() throws {
        let equatable = try generate("").text(of: .types)
        #expect(equatable.contains("public struct Meeting: Codable, Equatable, Sendable {"))
        #expect(equatable.contains("public enum Field: RawRepresentable, Codable, Hashable, Sendable, CaseIterable {"))
        let hashable = try generate("hashable: true").text(of: .types)
        #expect(hashable.contains("public struct Meeting: Codable, Hashable, Sendable {"))
        #expect(hashable.contains("public enum Field: RawRepresentable, Codable, Hashable, Sendable, CaseIterable {"))
        #expect(!hashable.contains("Equatable"))
    }
}

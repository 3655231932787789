import Testing
@testable import WherebyCodegenCore

@Suite struct APIDiffTests {
    static let before = document(paths: """
        /meetings:
          post:
            operationId: createMeeting
            requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/NewMeeting' } } } }
            responses: { "201": { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Meeting' } } } } }
          get:
            operationId: listMeetings
            responses: { "200": { description: ok } }
        """, components: """
        schemas:
          NewMeeting: { type: object, properties: { endDate: { type: string } } }
          Meeting:
            type: object
            required: [id]
            properties:
              id: { type: string }
              roomUrl: { type: string }
              mode: { type: string, enum: [group, normal] }
        """)

    static let after = document(paths: """
        /meetings:
          post:
            operationId: createMeeting
            parameters: [{ name: dryRun, in: query, schema: { type: boolean } }]
            requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/NewMeeting' } } } }
            responses: { "201": { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Meeting' } } } } }
          delete:
            operationId: deleteAll
            responses: { "204": { description: ok } }
        """, components: """
        schemas:
          NewMeeting: { type: object, required: [endDate, region], properties: { endDate: { type: string }, region: { type: string } } }
          Meeting:
            type: object
            required: [id]
            properties:
              id: { type: integer }
              mode: { type: string, enum: [group, normal, huge] }
              region: { type: string }
        """)

    @Test func marksWhatBreaksClientsUnderTheVersioningPolicy() throws {
        let old = try generate(Self.before).model
        let new = try generate(Self.after).model
        let lines = APIDiff(old: old, new: new).changes.map(\.description)
        #expect(lines == [
            "BREAKING removed operation listMeetings (GET /meetings)",
            "BREAKING changed type Meeting.id: now Int, was String",
            "BREAKING removed type Meeting.roomUrl",
            "BREAKING changed type NewMeeting.endDate: now required, was optional",
            "BREAKING added type NewMeeting.region",
            "         changed operation createMeeting (POST /meetings): new optional query parameter 'dryRun'",
            "         added operation deleteAll (DELETE /meetings)",
            "         added type Meeting.Mode value 'huge'",
            "         added type Meeting.region",
        ])
        #expect(APIDiff(old: old, new: new).report.hasPrefix("operations: 1 added, 1 removed, 1 changed; types: 0 added, 0 removed, 6 members changed; 5 breaking changes\n"))
    }

    @Test func identicalDocumentsHaveNoChanges() throws {
        let model = try generate(Self.before).model
        #expect(APIDiff(old: model, new: model).changes.isEmpty)
        #expect(APIDiff(old: model, new: model).report == "no changes to operations or types\n")
    }

    @Test func generatedFilesSummarizeWhatRegenerationChanged() throws {
        let old = try generate(Self.before)
        let new = try generate(Self.after)
        let previous = Dictionary(uniqueKeysWithValues: old.files.map { ($0.name, $0.contents) })
        let summary = GeneratedChangeSummary(old: previous, new: new.files)
        #expect(summary.operations.added == ["deleteAll"])
        #expect(summary.operations.removed == ["listMeetings"])
        #expect(summary.operations.changed == ["createMeeting"])
        #expect(summary.types.changed == ["NewMeeting", "Meeting"])
        #expect(summary.report == """
            operations: 1 added (deleteAll), 1 removed (listMeetings), 1 changed (createMeeting)
            types: 0 added, 0 removed, 2 changed (NewMeeting, Meeting)

            """)
        #expect(GeneratedChangeSummary(old: previous, new: old.files).isEmpty)
    }

    @Test func theProtocolAfterTheFunctionsIsNeitherAFunctionNorPartOfOne() throws {
        let output = try generate(Self.before)
        let text = GeneratorConfiguration.File.operations.fileNames.map(output.file).joined()
        let functions = GeneratedChangeSummary.functions(text)
        #expect(!functions.isEmpty)
        #expect(Set(functions.map(\.0)).count == functions.count)
        for (name, body) in functions {
            #expect(!body.contains("protocol"), "\(name)")
        }
    }
}

import Foundation
import Testing
@testable import WherebyCodegenCore

/// Each known defect of the Whereby document gives its warning at the right place, and usable code.
@Suite struct WherebyDefectTests {
    static let specPath = repositoryPath("spec/whereby.json")
    static let output: GeneratorPipeline.Output? = try? GeneratorPipeline().run(specPath: specPath)
    static let text: [Character] = Array((try? String(contentsOfFile: specPath, encoding: .utf8)) ?? "")

    /// The warnings with `id` at `pointer`.
    func warnings(_ id: Diagnostic.ID, at pointer: String) -> [Diagnostic] {
        (Self.output?.diagnostics ?? []).filter { $0.id == id && $0.location?.pointer?.description == pointer }
    }

    /// The document's text at a diagnostic's position (the document is a single line).
    func text(at diagnostic: Diagnostic, length: Int) -> String {
        guard let position = diagnostic.location?.position, position.line == 1 else { return "" }
        let start = position.column - 1
        return String(Self.text[start..<min(start + length, Self.text.count)])
    }

    @Test func everyWarningIsLocatedInTheSpec() throws {
        let output = try #require(Self.output)
        #expect(!output.diagnostics.isEmpty)
        for diagnostic in output.diagnostics {
            #expect(diagnostic.severity == .warning)
            #expect(diagnostic.location?.file == Self.specPath)
            #expect(diagnostic.location?.position != nil, "\(diagnostic)")
            #expect(diagnostic.description.hasPrefix("\(Self.specPath):1:"))
        }
    }

    @Test func missingOperationIDsAreNamedFromSummaries() throws {
        let found = warnings("missing-operation-id", at: "#/paths/~1meetings/post")
        let warning = try #require(found.first)
        #expect(warning.message == "operation has no operationId; naming it 'createMeeting' from its summary 'Create meeting'")
        #expect(text(at: warning, length: 30) == #"{ "summary": "Create meeting","#)
        let all = Self.output?.diagnostics.filter { $0.id == "missing-operation-id" } ?? []
        #expect(all.count == 27)
    }

    @Test func pathParametersMissingFromTheTemplateAreIgnored() throws {
        for (path, name) in [("transcriptions", "recordingId"), ("summaries", "transcriptionId")] {
            let warning = try #require(warnings("unused-path-parameter", at: "#/paths/~1\(path)/post/parameters/0/$ref").first)
            #expect(warning.message.contains("'\(name)' does not appear in the path '/\(path)'"))
            #expect(text(at: warning, length: 20).hasPrefix("\"#/components/parame"))
        }
        let createTranscription = try #require(Self.output?.operation("createTranscription"))
        #expect(createTranscription.parameters.isEmpty)
    }

    @Test func responseSchemasThatAreBareKeysBecomeObjects() throws {
        let warning = try #require(warnings("misplaced-property", at: "#/paths/~1transcriptions/post/responses/201/content/application~1json/schema/transcriptionId").first)
        #expect(warning.message.contains("reading it as an object with a property 'transcriptionId'"))
        #expect(text(at: warning, length: 9) == #"{ "type":"#)
        let response = try #require(Self.output?.type("CreateTranscriptionResponse"))
        #expect(response.property("transcriptionId")?.type == .string)
        #expect(response.property("transcriptionId")?.presence == .optional)
        #expect(try #require(Self.output?.type("CreateSummaryResponse")).property("summaryId")?.type == .string)
    }

    @Test func cursorDeclaredBesidePropertiesBecomesANullableProperty() throws {
        for (path, typeName) in [("transcriptions", "ListTranscriptionsResponse"), ("summaries", "ListSummariesResponse")] {
            let pointer = "#/paths/~1\(path)/get/responses/200/content/application~1json/schema/cursor"
            #expect(warnings("misplaced-property", at: pointer).count == 1)
            #expect(warnings("undeclared-null", at: pointer).count == 1)
            let cursor = try #require(Self.output?.type(typeName)?.property("cursor"))
            #expect(cursor.type == .string)
            #expect(cursor.presence == .requiredNullable)
        }
    }

    @Test func requiredPropertiesThatAreNeverDeclaredBecomeOptionalJSONValues() throws {
        let warning = try #require(warnings("undeclared-required-property", at: "#/components/schemas/Recording/required/0").first)
        #expect(text(at: warning, length: 13) == #""recordingId""#)
        let recording = try #require(Self.output?.type("Recording"))
        #expect(recording.properties.map(\.jsonName) == ["recordingId", "roomSessionId", "filename", "startDate", "endDate", "sizeInMegaBytes"])
        #expect(recording.properties.allSatisfy { $0.type == .jsonValue && $0.presence == .optional })
        #expect(Self.output?.diagnostics.filter { $0.id == "undeclared-required-property" && $0.location?.pointer?.tokens.starts(with: ["components", "schemas", "Summary"]) == true }.count == 11)
    }

    @Test func roomSessionRequirementsNamingOtherPropertiesAreReported() throws {
        let base = "#/paths/~1insights~1room-sessions/get/responses/200/content/application~1json/schema/properties/results/items/required/"
        #expect(warnings("undeclared-required-property", at: base + "2").first?.message.contains("'createdAt'") == true)
        #expect(warnings("undeclared-required-property", at: base + "3").first?.message.contains("'endAt'") == true)
        let result = try #require(Self.output?.type("ListRoomSessionInsightsResponse.Result"))
        #expect(result.property("startedAt")?.presence == .optional)
        #expect(result.property("createdAt")?.type == .jsonValue)
    }

    @Test func typeListsInAThreeZeroDocumentReadAsNullable() throws {
        let pointer = "#/paths/~1insights~1participants/get/responses/200/content/application~1json/schema/properties/results/items/properties/tags/type"
        let warning = try #require(warnings("type-array-in-3.0", at: pointer).first)
        #expect(text(at: warning, length: 17) == #"["array", "null"]"#)
        let tags = try #require(Self.output?.type("ListParticipantsResponse.Result")?.property("tags"))
        #expect(tags.type == .array(.string))
        #expect(tags.presence == .optional)
        #expect(Self.output?.diagnostics.filter { $0.id == "type-array-in-3.0" }.count == 7)
    }

    @Test func queryParametersWithoutASchemaAreStrings() throws {
        let warning = try #require(warnings("missing-parameter-schema", at: "#/paths/~1recordings/get/parameters/3").first)
        #expect(warning.message == "parameter 'sortBy' has neither 'schema' nor 'content'; treating it as a string")
        #expect(text(at: warning, length: 17) == #"{ "name": "sortBy"#)
        let sortBy = try #require(Self.output?.operation("listRecordings")?.parameters.first { $0.name == "sortBy" })
        #expect(sortBy.type == .string)
    }

    @Test func languageValuesEndingInACommaKeepTheirValueWithCleanCaseNames() throws {
        let pointer = "#/paths/~1meetings/post/requestBody/content/application~1json/schema/properties/liveTranscription/properties/language/enum/0"
        let warning = try #require(warnings("enum-trailing-comma", at: pointer).first)
        #expect(warning.message.hasPrefix("33 enum values end with a comma ('ca,', 'zh,', 'zh-TW,', ...)"))
        #expect(text(at: warning, length: 5) == #""ca,""#)
        let language = try #require(Self.output?.type("CreateMeetingRequest.LiveTranscription.Language"))
        guard case .stringEnum(let cases) = language.kind else {
            Issue.record("language is not a string enum")
            return
        }
        #expect(cases.first { $0.rawValue == "en-US," }?.swiftName == "enUS")
        #expect(cases.first { $0.rawValue == "no," }?.swiftName == "no")
    }

    @Test func cursorDocumentedAsNullIsNullable() throws {
        let pointer = "#/paths/~1meetings/get/responses/200/content/application~1json/schema/properties/cursor"
        #expect(warnings("undeclared-null", at: pointer).count == 1)
        #expect(try #require(Self.output?.type("ListMeetingsResponse")).property("cursor")?.presence == .requiredNullable)
    }

    @Test func recordingDestinationDocumentedAsNullCanBeSentAsNull() throws {
        let recording = try #require(Self.output?.type("CreateMeetingRequest.Recording"))
        #expect(recording.property("destination")?.presence == .requiredNullable)
        #expect(recording.property("startTrigger")?.presence == .requiredNullable)
        let live = try #require(Self.output?.type("CreateMeetingRequest.LiveTranscription"))
        #expect(live.property("language")?.presence == .optionalNullable)
    }

    @Test func unusedSecuritySchemeIsAppliedToEveryOperation() throws {
        let warning = try #require(warnings("unused-security-scheme", at: "#/components/securitySchemes/BearerAuth").first)
        #expect(text(at: warning, length: 17) == #"{ "type": "http","#)
        #expect(Self.output?.model.operations.allSatisfy { $0.security == [["BearerAuth"]] } == true)
    }

    @Test func everyWarningIsOneOfTheKnownDefects() throws {
        let known: Set<String> = [
            "missing-operation-id", "unused-path-parameter", "misplaced-property", "undeclared-required-property",
            "type-array-in-3.0", "missing-parameter-schema", "enum-trailing-comma", "undeclared-null", "unused-security-scheme",
        ]
        let ids = Set(try #require(Self.output).diagnostics.map(\.id.rawValue))
        #expect(ids == known)
    }
}

import Foundation
import Testing
@testable import WherebyCodegenCore

/// The naming and typing rules that let a generated client say exactly what the docs say:
/// enum cases that cannot turn into `nil`, parameters of which one is required, names chosen for
/// inline types (with the old ones kept), and dates written as numbers.
@Suite struct DocumentedAPITests {
    // MARK: - Enum cases named like Optional's

    @Test func enumCasesNamedNoneOrSomeAreRenamedInEveryDocument() throws {
        let output = try generate(document(components: """
            schemas:
              Trigger: { type: string, enum: [none, some, None, SOME, automatic] }
              Level: { type: integer, enum: [0, 1] }
            """), expecting: ["swift-name-collision", "swift-name-collision"])  // `None` and `SOME` make the names `none` and `some` took
        let trigger = try #require(output.type("Trigger"))
        guard case .stringEnum(let cases) = trigger.kind else { Issue.record("not a string enum"); return }
        #expect(cases.map(\.swiftName) == ["noneValue", "someValue", "noneValue2", "someValue2", "automatic"])
        #expect(cases.map(\.rawValue) == ["none", "some", "None", "SOME", "automatic"])
        let types = output.text(of: .types)
        #expect(types.contains("case noneValue\n"))
        #expect(types.contains(#"case "none": self = .noneValue"#))
        #expect(!types.contains("case none\n") && !types.contains("case `some`"))
    }

    @Test func oneOfCasesNamedNoneAreRenamedToo() throws {
        let output = try generate(document(components: """
            schemas:
              None: { type: object, properties: { a: { type: string } } }
              Other: { type: object, properties: { b: { type: string } } }
              Choice: { oneOf: [{ $ref: "#/components/schemas/None" }, { $ref: "#/components/schemas/Other" }] }
            """))
        guard case .oneOf(let model) = try #require(output.type("Choice")).kind else { Issue.record("not a one-of"); return }
        #expect(model.cases.map(\.swiftName) == ["noneValue", "other"])
    }

    @Test func enumVarNamesExtensionNamesTheCases() throws {
        let output = try generate(document(components: """
            schemas:
              Trigger: { type: string, enum: [none, prompt], x-enum-varnames: [manual, askTheHost] }
              Kind: { type: string, enum: [none, cloud], x-enum-varnames: [none, cloud] }
            """))
        guard case .stringEnum(let trigger) = try #require(output.type("Trigger")).kind,
              case .stringEnum(let kind) = try #require(output.type("Kind")).kind
        else { Issue.record("not string enums"); return }
        #expect(trigger.map(\.swiftName) == ["manual", "askTheHost"])
        #expect(trigger.map(\.rawValue) == ["none", "prompt"])
        // A chosen name is held to the same rule.
        #expect(kind.map(\.swiftName) == ["noneValue", "cloud"])
    }

    @Test func enumVarNamesOfTheWrongLengthAreIgnoredWithAWarning() throws {
        let output = try generate(document(components: """
            schemas:
              Trigger: { type: string, enum: [none, prompt], x-enum-varnames: [manual] }
            """), expecting: ["enum-varnames-mismatch"])
        guard case .stringEnum(let cases) = try #require(output.type("Trigger")).kind else { Issue.record("not a string enum"); return }
        #expect(cases.map(\.swiftName) == ["noneValue", "prompt"])
    }

    // MARK: - Parameters of which one is required

    static let searchByEither = document(paths: """
        /participants:
          get:
            operationId: listParticipants
            x-required-any-of: [roomSessionId, external-id]
            parameters:
              - { name: roomSessionId, in: query, schema: { type: string } }
              - { name: external-id, in: query, schema: { type: string } }
            responses:
              "204": { description: done }
        """)

    @Test func requiredAnyOfChecksBeforeSendingThatOneParameterIsGiven() throws {
        let output = try generate(Self.searchByEither)
        let operation = try #require(output.operation("listParticipants"))
        #expect(operation.parameters.allSatisfy { !$0.isRequired })
        #expect(operation.requiredAnyOf.map { $0.map(\.name) } == [["roomSessionId", "external-id"]])
        let text = output.text(of: .operations)
        #expect(text.contains("public func listParticipants(roomSessionId: String? = nil, externalId: String? = nil)"))
        #expect(text.contains(#"try Validation.requireAny(of: ["roomSessionId", "external-id"], given: [roomSessionId != nil, externalId != nil])"#))
    }

    @Test func requiredAnyOfNamingARequiredOrUnknownParameterIsIgnoredWithAWarning() throws {
        let output = try generate(document(paths: """
            /participants:
              get:
                operationId: listParticipants
                x-required-any-of: [[roomSessionId, nobody], [roomSessionId]]
                parameters:
                  - { name: roomSessionId, in: query, schema: { type: string } }
                responses:
                  "204": { description: done }
            """), expecting: ["invalid-required-any-of", "invalid-required-any-of"])
        #expect(try #require(output.operation("listParticipants")).requiredAnyOf.isEmpty)
        #expect(!output.text(of: .operations).contains("requireAny"))
    }

    // MARK: - Chosen type names and deprecated aliases

    static let insights = document(paths: """
        /insights/rooms:
          get:
            operationId: listRoomInsights
            responses:
              "200":
                description: rooms
                content:
                  application/json:
                    schema:
                      type: object
                      required: [results]
                      properties:
                        results:
                          type: array
                          items:
                            x-swift-type-name: RoomInsight
                            x-swift-renamed-from: ListRoomInsightsResponse.Result
                            type: object
                            required: [roomName]
                            properties:
                              roomName: { type: string }
        /links/a:
          get:
            operationId: getLinkA
            responses:
              "200":
                description: link
                content:
                  application/json:
                    schema:
                      x-swift-type-name: AccessLink
                      x-swift-renamed-from: [GetLinkAResponse, GetLinkBResponse]
                      type: object
                      required: [accessLink, expires]
                      properties:
                        accessLink: { type: string }
                        expires: { type: integer, format: unixtime-milliseconds, minimum: 0 }
                        seconds: { type: integer, format: unixtime }
        /links/b:
          get:
            operationId: getLinkB
            responses:
              "200":
                description: link
                content:
                  application/json:
                    schema: { $ref: "#/paths/~1links~1a/get/responses/200/content/application~1json/schema" }
        """)

    @Test func swiftTypeNameDeclaresAnInlineTypeAtTheTopLevel() throws {
        let output = try generate(Self.insights)
        let page = try #require(output.type("ListRoomInsightsResponse"))
        #expect(page.property("results")?.type == .array(.named(TypePath(["RoomInsight"]))))
        #expect(output.type("RoomInsight")?.property("roomName")?.presence == .required)
        #expect(output.operation("getLinkA")?.success.result == .json(.named(TypePath(["AccessLink"]))))
        #expect(output.operation("getLinkB")?.success.result == .json(.named(TypePath(["AccessLink"]))))
    }

    @Test func renamedFromKeepsEachOldNameAsADeprecatedAlias() throws {
        let output = try generate(Self.insights)
        let nested = try #require(output.type("ListRoomInsightsResponse.Result"))
        #expect(nested.kind == .typeAlias(.named(TypePath(["RoomInsight"]))))
        #expect(nested.documentation.isDeprecated)
        #expect(nested.renamedTo == "RoomInsight")
        let types = output.text(of: .types)
        #expect(types.contains("""
                @available(*, deprecated, message: "use RoomInsight")
                public typealias Result = RoomInsight
            """))
        for old in ["GetLinkAResponse", "GetLinkBResponse"] {
            #expect(types.contains("""
                @available(*, deprecated, renamed: "AccessLink")
                public typealias \(old) = AccessLink
                """))
        }
    }

    @Test func renamedFromThatCannotBeDeclaredIsSkippedWithAWarning() throws {
        let output = try generate(document(components: """
            schemas:
              Taken: { type: string }
              Holder:
                type: object
                properties:
                  item:
                    x-swift-type-name: Item
                    x-swift-renamed-from: [Taken, Nowhere.Item, "not a name"]
                    type: object
                    properties: { a: { type: string } }
            """), expecting: ["renamed-from-taken", "renamed-from-parent-missing", "invalid-renamed-from"])
        #expect(output.type("Holder")?.property("item")?.type == .named(TypePath(["Item"])))
        #expect(output.type("Taken")?.kind == .typeAlias(.string))
    }

    // MARK: - Dates written as numbers

    @Test func unixTimeFormatsMakeNumberPropertiesDates() throws {
        let output = try generate(Self.insights)
        let link = try #require(output.type("AccessLink"))
        #expect(link.property("expires")?.type == .unixTime(.milliseconds))
        #expect(link.property("expires")?.constraints.isEmpty == true)
        #expect(link.property("seconds")?.type == .unixTime(.seconds))
        let types = output.text(of: .types)
        #expect(types.contains("public var expires: Date\n"))
        #expect(types.contains(#"self.expires = try container.date("expires", unixTime: .milliseconds)"#))
        #expect(types.contains(#"self.seconds = try container.dateIfPresent("seconds", unixTime: .seconds)"#))
        #expect(types.contains(#"try container.encodeDate(expires, "expires", unixTime: .milliseconds)"#))
        #expect(types.contains(#"try container.encodeDateIfPresent(seconds, "seconds", unixTime: .seconds)"#))
    }

    @Test func unixTimeFormatOnAStringIsLeftAString() throws {
        let output = try generate(document(components: """
            schemas:
              Sample: { type: object, properties: { at: { type: string, format: unixtime-milliseconds } } }
            """))
        #expect(output.type("Sample")?.property("at")?.type == .string)
    }

    // MARK: - Whereby's document with its overlay

    static let whereby: GeneratorPipeline.Output? = try? GeneratorPipeline().run(
        specPath: repositoryPath("spec/whereby.json"),
        overlayPaths: [repositoryPath("spec/whereby.overlay.yaml")]
    )

    /// Every declaration, nested ones included.
    static func allTypes(_ types: [TypeDeclaration]) -> [TypeDeclaration] {
        types.flatMap { [$0] + allTypes($0.nested) }
    }

    @Test func noWherebyEnumHasACaseNamedLikeOptionals() throws {
        let output = try #require(Self.whereby)
        var values = 0
        for declaration in Self.allTypes(output.model.types) {
            guard case .stringEnum(let cases) = declaration.kind else { continue }
            values += cases.count
            for enumCase in cases {
                #expect(!["none", "some", "`some`"].contains(enumCase.swiftName), "\(declaration.path).\(enumCase.swiftName)")
            }
        }
        #expect(values > 50)
        let trigger = try #require(output.type("CreateMeetingRequest.Recording.StartTrigger"))
        guard case .stringEnum(let cases) = trigger.kind else { Issue.record("not a string enum"); return }
        #expect(cases.map(\.swiftName) == ["manual", "prompt", "automatic", "automatic2ndParticipant"])
        #expect(cases.first?.rawValue == "none")
        #expect(cases.first?.note == "The value `none`.")
    }

    @Test func wherebyParticipantsTakeEitherID() throws {
        let operation = try #require(Self.whereby?.operation("listParticipants"))
        let ids = operation.parameters.filter { ["roomSessionId", "externalId"].contains($0.name) }
        #expect(ids.count == 2 && ids.allSatisfy { !$0.isRequired })
        #expect(operation.requiredAnyOf.map { $0.map(\.name) } == [["roomSessionId", "externalId"]])
    }

    @Test func wherebyFieldsTheDocsSayCanBeMissingAreOptional() throws {
        let output = try #require(Self.whereby)
        let optional: [(String, [String])] = [
            ("ParticipantInsight", ["leftAt", "externalId"]),
            ("RoomInsight", ["endAt", "firstSessionStartedAt", "lastSessionStartedAt"]),
            ("RoomSessionInsight", ["endedAt"]),
            ("Transcription", ["endDate"]),
        ]
        for (type, names) in optional {
            let declaration = try #require(output.type(type), "\(type)")
            for name in names {
                #expect(declaration.property(name)?.presence == .optional, "\(type).\(name)")
            }
        }
        #expect(output.type("ParticipantInsight")?.property("joinedAt")?.presence == .required)
        #expect(output.type("ParticipantInsight")?.property("leftAt")?.type == .date)
    }

    @Test func wherebyRoomNamePrefixPatternIsAnchoredAndAllowsTheDocsExample() throws {
        let body = try #require(Self.whereby?.type("CreateMeetingRequest"))
        let constraints = try #require(body.property("roomNamePrefix")?.constraints)
        #expect(constraints.pattern == "^[a-z0-9 -]*$")
        #expect(constraints.maxLength == 39)
        let pattern = try Regex(try #require(constraints.pattern))
        #expect("example-prefix".wholeMatch(of: pattern) != nil)
        #expect("Example".wholeMatch(of: pattern) == nil)
    }

    @Test func wherebyTypesHaveTheNamesASwiftDeveloperWouldWrite() throws {
        let output = try #require(Self.whereby)
        let pages = [
            "listMeetings": "MeetingPage", "listRecordings": "RecordingPage", "listTranscriptions": "TranscriptionPage",
            "listSummaries": "SummaryPage", "listRoomInsights": "RoomInsightPage",
            "listRoomSessionInsights": "RoomSessionInsightPage", "listParticipants": "ParticipantInsightPage",
        ]
        for (operation, page) in pages {
            #expect(output.operation(operation)?.success.result == .json(.named(TypePath([page]))), "\(operation)")
        }
        #expect(output.operation("getRecordingAccessLink")?.success.result == .json(.named(TypePath(["AccessLink"]))))
        #expect(output.operation("getTranscriptionAccessLink")?.success.result == .json(.named(TypePath(["AccessLink"]))))
        #expect(output.type("AccessLink")?.property("expires")?.type == .unixTime(.milliseconds))
        #expect(output.operation("getParticipantDetails")?.success.result == .json(.array(.named(TypePath(["ParticipantDetails"])))))
        let aliases: [String: String] = [
            "ListMeetingsResponse": "MeetingPage", "ListParticipantsResponse": "ParticipantInsightPage",
            "ParticipantInsightPage.Result": "ParticipantInsight", "RoomInsightPage.Result": "RoomInsight",
            "RoomSessionInsightPage.Result": "RoomSessionInsight",
            "GetRecordingAccessLinkResponse": "AccessLink", "GetTranscriptionAccessLinkResponse": "AccessLink",
            "GetParticipantDetailsResponse": "ParticipantDetails",
        ]
        for (old, new) in aliases {
            let alias = try #require(output.type(old), "\(old)")
            #expect(alias.kind == .typeAlias(.named(TypePath([new]))), "\(old)")
            #expect(alias.renamedTo == new && alias.documentation.isDeprecated, "\(old)")
        }
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
    }
}

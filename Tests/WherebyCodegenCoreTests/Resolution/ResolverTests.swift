import Foundation
import Testing
@testable import WherebyCodegenCore

@Suite struct ResolverTests {
    @Test func hoistsInlineObjectsAndEnumsUnderTheirOwner() throws {
        let output = try generate(document(paths: """
            /meetings:
              post:
                operationId: createMeeting
                requestBody:
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          recording:
                            type: object
                            properties:
                              destination:
                                type: object
                                properties:
                                  provider: { type: string, enum: [s3, whereby] }
                responses:
                  "201": { description: created }
            """))
        let destination = try #require(output.type("CreateMeetingRequest.Recording.Destination"))
        #expect(destination.property("provider")?.type == .named(TypePath(["CreateMeetingRequest", "Recording", "Destination", "Provider"])))
        #expect(output.operation("createMeeting")?.body?.content == .single(encoding: .json, contentType: "application/json", type: .named(TypePath(["CreateMeetingRequest"]))))
    }

    @Test func mapsFormatsToFoundationTypes() throws {
        let output = try generate(document(components: """
            schemas:
              Sample:
                type: object
                required: [id]
                properties:
                  id: { type: integer, format: int64 }
                  when: { type: string, format: date-time }
                  bytes: { type: string, format: byte }
                  ratio: { type: number, format: float }
                  free: { type: object }
                  anything: {}
                  counts: { type: object, additionalProperties: { type: integer } }
                  grid: { type: array, items: { type: array, items: { type: number } } }
            """))
        let sample = try #require(output.type("Sample"))
        #expect(sample.property("id")?.type == .integer(.int64))
        #expect(sample.property("id")?.presence == .required)
        #expect(sample.property("when")?.type == .date)
        #expect(sample.property("bytes")?.type == .data)
        #expect(sample.property("ratio")?.type == .float)
        #expect(sample.property("free")?.type == .jsonObject)
        #expect(sample.property("anything")?.type == .jsonValue)
        #expect(sample.property("counts")?.type == .dictionary(.integer(.natural)))
        #expect(sample.property("grid")?.type == .array(.array(.double)))
    }

    @Test func nullableInBothVersionsGivesTheSamePresence() throws {
        let three = try generate(document(components: """
            schemas:
              Page:
                type: object
                required: [cursor]
                properties:
                  cursor: { type: string, nullable: true }
            """))
        let threeOne = try generate(document(version: "3.1.0", components: """
            schemas:
              Page:
                type: object
                required: [cursor]
                properties:
                  cursor: { type: [string, "null"] }
            """))
        #expect(three.type("Page")?.property("cursor")?.presence == .requiredNullable)
        #expect(threeOne.type("Page")?.property("cursor")?.presence == .requiredNullable)
        #expect(three.files == threeOne.files)
    }

    @Test func optionalNullableIsNullableOnlyInRequests() throws {
        let output = try generate(document(paths: """
            /things:
              put:
                operationId: putThing
                requestBody:
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Input' }
                responses:
                  "200":
                    description: ok
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/Output' }
            """, components: """
            schemas:
              Input:
                type: object
                properties:
                  note: { type: string, nullable: true }
              Output:
                type: object
                properties:
                  note: { type: string, nullable: true }
            """))
        #expect(output.type("Input")?.property("note")?.presence == .optionalNullable)
        #expect(output.type("Input")?.isUsedInRequests == true)
        #expect(output.type("Output")?.property("note")?.presence == .optional)
        #expect(output.text(of: .types).contains("public var note: Nullable<String>?"))
    }

    @Test func allOfMergesPropertiesIntoOneStruct() throws {
        let output = try generate(document(components: """
            schemas:
              Base:
                type: object
                required: [id]
                properties:
                  id: { type: string }
              Extended:
                allOf:
                  - $ref: '#/components/schemas/Base'
                  - type: object
                    required: [name]
                    properties:
                      name: { type: string }
            """))
        let extended = try #require(output.type("Extended"))
        #expect(extended.properties.map(\.jsonName) == ["id", "name"])
        #expect(extended.properties.allSatisfy { $0.presence == .required })
    }

    @Test func oneOfWithDiscriminatorBecomesAnEnumWithAssociatedValues() throws {
        let output = try generate(document(components: """
            schemas:
              Cat: { type: object, properties: { kind: { type: string } } }
              Dog: { type: object, properties: { kind: { type: string } } }
              Pet:
                oneOf:
                  - $ref: '#/components/schemas/Cat'
                  - $ref: '#/components/schemas/Dog'
                discriminator:
                  propertyName: kind
                  mapping:
                    kitty: '#/components/schemas/Cat'
            """))
        let pet = try #require(output.type("Pet"))
        guard case .oneOf(let model) = pet.kind else {
            Issue.record("Pet is not a one-of enum")
            return
        }
        #expect(model.discriminatorProperty == "kind")
        #expect(model.cases.map(\.swiftName) == ["cat", "dog"])
        #expect(model.cases.map(\.discriminatorValues) == [["kitty"], ["Dog"]])
        #expect(output.text(of: .types).contains(#"case "kitty": self = .cat(try single.decode(Cat.self))"#))
    }

    @Test func oneOfWithNullIsANullableType() throws {
        let output = try generate(document(version: "3.1.0", components: """
            schemas:
              Holder:
                type: object
                properties:
                  value:
                    oneOf:
                      - type: "null"
                      - type: integer
            """))
        #expect(output.type("Holder")?.property("value")?.type == .integer(.natural))
    }

    @Test func parametersComeInCallOrder() throws {
        let output = try generate(document(paths: """
            /rooms/{roomName}/items/{itemId}:
              parameters:
                - { name: itemId, in: path, required: true, schema: { type: string } }
              get:
                operationId: getItem
                parameters:
                  - { name: X-Trace, in: header, schema: { type: string } }
                  - { name: page, in: query, schema: { type: integer } }
                  - { name: roomName, in: path, required: true, schema: { type: string } }
                  - { name: filter, in: query, required: true, schema: { type: string } }
                responses:
                  "204": { description: done }
            """))
        let parameters = try #require(output.operation("getItem")).parameters
        #expect(parameters.map(\.name) == ["roomName", "itemId", "filter", "page", "X-Trace"])
        #expect(parameters.map(\.swiftName) == ["roomName", "itemId", "filter", "page", "xTrace"])
    }

    @Test func deepObjectStyleIsKept() throws {
        let output = try generate(document(paths: """
            /insights/rooms:
              get:
                operationId: listRooms
                parameters:
                  - name: roomName
                    in: query
                    style: deepObject
                    explode: true
                    schema:
                      type: object
                      properties:
                        exact: { type: string }
                responses:
                  "200": { description: ok }
            """))
        let parameter = try #require(output.operation("listRooms")?.parameters.first)
        #expect(parameter.style == .deepObject)
        #expect(parameter.type == .named(TypePath(["ListRoomsRoomName"])))
        #expect(output.text(of: .operations).contains(#"try request.addQueryParameter("roomName", roomName, style: .deepObject, explode: true)"#))
    }

    @Test func severalBodyContentTypesBecomeAnEnum() throws {
        let output = try generate(document(paths: """
            /logo:
              put:
                operationId: setLogo
                requestBody:
                  content:
                    multipart/form-data:
                      schema:
                        type: object
                        properties:
                          image: { type: string, format: binary }
                    application/json:
                      schema:
                        type: object
                        properties:
                          theme: { type: string, enum: [default] }
                responses:
                  "204": { description: saved }
            """))
        let request = try #require(output.type("SetLogoRequest"))
        guard case .bodyAlternatives(let cases) = request.kind else {
            Issue.record("SetLogoRequest is not an enum of bodies")
            return
        }
        #expect(cases.map(\.swiftName) == ["multipart", "json"])
        #expect(output.type("SetLogoRequest.MultipartBody")?.property("image")?.type == .multipartFile)
        #expect(output.text(of: .operations).contains("case .multipart(let value): request.body = .multipartForm(value)"))
    }

    @Test func bodiesAreRequiredUnlessTheDocumentSaysOtherwise() throws {
        let output = try generate(document(paths: """
            /a:
              post:
                operationId: unspecified
                requestBody: { content: { application/json: { schema: { type: object } } } }
                responses: { "204": { description: ok } }
            /b:
              post:
                operationId: optional
                requestBody: { required: false, content: { application/json: { schema: { type: object } } } }
                responses: { "204": { description: ok } }
            """))
        #expect(output.operation("unspecified")?.body?.isRequired == true)
        #expect(output.operation("optional")?.body?.isRequired == false)
        #expect(output.text(of: .operations).contains("public func optional(_ body: JSONObject? = nil) async throws"))
    }

    @Test func statusRangesAndDefaultsAreExpected() throws {
        let output = try generate(document(paths: """
            /a:
              get:
                operationId: ranged
                responses:
                  2XX:
                    description: ok
                    content: { text/plain: { schema: { type: string } } }
                  default: { description: error }
            """))
        #expect(output.operation("ranged")?.success.statuses == ["2XX"])
        #expect(output.text(of: .operations).contains("expecting: [.range(200...299)]).body, as: UTF8.self)"))
    }

    @Test func duplicateOperationIDsGetDistinctNames() throws {
        let output = try generate(document(paths: """
            /a:
              get: { operationId: fetch, responses: { "204": { description: ok } } }
            /b:
              get: { operationId: fetch, responses: { "204": { description: ok } } }
            """), expecting: ["duplicate-operation-id"])
        #expect(output.model.operations.map(\.swiftName) == ["fetch", "fetch2"])
    }

    @Test func nestedTypesDoNotShadowTopLevelTypesUsedInside() throws {
        let output = try generate(document(components: """
            schemas:
              Recording: { type: object, properties: { id: { type: string } } }
              Meeting:
                type: object
                properties:
                  recording:
                    type: object
                    properties:
                      mode: { type: string }
                  latest: { $ref: '#/components/schemas/Recording' }
            """))
        let meeting = try #require(output.type("Meeting"))
        #expect(meeting.property("latest")?.type == .named(TypePath(["Recording"])))
        #expect(meeting.nested.map(\.name) == ["Recording2"])
    }

    @Test func cursorPaginatedListsGetAnAllItemsFunction() throws {
        let output = try generate(document(paths: """
            /things:
              get:
                operationId: listThings
                parameters:
                  - { name: cursor, in: query, schema: { type: string } }
                  - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 100 } }
                responses:
                  "200":
                    description: ok
                    content:
                      application/json:
                        schema:
                          type: object
                          required: [results]
                          properties:
                            results: { type: array, items: { type: object, properties: { id: { type: string } } } }
                            cursor: { type: string, nullable: true }
            /other:
              get:
                operationId: listOther
                responses:
                  "200":
                    description: ok
                    content: { application/json: { schema: { type: array, items: { type: string } } } }
            """))
        let pagination = try #require(output.operation("listThings")?.pagination)
        #expect(pagination.functionName == "allThings")
        #expect(pagination.itemType == .named(TypePath(["ListThingsResponse", "Result"])))
        #expect(pagination.itemsAreOptional == false)
        #expect(pagination.pageSizeParameter == "limit")
        #expect(output.operation("listOther")?.pagination == nil)
        let operations = output.text(of: .operations)
        #expect(operations.contains("public func allThings(pageSize: Int? = nil, startingAt startCursor: String? = nil) -> CursorPages<ListThingsResponse.Result> {"))
        #expect(operations.contains("let page = try await self.listThings(cursor: cursor, limit: pageSize)"))
        #expect(operations.contains(#"try Validation.check(limit, at: "limit", minimum: 1, maximum: 100)"#))
    }

    @Test func onlyRequestTypesWithConstraintsAreValidated() throws {
        let output = try generate(document(paths: """
            /rooms:
              post:
                operationId: createRoom
                requestBody:
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Room' }
                responses:
                  "200":
                    description: ok
                    content: { application/json: { schema: { $ref: '#/components/schemas/Theme' } } }
            """, components: """
            schemas:
              Room:
                type: object
                properties:
                  theme: { $ref: '#/components/schemas/Theme' }
                  note: { type: string }
              Theme:
                type: object
                properties:
                  colour: { type: string, pattern: '^#[0-9a-f]{6}$' }
              Unused:
                type: object
                properties:
                  name: { type: string, maxLength: 3 }
            """))
        #expect(output.type("Room")?.isValidated == true)
        #expect(output.type("Theme")?.isValidated == true)
        #expect(output.type("Unused")?.isValidated == false)
        #expect(output.text(of: .types).contains("extension Room: Validatable {"))
        #expect(!output.text(of: .types).contains("extension Unused: Validatable"))
    }

    @Test func recursiveSchemasAreStoredOutOfLine() throws {
        let output = try generate(document(version: "3.1.0", components: """
            schemas:
              Node:
                type: object
                properties:
                  parent: { $ref: '#/components/schemas/Node' }
                  children: { type: array, items: { $ref: '#/components/schemas/Node' } }
                  label: { type: string }
              Expression:
                oneOf:
                  - { type: integer }
                  - { $ref: '#/components/schemas/Sum' }
              Sum:
                type: object
                required: [left]
                properties:
                  left: { $ref: '#/components/schemas/Expression' }
              Leaf: { type: object, properties: { node: { $ref: '#/components/schemas/Node' } } }
            """))
        #expect(output.type("Node")?.property("parent")?.isIndirect == true)
        #expect(output.type("Node")?.property("children")?.isIndirect == false)
        #expect(output.type("Node")?.property("label")?.isIndirect == false)
        #expect(output.type("Sum")?.property("left")?.isIndirect == true)
        #expect(output.type("Expression")?.isIndirect == true)
        #expect(output.type("Leaf")?.property("node")?.isIndirect == false)
        #expect(output.text(of: .types).contains("    @Indirect public var parent: Node?"))
        #expect(output.text(of: .types).contains("public indirect enum Expression: Codable, Equatable, Sendable {"))
    }

    @Test func clientNameComesFromTheTitleOrTheOption() throws {
        #expect(Resolver.clientName(fromTitle: "Whereby REST API") == "WherebyClient")
        #expect(Resolver.clientName(fromTitle: "Swagger Petstore - OpenAPI 3.0") == "SwaggerPetstore30Client")
        #expect(Resolver.clientName(fromTitle: "API") == "APIClient")
        let output = try generate(document(), clientName: "Acme")
        #expect(output.model.clientName == "Acme")
    }
}

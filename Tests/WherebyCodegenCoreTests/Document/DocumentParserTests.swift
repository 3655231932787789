import Testing
@testable import WherebyCodegenCore

/// The Document stage on its own: a node tree in, the OpenAPI model out, with nothing resolved
/// and no Swift in sight.
@Suite struct DocumentParserTests {
    /// The model of `text`, read as YAML from `path`, with the warnings the parser gave.
    func parse(_ text: String, path: String = "api.yaml") throws(DiagnosticError) -> (document: OpenAPIDocument, diagnostics: [Diagnostic]) {
        let root = try DocumentReader.read(SourceFile(path: path, bytes: Array(text.utf8)))
        return try DocumentParser.parse(root, file: path)
    }

    @Test func readsOperationsInDocumentOrderWithPathParametersFirst() throws {
        let (document, diagnostics) = try parse("""
            openapi: 3.0.3
            info: { title: Rooms, version: "2" }
            servers:
              - url: https://{region}.example.test/v1
                description: production
                variables:
                  region: { default: eu, enum: [eu, us] }
            paths:
              /rooms/{roomId}:
                parameters:
                  - { name: roomId, in: path, required: true, schema: { type: string } }
                delete:
                  operationId: deleteRoom
                  responses: { "204": { description: gone } }
                get:
                  operationId: getRoom
                  deprecated: true
                  tags: [rooms]
                  parameters:
                    - { name: fields, in: query, schema: { type: array, items: { type: string } } }
                  responses:
                    "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Room" } } } }
                    default: { description: error }
            components:
              schemas:
                Room: { type: object, properties: { id: { type: string } } }
            """)
        #expect(diagnostics.isEmpty)
        #expect(document.version.text == "3.0.3")
        #expect(!document.version.isThreeOne)
        #expect(document.info.title == "Rooms")
        #expect(document.servers.map(\.url) == ["https://{region}.example.test/v1"])
        #expect(document.servers.first?.variables.map(\.name) == ["region"])
        #expect(document.servers.first?.variables.first?.allowed == ["eu", "us"])

        #expect(document.operations.map(\.operationID) == ["deleteRoom", "getRoom"])
        #expect(document.operations.map(\.method) == [.delete, .get])
        let get = try #require(document.operations.last)
        #expect(get.isDeprecated)
        #expect(get.tags == ["rooms"])
        #expect(get.responses.map(\.status) == ["200", "default"])
        let names = get.parameters.map { parameter -> String in
            guard case .value(let value) = parameter else { return "$ref" }
            return "\(value.location.rawValue):\(value.name):\(value.isRequired)"
        }
        #expect(names == ["path:roomId:true", "query:fields:false"])
        // The response schema stays a reference: following it is resolution's work.
        guard case .value(let ok) = get.responses[0].response, case .reference(let reference)? = ok.content.first?.schema else {
            Issue.record("expected a referenced response schema")
            return
        }
        #expect(reference.key == "#/components/schemas/Room")
        #expect(document.referenceTargets.schemas["#/components/schemas/Room"] != nil)
    }

    @Test func readsSchemaKeywordsIntoTheModel() throws {
        let (document, _) = try parse("""
            openapi: 3.1.0
            info: { title: T, version: "1" }
            paths: {}
            components:
              schemas:
                Meeting:
                  type: object
                  required: [endDate]
                  properties:
                    endDate: { type: string, format: date-time }
                    size: { type: [integer, "null"], minimum: 1, maximum: 50 }
                    mode: { type: string, enum: [group, normal], default: normal }
                  additionalProperties: false
                  x-internal: true
            """)
        #expect(document.version.isThreeOne)
        let named = try #require(document.components.schemas.first)
        #expect(named.name == "Meeting")
        guard case .value(let meeting) = named.value else {
            Issue.record("Meeting is a schema, not a reference")
            return
        }
        #expect(meeting.types == [.object])
        #expect(meeting.required.map(\.name) == ["endDate"])
        #expect(meeting.properties.map(\.name) == ["endDate", "size", "mode"])
        #expect(meeting.extensions.map(\.name) == ["x-internal"])
        if case .allowed(let allowed)? = meeting.additionalProperties {
            #expect(!allowed)
        } else {
            Issue.record("additionalProperties: false is read as not allowed")
        }
        guard case .value(let size) = meeting.properties[1].schema, case .value(let mode) = meeting.properties[2].schema else {
            Issue.record("inline property schemas are values")
            return
        }
        #expect(size.types == [.integer])
        #expect(size.isNullable, "a \"null\" in a 3.1 type array is read as nullable")
        #expect(size.constraints.minimum == "1")
        #expect(size.constraints.maximum == "50")
        #expect(mode.enumValues?.count == 2)
        #expect(mode.defaultValue != nil)
        // Each property remembers where its key was written.
        #expect(meeting.properties[1].origin.position.line == 11)
    }

    @Test func aWronglyTypedKeywordIsALocatedWarningAndTheRestIsRead() throws {
        let (document, diagnostics) = try parse("""
            openapi: 3.0.0
            info: { title: T, version: "1" }
            paths:
              /a:
                get:
                  operationId: a
                  deprecated: "yes"
                  responses: { "200": { description: ok } }
            """)
        #expect(document.operations.map(\.operationID) == ["a"])
        let warning = try #require(diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.location?.file == "api.yaml")
        #expect(warning.location?.position?.line == 7)
    }

    @Test func aDocumentThatIsNotOpenAPI3IsAnError() throws {
        #expect(throws: DiagnosticError.self) {
            _ = try parse("""
                asyncapi: 2.6.0
                info: { title: T, version: "1" }
                """)
        }
    }

    @Test func aReferenceToNothingIsALocatedError() throws {
        do {
            _ = try parse("""
                openapi: 3.0.0
                info: { title: T, version: "1" }
                paths: {}
                components:
                  schemas:
                    A: { $ref: "#/components/schemas/Missing" }
                """)
            Issue.record("a dangling reference must fail")
        } catch {
            let located = error.diagnostics.filter { $0.severity == .error }.compactMap { $0.location?.position }
            #expect(located.contains { $0.line == 6 })
        }
    }

    @Test func readsAParameterStyleAsTheEnumAndWhereItsKeyIs() throws {
        let (document, diagnostics) = try parse("""
            openapi: 3.0.3
            info: { title: Styles, version: "1" }
            paths:
              /c:
                get:
                  parameters:
                    - name: tone
                      in: query
                      style: pipeDelimited
                    - { name: shade, in: query, style: weird }
                    - { name: hue, in: query }
                  responses: { "204": { description: done } }
            """)
        let parameters = try #require(document.operations.first).parameters.compactMap { entry -> Parameter? in
            if case .value(let parameter) = entry { return parameter }
            return nil
        }
        #expect(parameters.map(\.style) == [.pipeDelimited, nil, nil])
        #expect(parameters[0].styleOrigin?.position == WherebyCodegenCore.SourceLocation(line: 9, column: 11))
        #expect(parameters[0].styleOrigin?.pointer.description == "#/paths/~1c/get/parameters/0/style")
        #expect(parameters[2].styleOrigin == nil)
        #expect(diagnostics.map(\.description) == [
            "api.yaml:10:37: warning: query parameter 'shade' has style 'weird', which OpenAPI does not define (query parameters take form, spaceDelimited, pipeDelimited, deepObject); using 'form' [#/paths/~1c/get/parameters/1/style]",
        ])
    }
}

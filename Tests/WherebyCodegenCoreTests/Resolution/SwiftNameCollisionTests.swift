import Testing
@testable import WherebyCodegenCore

/// The naming rule applied to a whole document: Swift names for properties, parameters, enum
/// cases and types, the JSON names kept for the wire, collisions numbered with a located warning,
/// and the `document` style that keeps the document's spelling.
@Suite struct SwiftNameCollisionTests {
    static let tokens = """
        openapi: 3.0.3
        info: { title: Tokens, version: "1" }
        paths:
          /tokens/{token_id}:
            get:
              operationId: get_token
              parameters:
                - { name: token_id, in: path, required: true, schema: { type: string } }
                - { name: tokenId, in: query, schema: { type: string } }
              responses:
                "200":
                  description: the token
                  content: { application/json: { schema: { $ref: '#/components/schemas/access_token' } } }
        components:
          schemas:
            access_token:
              type: object
              required: [access_token]
              properties:
                access_token: { type: string }
                accessToken: { type: string }
                token_type: { type: string, enum: [bearer_token, BEARER_TOKEN, mac] }
        """

    func run(_ text: String, style: SwiftNaming.Style = .swift) throws -> GeneratorPipeline.Output {
        var configuration = GeneratorConfiguration()
        configuration.namingStyle = style
        let pipeline = GeneratorPipeline(options: .init(resolver: ResolverOptions(configuration: configuration), emitter: EmitterOptions(configuration: configuration)))
        return try pipeline.run(SourceFile(path: "tokens.yaml", bytes: Array(text.utf8)))
    }

    @Test func swiftNamesAreCamelCaseAndTheWireKeepsTheDocumentsNames() throws {
        let output = try run(Self.tokens)
        let token = try #require(output.type("AccessToken"))
        #expect(token.properties.map(\.swiftName) == ["accessToken", "accessToken2", "tokenType"])
        #expect(token.properties.map(\.jsonName) == ["access_token", "accessToken", "token_type"])
        let tokenType = try #require(output.type("AccessToken.TokenType"))
        guard case .stringEnum(let cases) = tokenType.kind else {
            Issue.record("token_type is not an enum: \(tokenType.kind)")
            return
        }
        #expect(cases.map(\.swiftName) == ["bearerToken", "bearerToken2", "mac"])
        #expect(cases.map(\.rawValue) == ["bearer_token", "BEARER_TOKEN", "mac"])
        let operation = try #require(output.operation("getToken"))
        #expect(operation.parameters.map(\.swiftName) == ["tokenId", "tokenId2"])
        #expect(operation.parameters.map(\.name) == ["token_id", "tokenId"])
        let types = output.text(of: .types)
        #expect(types.contains(#"self.accessToken = try container.property(String.self, "access_token")"#))
        #expect(types.contains(#"self.accessToken2 = try container.propertyIfPresent(String.self, "accessToken")"#))
    }

    @Test func eachLaterNameThatCollidesIsAWarningAtItsOwnPlace() throws {
        let output = try run(Self.tokens)
        #expect(output.diagnostics.map(\.description) == [
            "tokens.yaml:21:22: warning: property 'accessToken' makes the Swift name 'accessToken', which 'access_token' already has; naming it 'accessToken2' [#/components/schemas/access_token/properties/accessToken]",
            "tokens.yaml:22:58: warning: enum value 'BEARER_TOKEN' makes the Swift name 'bearerToken', which 'bearer_token' already has; naming it 'bearerToken2' [#/components/schemas/access_token/properties/token_type/enum/1]",
            "tokens.yaml:9:11: warning: parameter 'tokenId' makes the Swift name 'tokenId', which 'token_id' already has; naming it 'tokenId2' [#/paths/~1tokens~1{token_id}/get/parameters/1]",
        ])
    }

    @Test func documentStyleKeepsTheDocumentsSpelling() throws {
        let output = try run(Self.tokens, style: .document)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics.map(\.description))")
        let token = try #require(output.type("AccessToken"), "types are UpperCamelCase in either style")
        #expect(token.properties.map(\.swiftName) == ["access_token", "accessToken", "token_type"])
        let tokenType = try #require(output.type("AccessToken.TokenType"))
        guard case .stringEnum(let cases) = tokenType.kind else {
            Issue.record("token_type is not an enum: \(tokenType.kind)")
            return
        }
        #expect(cases.map(\.swiftName) == ["bearer_token", "BEARER_TOKEN", "mac"])
        let operation = try #require(output.operation("get_token"))
        #expect(operation.parameters.map(\.swiftName) == ["token_id", "tokenId"])
    }

    @Test func aTypeNestedForAPropertyNeverTakesThePropertysName() throws {
        let text = """
            openapi: 3.0.3
            info: { title: Holder, version: "1" }
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    2fa_method: { type: string, enum: [sms, totp] }
                    FileInfo: { type: object, properties: { size: { type: integer } } }
            """
        let swift = try run(text)
        #expect(try #require(swift.type("Holder")).properties.map(\.swiftName) == ["_2faMethod", "fileInfo"])
        #expect(try #require(swift.type("Holder")).nested.map(\.name) == ["_2faMethod2", "FileInfo"])
        let document = try run(text, style: .document)
        #expect(try #require(document.type("Holder")).properties.map(\.swiftName) == ["_2faMethod", "FileInfo"])
        #expect(try #require(document.type("Holder")).nested.map(\.name) == ["_2faMethod2", "FileInfo2"])
    }

    @Test func componentSchemasThatMakeOneTypeNameAreNumberedWithAWarning() throws {
        let output = try run("""
            openapi: 3.0.3
            info: { title: Files, version: "1" }
            paths: {}
            components:
              schemas:
                File--Mini: { type: object, properties: { id: { type: string } } }
                file_mini: { type: object, properties: { id: { type: string } } }
            """)
        #expect(output.model.types.map(\.name) == ["FileMini", "FileMini2"])
        #expect(output.diagnostics.map(\.description) == [
            "tokens.yaml:7:16: warning: schema 'file_mini' makes the Swift name 'FileMini', which 'File--Mini' already has; naming it 'FileMini2' [#/components/schemas/file_mini]",
        ])
    }

    @Test func operationIDsThatMakeOneNameAreNumberedWithAWarning() throws {
        let output = try run("""
            openapi: 3.0.3
            info: { title: Files, version: "1" }
            paths:
              /a: { get: { operationId: list_files, responses: { "204": { description: none } } } }
              /b: { get: { operationId: listFiles, responses: { "204": { description: none } } } }
            """)
        #expect(output.model.operations.map(\.swiftName) == ["listFiles", "listFiles2"])
        #expect(output.diagnostics.map(\.id) == ["swift-name-collision"])
        #expect(output.diagnostics.first?.description == "tokens.yaml:5:14: warning: operationId 'listFiles' makes the Swift name 'listFiles', which 'list_files' already has; naming it 'listFiles2' [#/paths/~1b/get]")
    }
}

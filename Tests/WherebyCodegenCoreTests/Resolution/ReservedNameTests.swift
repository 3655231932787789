import Foundation
import Testing
@testable import WherebyCodegenCore

/// No name from a document takes a name the generated code uses for itself.
@Suite struct ReservedNameTests {
    @Test func schemasNamedLikeTheClientsNestedTypesOrItsProtocolAreRenamed() throws {
        let output = try generate(document(components: """
            schemas:
              SecuritySchemes: { type: object, properties: { name: { type: string } } }
              Servers: { type: object, properties: { url: { type: string } } }
              TestClientProtocol: { type: object, properties: { name: { type: string } } }
            """))
        #expect(output.model.clientName == "TestClient")
        #expect(output.type("SecuritySchemes2") != nil)
        #expect(output.type("Servers2") != nil)
        #expect(output.type("TestClientProtocol2") != nil)
        #expect(output.type("SecuritySchemes") == nil)
        #expect(output.type("Servers") == nil)
        #expect(output.type("TestClientProtocol") == nil)
    }

    @Test func schemasNamedLikeWhatTheRuntimeBesideTheClientUsesAreRenamed() throws {
        // WherebyAPI's handwritten files name swift-log's `Logger` and nest `Configuration` and
        // `Observability` in the client: a generated `Logger` would shadow the one they mean.
        let output = try generate(document(components: """
            schemas:
              Logger: { type: object, properties: { name: { type: string } } }
              CoreMetrics: { type: object, properties: { name: { type: string } } }
              Observability: { type: object, properties: { name: { type: string } } }
              Configuration: { type: object, properties: { name: { type: string } } }
            """))
        for name in ["Logger", "CoreMetrics", "Observability", "Configuration"] {
            #expect(output.type(name) == nil, "\(name)")
            #expect(output.type(name + "2") != nil, "\(name)")
        }
    }

    @Test func nestedTypesMayKeepTheClientsNestedNames() throws {
        // Only the client's extensions see `Servers`: a model's nested type of that name shadows nothing.
        let output = try generate(document(components: """
            schemas:
              Room:
                type: object
                properties:
                  servers: { type: object, properties: { url: { type: string } } }
            """))
        #expect(output.type("Room.Servers") != nil)
    }

    @Test(arguments: EmitterNames.reservedTypeNames.sorted())
    func everyTypeNameGeneratedCodeUsesIsReserved(name: String) throws {
        let output = try generate(document(components: """
            schemas:
              "\(name)": { type: object, properties: { value: { type: string } } }
              Holder:
                type: object
                properties:
                  "\(name)": { type: object, properties: { value: { type: string } } }
            """))
        // A component is numbered, as every top-level name taken; an inline object says why.
        #expect(output.type(name + "2") != nil)
        #expect(output.type("Holder.\(name)Payload") != nil)
    }

    @Test func theRuntimesTypesAreReserved() {
        for name in ["Validation", "ValidationFailure", "Validatable", "CursorPages", "Indirect", "Credentials", "Equatable", "UTF8"] {
            #expect(Resolver.reservedTypeNames.contains(name), "\(name)")
        }
    }

    /// Every type `Sources/WherebyAPI`'s handwritten files declare at the top level, and every
    /// public type of `Sources/OpenAPIClientSupport`, read from the sources themselves.
    @Test func everyTypeTheHandwrittenRuntimeDeclaresIsReserved() throws {
        let declaration = /^(?:(public|package|internal|fileprivate|private) )?(?:final )?(?:struct|enum|class|actor|protocol|typealias) ([A-Z][A-Za-z0-9]*)/.anchorsMatchLineEndings()
        var declared: [String] = []
        for (folder, publicOnly) in [("Sources/WherebyAPI", false), ("Sources/OpenAPIClientSupport", true)] {
            let files = try FileManager.default.contentsOfDirectory(atPath: repositoryPath(folder))
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOfFile: repositoryPath("\(folder)/\(file)"), encoding: .utf8)
                for match in text.matches(of: declaration) where !publicOnly || match.output.1 == "public" {
                    declared.append(String(match.output.2))
                }
            }
        }
        #expect(declared.count > 40, "the sources were not read: \(declared)")
        let missing = Set(declared).subtracting(Resolver.reservedTypeNames).subtracting(EmitterNames.clientNestedTypes)
        #expect(missing.isEmpty, "declared by the handwritten runtime but free for a schema to take: \(missing.sorted())")
    }

    @Test func schemasNamedLikeTheHandwrittenClientsTypesAreRenamed() throws {
        let output = try generate(document(components: """
            schemas:
              RetryPolicy: { type: object, properties: { name: { type: string } } }
              WherebyError: { type: object, properties: { name: { type: string } } }
              HTTPBody: { type: object, properties: { name: { type: string } } }
            """))
        for name in ["RetryPolicy", "WherebyError", "HTTPBody"] {
            #expect(output.type(name) == nil, "\(name)")
            #expect(output.type(name + "2") != nil, "\(name)")
        }
    }

    @Test func operationsNamedLikeTheClientsMembersAreNumbered() throws {
        let output = try generate(document(paths: """
            /a:
              get:
                operationId: runtime
                responses: { "204": { description: none } }
            """))
        #expect(output.operation("runtime2") != nil)
    }

    @Test func aRequestPropertyNamedPathIsValidatedItself() throws {
        let output = try generate(document(paths: """
            /a:
              post:
                operationId: send
                requestBody:
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [path]
                        properties:
                          path: { type: string, maxLength: 8 }
                          container: { type: integer, maximum: 3 }
                responses: { "204": { description: sent } }
            """))
        let types = output.text(of: .types)
        #expect(types.contains(#"try Validation.check(self.path, at: path + ".path", maxLength: 8)"#))
        #expect(types.contains(#"try Validation.check(self.container, at: path + ".container", maximum: 3)"#))
    }

    @Test func argumentsNamedLikeLocalsKeepTheirLabelsAndGetAnotherNameInside() throws {
        let output = try generate(document(paths: """
            /a/{request}:
              get:
                operationId: listThings
                parameters:
                  - { name: request, in: path, required: true, schema: { type: string, maxLength: 4 } }
                  - { name: runtime, in: query, schema: { type: string } }
                  - { name: page, in: query, schema: { type: integer } }
                  - { name: cursor, in: query, schema: { type: string } }
                responses:
                  "200":
                    description: a page
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            cursor: { type: string }
                            items: { type: array, items: { type: string } }
            """))
        let operations = output.text(of: .operations)
        #expect(operations.contains("public func listThings(request request2: String, runtime: String? = nil, page: Int? = nil, cursor: String? = nil) async throws -> ListThingsResponse {"))
        #expect(operations.contains(#"try Validation.check(request2, at: "request", maxLength: 4)"#))
        #expect(operations.contains(#"try request.setPathParameter("request", request2)"#))
        #expect(operations.contains(#"try request.addQueryParameter("runtime", runtime)"#))
        #expect(operations.contains("return try await self.runtime.send(request, expecting: [200], decoding: ListThingsResponse.self)"))
        // The pages function's locals are `cursor` and `page`; `request` is no local there.
        #expect(operations.contains("public func allThings(request: String, runtime: String? = nil, page page2: Int? = nil, startingAt startCursor: String? = nil) -> CursorPages<String> {"))
        #expect(operations.contains("let page = try await self.listThings(request: request, runtime: runtime, page: page2, cursor: cursor)"))
    }
}

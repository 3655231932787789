import Testing
@testable import WherebyCodegenCore

@Suite struct SwiftEmitterTests {
    @Test func stringEnumsKeepUnknownValues() throws {
        let output = try generate(document(components: """
            schemas:
              Mode: { type: string, enum: [group, normal, "in_progress", default] }
            """))
        let types = output.text(of: .types)
        #expect(types.contains("public enum Mode: RawRepresentable, Codable, Hashable, Sendable, CaseIterable {"))
        #expect(types.contains("    case unknown(String)"))
        #expect(types.contains(#"    case "in_progress": self = .inProgress"#))
        #expect(types.contains(#"    case "default": self = .`default`"#))
        #expect(types.contains("    default: self = .unknown(rawValue)"))
        #expect(types.contains("    case .unknown(let value): value"))
        #expect(types.contains("public static let allCases: [Mode] = [.group, .normal, .inProgress, .`default`]"))
    }

    @Test func integerEnumsUseIntegerRawValues() throws {
        let output = try generate(document(components: """
            schemas:
              Level: { type: integer, enum: [1, 2, 10] }
            """))
        let types = output.text(of: .types)
        #expect(types.contains("public init(rawValue: Int) {"))
        #expect(types.contains("    case 10: self = ._10"))
        #expect(types.contains("case unknown(Int)"))
    }

    @Test func requiredNullablePropertiesAreAlwaysEncoded() throws {
        let output = try generate(document(components: """
            schemas:
              Page:
                type: object
                required: [cursor, count]
                properties:
                  cursor: { type: string, nullable: true }
                  count: { type: integer }
                  note: { type: string }
            """))
        let types = output.text(of: .types)
        #expect(types.contains("public var cursor: String?"))
        #expect(types.contains("self.cursor = try container.propertyIfPresent(String.self, \"cursor\")"))
        #expect(types.contains("try container.encodeProperty(cursor, \"cursor\")"))
        #expect(types.contains("try container.encodeProperty(count, \"count\")"))
        #expect(types.contains("try container.encodePropertyIfPresent(note, \"note\")"))
        #expect(types.contains("public init(cursor: String? = nil, count: Int, note: String? = nil)"))
    }

    @Test func structsCodeTheirPropertiesByDocumentName() throws {
        let output = try generate(document(components: """
            schemas:
              Plain:
                type: object
                properties:
                  first-name: { type: string, deprecated: true }
            """))
        let types = output.text(of: .types)
        #expect(!types.contains("CodingKeys"))
        #expect(types.contains(#"self.firstName = try container.propertyIfPresent(String.self, "first-name")"#))
        #expect(types.contains(#"try container.encodePropertyIfPresent(firstName, "first-name")"#))
        #expect(types.contains("    @available(*, deprecated)\n    public var firstName: String?"))
    }

    @Test func propertiesNamedLikeCodingLocalsAreEncodedThroughSelf() throws {
        let output = try generate(document(components: """
            schemas:
              Box:
                type: object
                required: [container]
                properties:
                  container: { type: string }
                  encoder: { type: string }
            """))
        let types = output.text(of: .types)
        #expect(types.contains(#"self.container = try container.property(String.self, "container")"#))
        #expect(types.contains(#"try container.encodeProperty(self.container, "container")"#))
        #expect(types.contains(#"try container.encodePropertyIfPresent(self.encoder, "encoder")"#))
    }

    @Test func deprecatedOptionalPropertiesMoveToADeprecatedInitializer() throws {
        let output = try generate(document(components: """
            schemas:
              Request:
                type: object
                required: [end]
                properties:
                  end: { type: string }
                  start: { type: string, deprecated: true }
            """))
        let types = output.text(of: .types)
        #expect(types.contains("    public init(end: String) {\n        self.end = end\n    }"))
        #expect(types.contains("    @available(*, deprecated)\n    public init(end: String, start: String?) {"))
    }

    @Test func pathParametersAndBodiesBecomeRuntimeCalls() throws {
        let output = try generate(document(paths: """
            /rooms/{roomName}/theme/tokens:
              put:
                operationId: setRoomColors
                parameters:
                  - { name: roomName, in: path, required: true, schema: { type: string } }
                  - { name: X-Trace, in: header, schema: { type: string } }
                requestBody:
                  content:
                    application/json:
                      schema: { type: object, properties: { preset: { type: string } } }
                responses:
                  "204": { description: saved }
            """))
        let operations = output.text(of: .operations)
        #expect(operations.contains("public func setRoomColors(roomName: String, xTrace: String? = nil, _ body: SetRoomColorsRequest) async throws {"))
        #expect(operations.contains(#"var request = APIRequest(operationID: "setRoomColors", method: .put, path: "/rooms/{roomName}/theme/tokens")"#))
        #expect(operations.contains(#"try request.setPathParameter("roomName", roomName)"#))
        #expect(operations.contains(#"try request.setHeaderParameter("X-Trace", xTrace)"#))
        #expect(operations.contains("request.body = .json(body)"))
        #expect(operations.contains("try await self.runtime.send(request, expecting: [204])"))
    }

    @Test func documentTextOnlyReachesCommentsAndLiterals() throws {
        let output = try generate(document(paths: """
            /x:
              get:
                operationId: "evil\\"); exit(1); //"
                summary: "*/ fatalError() /*"
                description: "line\\u2028fatalError()"
                responses:
                  "200":
                    description: "\\"\\"\\" #\\" \\\\("
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            "weird \\"name":
                              type: string
                              enum: ["a\\"b", "\\\\(x)"]
            """))
        let operations = output.text(of: .operations)
        #expect(operations.contains("public func evilExit1(") )
        #expect(operations.contains(#"operationID: "evil\"); exit(1); //""#))
        for line in (operations + output.text(of: .types)).split(separator: "\n") {
            let code = line.trimmingPrefix(while: { $0 == " " })
            if code.hasPrefix("///") || code.hasPrefix("//") { continue }
            #expect(!code.contains("fatalError"), "\(line)")
        }
        #expect(output.text(of: .types).contains(#"case "a\"b": self = .aB"#))
    }
}

import Testing
@testable import WherebyCodegenCore

/// The protocol every endpoint function makes up, which the client conforms to and a fake can
/// implement, and what the protocol extension gives every conforming type.
@Suite struct ClientProtocolEmissionTests {
    static let paths = """
        /rooms/{roomName}/theme/tokens:
          put:
            operationId: setRoomColors
            summary: Set room colors
            parameters:
              - { name: roomName, in: path, required: true, schema: { type: string } }
              - { name: X-Trace, in: header, schema: { type: string } }
            requestBody:
              content:
                application/json:
                  schema: { type: object, properties: { preset: { type: string } } }
            responses:
              "204": { description: saved }
        /rooms/{roomName}:
          delete:
            operationId: deleteRoom
            parameters:
              - { name: roomName, in: path, required: true, schema: { type: string } }
            responses:
              "204": { description: gone }
        /things:
          get:
            operationId: listThings
            parameters:
              - { name: cursor, in: query, schema: { type: string } }
              - { name: limit, in: query, schema: { type: integer } }
              - { name: sortBy, in: query, schema: { type: string } }
            responses:
              "200":
                description: a page
                content:
                  application/json:
                    schema:
                      type: object
                      required: [results]
                      properties:
                        results: { type: array, items: { type: string } }
                        cursor: { type: string, nullable: true }
        """

    /// What follows the first `marker` in `text`.
    static func text(after marker: String, in text: String) -> Substring? {
        text.firstRange(of: marker).map { text[$0.upperBound...] }
    }

    @Test func everyEndpointFunctionIsARequirementWithoutDefaultArguments() throws {
        let operations = try generate(document(paths: Self.paths), clientName: "PetClient").text(of: .operations)
        #expect(operations.contains("public protocol PetClientProtocol: Sendable {"))
        #expect(operations.contains("    func setRoomColors(roomName: String, xTrace: String?, _ body: SetRoomColorsRequest) async throws\n"))
        #expect(operations.contains("    func deleteRoom(roomName: String) async throws\n"))
        #expect(operations.contains("    func listThings(cursor: String?, limit: Int?, sortBy: String?) async throws -> ListThingsResponse\n"))
        #expect(operations.contains("extension PetClient: PetClientProtocol {"))
        // The client's own functions keep their default arguments.
        #expect(operations.contains("public func listThings(cursor: String? = nil, limit: Int? = nil, sortBy: String? = nil) async throws -> ListThingsResponse {"))
    }

    @Test func conveniencesLeaveOutOptionalArgumentsSoNoneCanStandInForARequirement() throws {
        let operations = try generate(document(paths: Self.paths), clientName: "PetClient").text(of: .operations)
        let protocolExtension = try #require(Self.text(after: "extension PetClientProtocol {", in: operations))
        #expect(protocolExtension.contains("public func setRoomColors(roomName: String, _ body: SetRoomColorsRequest) async throws {"))
        #expect(protocolExtension.contains("try await setRoomColors(roomName: roomName, xTrace: nil, body)"))
        #expect(protocolExtension.contains("public func listThings() async throws -> ListThingsResponse {"))
        #expect(protocolExtension.contains("return try await listThings(cursor: nil, limit: nil, sortBy: nil)"))
        // A function without optional arguments has nothing to leave out.
        #expect(!protocolExtension.contains("func deleteRoom("))
    }

    @Test func theAllSequenceIsBuiltOnTheProtocolsListFunction() throws {
        let operations = try generate(document(paths: Self.paths), clientName: "PetClient").text(of: .operations)
        let protocolExtension = try #require(Self.text(after: "extension PetClientProtocol {", in: operations))
        #expect(protocolExtension.contains("public func allThings(pageSize: Int? = nil, sortBy: String? = nil, startingAt startCursor: String? = nil) -> CursorPages<String> {"))
        #expect(protocolExtension.contains(#"CursorPages(operationID: "listThings", startingAt: startCursor, errorMapper: self.cursorPagesErrorMapper) { cursor in"#))
        #expect(protocolExtension.contains("let page = try await self.listThings(cursor: cursor, limit: pageSize, sortBy: sortBy)"))
        #expect(protocolExtension.contains("return CursorPage(items: page.results, nextCursor: page.cursor)"))
        // The client hands its error mapper to the sequences; a fake gets `nil` by default.
        #expect(operations.contains("public var cursorPagesErrorMapper: (@Sendable (APIClientError) -> any Error)? { self.runtime.errorMapper }"))
        #expect(protocolExtension.contains("public var cursorPagesErrorMapper: (@Sendable (APIClientError) -> any Error)? { nil }"))
        // Only in the protocol extension: the client has no second `allThings` to shadow it.
        #expect(operations.ranges(of: "func allThings(").count == 1)
    }

    @Test func aDocumentWithoutListsHasNoErrorMapperHook() throws {
        let paths = String(Self.paths[..<(Self.paths.firstRange(of: "/things:")?.lowerBound ?? Self.paths.endIndex)])
        let operations = try generate(document(paths: paths), clientName: "PetClient").text(of: .operations)
        #expect(operations.contains("public protocol PetClientProtocol: Sendable {"))
        #expect(!operations.contains("cursorPagesErrorMapper"))
    }

    @Test func theProtocolTakesTheConfiguredAccessLevel() throws {
        let model = try generate(document(paths: Self.paths), clientName: "PetClient").model
        let files = SwiftEmitter(model: model, options: EmitterOptions(accessModifier: "internal")).emit()
        let operations = files.filter { $0.name.hasPrefix("Operations") }.map(\.contents).joined()
        #expect(operations.contains("internal protocol PetClientProtocol: Sendable {"))
        #expect(operations.contains("internal func allThings("))
        #expect(!operations.contains("public "))
    }

    @Test func theProtocolClosesTheLastOperationsPartOnly() throws {
        let output = try generate(document(paths: Self.paths), clientName: "PetClient")
        let parts = GeneratorConfiguration.File.operations.fileNames.map(output.file)
        #expect(parts.last?.contains("public protocol PetClientProtocol") == true)
        #expect(parts.dropLast().allSatisfy { !$0.contains("PetClientProtocol") })
    }
}

import Testing
@testable import WherebyCodegenCore

/// The Emission stage on its own: an intermediate model built by hand, with no document behind
/// it, comes out as Swift. What is emitted depends on the model alone.
@Suite struct SwiftEmitterModelTests {
    static let room = TypeDeclaration(
        path: TypePath(["Room"]),
        kind: .structure([
            PropertyModel(swiftName: "id", jsonName: "id", type: .string, presence: .required, documentation: Documentation(), constraints: ConstraintsModel()),
            PropertyModel(swiftName: "hostName", jsonName: "host_name", type: .string, presence: .optional, documentation: Documentation(summary: "Who hosts it."), constraints: ConstraintsModel()),
            PropertyModel(swiftName: "mode", jsonName: "mode", type: .named(TypePath(["Room", "Mode"])), presence: .requiredNullable, documentation: Documentation(), constraints: ConstraintsModel()),
            PropertyModel(swiftName: "legacy", jsonName: "legacy", type: .array(.integer(.int64)), presence: .optional, documentation: Documentation(isDeprecated: true), constraints: ConstraintsModel()),
        ]),
        documentation: Documentation(summary: "A room."),
        nested: [
            TypeDeclaration(
                path: TypePath(["Room", "Mode"]),
                kind: .stringEnum([EnumCaseModel(swiftName: "group", rawValue: "group"), EnumCaseModel(swiftName: "inProgress", rawValue: "in-progress")]),
                documentation: Documentation()
            ),
        ]
    )

    static func model(types: [TypeDeclaration]) -> APIModel {
        APIModel(sourceFileName: "hand-made.yaml", title: "Hand made", version: "1.0", description: nil, clientName: "HandClient", types: types)
    }

    static func types(_ files: [GeneratedFile]) -> String {
        files.filter { $0.name.hasPrefix("Types") }.map(\.contents).joined()
    }

    @Test func emitsAStructWithItsNestedEnumFromTheModelAlone() {
        let types = Self.types(SwiftEmitter(model: Self.model(types: [Self.room])).emit())
        #expect(types.contains("/// A room.\npublic struct Room: Codable, Equatable, Sendable {"))
        #expect(types.contains("    public var id: String"))
        #expect(types.contains("    /// Who hosts it.\n    public var hostName: String?"))
        #expect(types.contains("    /// Always sent; `nil` is sent as `null`.\n    public var mode: Room.Mode?"))
        #expect(types.contains("    @available(*, deprecated)\n    public var legacy: [Int64]?"))
        // The JSON name is what is read and written, not the Swift one.
        #expect(types.contains(#""host_name""#))
        #expect(!types.contains(#""hostName""#))
        #expect(types.contains("    public enum Mode: RawRepresentable, Codable, Hashable, Sendable, CaseIterable {"))
        #expect(types.contains(#"        case "in-progress": self = .inProgress"#))
        #expect(types.contains("        case unknown(String)"))
    }

    @Test func optionsChangeTheOutputAndNothingElseDoes() {
        let model = Self.model(types: [Self.room])
        let first = SwiftEmitter(model: model).emit()
        #expect(first == SwiftEmitter(model: model).emit())
        let internalTypes = Self.types(SwiftEmitter(model: model, options: EmitterOptions(accessModifier: "internal", hashableModels: true)).emit())
        #expect(internalTypes.contains("internal struct Room: Codable, Hashable, Sendable {"))
        #expect(!internalTypes.contains("public "))
    }

    @Test func theHeaderNamesTheSourceAndTheCommand() throws {
        let files = SwiftEmitter(model: Self.model(types: []), options: EmitterOptions(regenerateCommand: "make client")).emit()
        let client = try #require(files.first { $0.name == "Client.swift" })
        #expect(client.contents.contains("hand-made.yaml"))
        #expect(client.contents.contains("make client"))
        #expect(files.map(\.name) == SwiftEmitter.fileNames)
    }
}

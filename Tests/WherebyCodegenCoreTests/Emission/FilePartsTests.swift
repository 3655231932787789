import Testing
@testable import WherebyCodegenCore

/// Types and operations are cut into a fixed number of files of about equal size, so the
/// compiler's parallel jobs share them; the cut never changes the code.
@Suite struct FilePartsTests {
    @Test func equalPiecesFillEqualParts() {
        // 80 pieces of 100 bytes each.
        let pieces = (0..<80).map { index in "piece \(index + 100) " + String(repeating: ".", count: 90) }
        let parts = FileParts.partition(pieces, into: 8)
        #expect(parts.map(\.count) == Array(repeating: 10, count: 8))
        #expect(parts.flatMap { $0 } == pieces, "pieces keep their order")
    }

    @Test func partsAreAlwaysTheAskedNumberEvenWhenPiecesRunOut() {
        #expect(FileParts.partition([], into: 4) == [[], [], [], []])
        #expect(FileParts.partition(["one"], into: 3) == [["one"], [], []])
        let big = String(repeating: "x", count: 1000)
        // A piece larger than all the others together stays whole, and starts a part of its own.
        #expect(FileParts.partition(["a", big, "b", "c"], into: 3) == [["a"], [big], ["b", "c"]])
    }

    @Test func wherebyTypesAreCutIntoBalancedParts() throws {
        let output = try SnapshotTests.wherebyOutput()
        let parts = GeneratorConfiguration.File.types.fileNames.map(output.file)
        let bodies = parts.map { $0.utf8.count }
        let average = bodies.reduce(0, +) / bodies.count
        #expect(bodies.allSatisfy { $0 > average / 2 && $0 < average * 2 }, "part sizes \(bodies)")
        // CreateMeetingRequest alone is about half of the types: its nested types follow it in
        // extensions, so they can go to the next parts.
        let all = output.text(of: .types)
        #expect(all.contains("\nextension CreateMeetingRequest {\n    /// "))
        #expect(!all.contains("\nextension Meeting {"), "a type smaller than a part stays whole")
        #expect(parts.allSatisfy { $0.hasPrefix("// Types for the schemas of Whereby REST API, part ") })
    }

    @Test func cuttingChangesNoCode() throws {
        let output = try SnapshotTests.wherebyOutput()
        let emitter = SwiftEmitter(model: output.model)
        // The same code as one file of each kind: nested types inline, no extensions.
        let whole = [
            "Types.swift": emitter.typesFiles(count: 1)[0],
            "Operations.swift": emitter.operationsFiles(count: 1)[0],
        ]
        #expect(!whole["Types.swift", default: ""].contains("\nextension CreateMeetingRequest {"))
        #expect(GeneratedChangeSummary(old: whole, new: output.files).isEmpty)
        let cut = Dictionary(uniqueKeysWithValues: output.files.map { ($0.name, $0.contents) })
        #expect(GeneratedChangeSummary(old: cut, new: output.files).isEmpty)
    }

    @Test func aLargeDeprecatedTypeStaysWhole() throws {
        // Extending a deprecated type warns, so its nested types stay inside it, however large.
        let properties = (0..<40).map { "      field\($0): { type: object, properties: { value: { type: string } } }" }
        let output = try generate(document(paths: """
            /small:
              get:
                operationId: getSmall
                responses:
                  "200":
                    description: A small one.
                    content:
                      application/json:
                        schema: { $ref: "#/components/schemas/Small" }
            """, components: """
            schemas:
              Small: { type: object, properties: { id: { type: string } } }
              Old:
                deprecated: true
                type: object
                properties:
            \(properties.joined(separator: "\n"))
            """))
        let types = output.text(of: .types)
        #expect(types.contains("@available(*, deprecated)\npublic struct Old:"))
        #expect(types.contains("    public struct Field39: Codable, Equatable, Sendable {"))
        #expect(!types.contains("extension Old"))
    }

    @Test func operationsPartsAreClientExtensionsAndEmptyPartsSaySo() throws {
        let output = try generate(document(paths: """
            /only:
              get:
                operationId: getOnly
                responses:
                  "204": { description: Nothing. }
            """))
        let parts = GeneratorConfiguration.File.operations.fileNames.map(output.file)
        #expect(parts[0].contains("extension \(output.model.clientName) {\n    /// "))
        #expect(parts[0].hasSuffix("    }\n}\n"))
        #expect(parts[1].hasSuffix("import OpenAPIClientSupport\n\n// Empty: the document's operations fit in the parts before this one.\n"))
        #expect(!parts[1].contains("extension"))
    }
}

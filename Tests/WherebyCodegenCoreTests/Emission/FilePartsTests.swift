import Testing
@testable import WherebyCodegenCore

/// Types and operations are cut into a fixed number of files of about equal size, so the
/// compiler's parallel jobs share them; the cut never changes the code.
@Suite struct FilePartsTests {
    @Test func equalPiecesFillEqualParts() {
        let parts = FileParts.partition(sizes: Array(repeating: 100, count: 80), into: 8)
        #expect(parts == stride(from: 0, to: 80, by: 10).map { $0..<($0 + 10) })
    }

    @Test func partsAreAlwaysTheAskedNumberEvenWhenPiecesRunOut() {
        #expect(FileParts.partition(sizes: [], into: 4) == [0..<0, 0..<0, 0..<0, 0..<0])
        #expect(FileParts.partition(sizes: [3], into: 3) == [0..<1, 1..<1, 1..<1])
        // A piece larger than all the others together stays whole, and starts a part of its own.
        #expect(FileParts.partition(sizes: [1, 1000, 1, 1], into: 3) == [0..<1, 1..<2, 2..<4])
    }

    @Test func renderedPartsHoldEveryPieceInOrderOneBlankLineApart() {
        let pieces = ["a\n", "b\n", "c\n", "d\n"]
        let parts = FileParts.render(pieces, into: 3) { index, isEmpty, writer in
            writer.line("// part \(index + 1)\(isEmpty ? ", empty" : "")")
        } close: { isEmpty, writer in
            if !isEmpty { writer.line("// end") }
        }
        #expect(parts == ["// part 1\na\n// end\n", "// part 2\nb\n\nc\n// end\n", "// part 3\nd\n// end\n"])
        #expect(FileParts.render([], into: 2) { index, isEmpty, writer in writer.line("\(index) \(isEmpty)") } == ["0 true\n", "1 true\n"])
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
        #expect(parts[1].contains("import OpenAPIClientSupport\n\n// Empty: the document's operations fit in the parts before this one.\n"))
        #expect(!parts[1].contains("extension \(output.model.clientName) {"))
        // The last part, empty or not, ends with the protocol the functions make up.
        #expect(parts[1].contains("public protocol \(output.model.clientName)Protocol: Sendable {"))
        #expect(!parts[0].contains("protocol"))
    }
}

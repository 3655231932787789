import Testing
@testable import WherebyCodegenCore

@Suite("Document reader")
struct DocumentReaderTests {
    @Test(arguments: [
        ("spec.json", "a: 1", DocumentFormat.json),
        ("spec.JSON", "a: 1", .json),
        ("spec.yaml", "{\"a\": 1}", .yaml),
        ("spec.yml", "{\"a\": 1}", .yaml),
        ("dir.json/spec.Yml", "[]", .yaml),
        ("spec", "  \n\t{\"a\": 1}", .json),
        ("spec.txt", "[1, 2]", .json),
        ("spec.txt", "\u{FEFF}{\"a\": 1}", .json),
        ("spec", "openapi: 3.0.0", .yaml),
        ("spec", "# {comment}\n{}", .yaml),
        (".json", "a: 1", .yaml),
        ("spec", "", .yaml),
    ])
    func picksFormatFromExtensionThenContents(path: String, text: String, expected: DocumentFormat) {
        #expect(DocumentFormat(path: path, bytes: Array(text.utf8)) == expected)
    }

    @Test func readsJSONAndYAMLIntoTheSameTree() throws {
        let json = try DocumentReader.read(SourceFile(path: "a.json", bytes: Array(#"{"a": [1, 2.5, "x", true, null]}"#.utf8)))
        let yaml = try DocumentReader.read(SourceFile(path: "a.yaml", bytes: Array("a:\n  - 1\n  - 2.5\n  - x\n  - true\n  - null\n".utf8)))
        #expect(json.firstStructuralDifference(from: yaml) == nil)
    }

    @Test func honoursAnExplicitFormat() throws {
        let file = SourceFile(path: "spec.json", bytes: Array("a: 1".utf8))
        #expect(try DocumentReader.read(file, format: .yaml)["a"]?.value == .integer("1"))
    }

    @Test func readsWherebyYAMLFixtureAsTheSameTreeAsTheJSONSpec() throws {
        let json = try DocumentReader.read(try SourceFile.load(path: packageRoot + "/spec/whereby.json"))
        let yaml = try DocumentReader.read(try SourceFile.load(path: packageRoot + "/Tests/WherebyCodegenCoreTests/Fixtures/whereby.yaml"))
        #expect(json.firstStructuralDifference(from: yaml) == nil)
        #expect(json["paths"]?.entries?.count == yaml["paths"]?.entries?.count)
    }

    @Test func reportsStructuralDifferencesWithTheirPointer() throws {
        let left = try readJSON(#"{"paths": {"/a/b": [1, 2]}}"#)
        let right = try readJSON(#"{"paths": {"/a/b": [1, "2"]}}"#)
        #expect(left.firstStructuralDifference(from: right) == #"#/paths/~1a~1b/1: integer("2") against string("2")"#)
    }

    @Test func loadsAFile() throws {
        let file = try SourceFile.load(path: packageRoot + "/spec/whereby.json")
        #expect(file.path.hasSuffix("spec/whereby.json"))
        #expect(file.bytes.first == UInt8(ascii: "{"))
        #expect(file.bytes.count > 50_000)
    }

    @Test func rejectsAMissingFileWithItsPath() throws {
        let error = #expect(throws: DiagnosticError.self) { try SourceFile.load(path: "missing/spec.yaml") }
        let diagnostic = try #require(error?.diagnostics.first)
        #expect(diagnostic.id == .unreadableFile)
        #expect(diagnostic.description == "missing/spec.yaml: error: cannot read file: no such file or directory")
    }

    @Test func rejectsADirectory() throws {
        let error = #expect(throws: DiagnosticError.self) { try SourceFile.load(path: packageRoot + "/spec") }
        #expect(error?.diagnostics.first?.message == "cannot read file: is a directory")
    }
}

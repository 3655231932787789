import Foundation
import TestSupport
import Testing

/// Code generated from documents of every shape compiles against OpenAPIClientSupport alone.
///
/// Each fixture in `Tests/Corpus/documents` exercises a family of features (composition,
/// recursion, values, transport, parameter styles, Swagger-style oddities, hostile names, files split by `$ref`).
/// `Tests/Corpus/check-corpus.sh` runs the same check over real public documents as well.
@Suite struct CorpusTests {
    static let documents: [String] = {
        let folder = CLITests.repositoryRoot.appendingPathComponent("Tests/Corpus/documents")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().compactMap { name in
            if name.hasSuffix(".yaml") || name.hasSuffix(".json") { return "Tests/Corpus/documents/\(name)" }
            let api = folder.appendingPathComponent(name).appendingPathComponent("api.yaml")
            return FileManager.default.fileExists(atPath: api.path) ? "Tests/Corpus/documents/\(name)/api.yaml" : nil
        }
    }()

    @Test func corpusHasDocuments() {
        #expect(Self.documents.count >= 7)
    }

    @Test(arguments: documents)
    func generatedCodeTypeChecks(document: String) async throws {
        let cli = CLITests()
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try await cli.run(["generate", "--spec", document, "--output", folder.path, "--no-overlay", "--quiet"])
        #expect(generated.status == 0, "\(generated.standardError)")

        try await typeCheck(folder)
    }

    @Test func aConfiguredClientTypeChecks() async throws {
        let cli = CLITests()
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try await cli.run(["generate", "--spec", "Tests/Corpus/documents/composition.yaml", "--config", "Tests/Corpus/configurations/shaped.yaml", "--output", folder.path, "--quiet"])
        #expect(generated.status == 0, "\(generated.standardError)")
        let operations = try texts(in: folder, startingWith: "Operations")
        #expect(operations.contains("extension PetStore {"))
        #expect(operations.contains("internal func allPets() async throws -> [Animal] {"))
        #expect(!operations.contains("addPet"))
        let types = try texts(in: folder, startingWith: "Types")
        #expect(types.contains("internal var identifier: Int64"))
        #expect(types.contains(": Codable, Hashable, Sendable {"), "hashable: true")
        #expect(!types.contains("Equatable"))
        try await typeCheck(folder)
    }

    /// Names in every convention, kept as the document spells them (`access_token`, `HTTPCode`,
    /// `IMAGE_FILE`), still compile; the default style is checked with the rest of the corpus.
    @Test func theDocumentsOwnSpellingTypeChecks() async throws {
        let cli = CLITests()
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try await cli.run(["generate", "--spec", "Tests/Corpus/documents/naming.yaml", "--config", "Tests/Corpus/configurations/document-naming.yaml", "--output", folder.path, "--quiet"])
        #expect(generated.status == 0, "\(generated.standardError)")
        let types = try texts(in: folder, startingWith: "Types")
        #expect(types.contains("public var access_token: String\n"))
        #expect(types.contains("public var HTTPCode: Int\n"))
        #expect(types.contains("case IMAGE_FILE\n"))
        try await typeCheck(folder)
    }

    /// The generated files whose names start with `prefix`, one text after the other.
    func texts(in folder: URL, startingWith prefix: String) throws -> String {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(prefix) }.sorted()
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
            .joined()
    }

    func typeCheck(_ folder: URL) async throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
        let arguments = ["swiftc", "-typecheck", "-swift-version", "6", "-I", CLITests.binary.deletingLastPathComponent().appendingPathComponent("Modules").path, "-module-name", "Generated"]
            + files.map { folder.appendingPathComponent($0).path }
        let compiler = try await ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), arguments)
        let log = compiler.standardOutput + compiler.standardError
        #expect(compiler.status == 0, "\(log.split(separator: "\n").filter { $0.contains("error:") }.prefix(10).joined(separator: "\n"))")
        #expect(!log.contains("warning:"), "\(log.split(separator: "\n").filter { $0.contains("warning:") }.prefix(10).joined(separator: "\n"))")
    }

    @Test func hostileNamesStayInCommentsAndLiterals() async throws {
        let cli = CLITests()
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await cli.run(["generate", "--spec", "Tests/Corpus/documents/hostile.yaml", "--output", folder.path, "--quiet"])
        for name in CLITests.generatedNames {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") {
                var code = Substring(line.drop { $0 == " " })
                if code.hasPrefix("//") { continue }
                // Drop string literals: what remains is code and validated identifiers, never a call
                // or a comment terminator smuggled in from the document.
                while let open = code.firstIndex(of: "\"") {
                    var index = code.index(after: open)
                    while index < code.endIndex, code[index] != "\"" {
                        index = code[index] == "\\" ? code.index(index, offsetBy: 2, limitedBy: code.endIndex) ?? code.endIndex : code.index(after: index)
                    }
                    code = code[..<open] + (index < code.endIndex ? code[code.index(after: index)...] : "")
                }
                #expect(!code.contains("fatalError("), "\(name): \(line)")
                #expect(!code.contains("pwned("), "\(name): \(line)")
                #expect(!code.contains("*/"), "\(name): \(line)")
                #expect(!code.unicodeScalars.contains { $0.properties.isBidiControl }, "\(name): \(line)")
            }
        }
    }
}

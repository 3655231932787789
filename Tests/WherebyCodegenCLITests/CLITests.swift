import Foundation
import Testing

/// Runs the built `whereby-codegen` binary the way a maintainer or the plugin does.
@Suite struct CLITests {
    struct Run {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("whereby-codegen")
        }
        #endif
        return Bundle.main.bundleURL.appendingPathComponent("whereby-codegen")
    }

    func run(_ arguments: [String], in directory: URL = CLITests.repositoryRoot) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func checkPassesOnTheCommittedOutput() throws {
        let result = try run(["generate", "--check"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("generated is up to date with spec/whereby.json: 27 operations"))
        #expect(result.standardError.isEmpty, "spec/whereby.overlay.yaml repairs every defect")
    }

    @Test func withoutTheOverlayTheVendorDefectsAreLocatedWarnings() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(["generate", "--no-overlay", "--output", folder.path])
        #expect(result.status == 0)
        #expect(result.standardError.contains("spec/whereby.json:1:9600: warning: operation has no operationId; naming it 'createMeeting' from its summary 'Create meeting' [#/paths/~1meetings/post]"))
        #expect(result.standardOutput.contains("90 warnings"))
    }

    @Test func generateWritesTheThreeFilesThenLeavesThemAlone() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try run(["generate", "--spec", "spec/whereby.json", "--output", folder.path])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("3 written, 0 unchanged"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["Client.swift", "Operations.swift", "Types.swift"])
        let second = try run(["generate", "--spec", "spec/whereby.json", "--output", folder.path, "--quiet"])
        #expect(second.status == 0)
        #expect(second.standardOutput.isEmpty)
    }

    @Test func checkReportsAStaleFolderWithADiff() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try run(["generate", "--output", folder.path, "--quiet"])
        let types = folder.appendingPathComponent("Types.swift")
        let edited = try String(contentsOf: types, encoding: .utf8).replacingOccurrences(of: "public struct Meeting:", with: "public struct Meetin:")
        try edited.write(to: types, atomically: true, encoding: .utf8)
        let result = try run(["generate", "--output", folder.path, "--check"])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("-public struct Meetin: Codable, Hashable, Sendable {"))
        #expect(result.standardOutput.contains("+public struct Meeting: Codable, Hashable, Sendable {"))
        #expect(result.standardError.contains("error: \(folder.path) is stale (Types.swift)"))
        #expect(try String(contentsOf: types, encoding: .utf8) == edited, "--check must write nothing")
    }

    @Test func truncatedDocumentFailsWithALocatedErrorAndTouchesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        _ = try run(["generate", "--output", output.path, "--quiet"])
        let before = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted().map {
            try Data(contentsOf: output.appendingPathComponent($0))
        }
        let spec = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("spec/whereby.json"), encoding: .utf8)
        let truncated = folder.appendingPathComponent("truncated.json")
        try String(spec.prefix(20_000)).write(to: truncated, atomically: true, encoding: .utf8)

        let result = try run(["generate", "--spec", truncated.path, "--output", output.path])
        #expect(result.status == 1)
        // Located at the construct the input ends in: here the string cut off at column 20,000.
        let location = result.standardError.split(separator: " ").first.map(String.init) ?? ""
        #expect(location.hasPrefix("\(truncated.path):1:"), "\(result.standardError)")
        let column = Int(location.split(separator: ":").dropFirst(2).first ?? "") ?? 0
        #expect((19_900...20_001).contains(column), "\(result.standardError)")
        #expect(result.standardError.contains(": error: "))
        let after = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted().map {
            try Data(contentsOf: output.appendingPathComponent($0))
        }
        #expect(before == after)
    }

    @Test func missingSpecIsAnInputError() throws {
        let result = try run(["generate", "--spec", "does/not/exist.yaml", "--output", "/tmp/unused-\(UUID().uuidString)"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("does/not/exist.yaml: error: "))
    }

    @Test func badConfigurationIsALocatedInputError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("whereby-codegen.yaml")
        try "accessModifier: open\nnaming: { typs: {} }\n".write(to: config, atomically: true, encoding: .utf8)
        let result = try run(["generate", "--config", config.path, "--output", folder.appendingPathComponent("out").path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(config.path):1:17: error: 'accessModifier' must be public, package or internal, not 'open'"))
        #expect(result.standardError.contains("\(config.path):2:11: error: unknown key 'typs' in 'naming'"))
        #expect(result.standardError.contains("2 errors (2 invalid-configuration)"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func diagnosticsCanBeJSONLines() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(["generate", "--no-overlay", "--output", folder.path, "--diagnostics-format", "json", "--quiet"])
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 90)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["severity"] as? String == "warning")
        #expect(first?["file"] as? String == "spec/whereby.json")
        #expect(first?["line"] as? Int == 1)
        #expect((first?["pointer"] as? String)?.hasPrefix("#/") == true)
        #expect(!result.standardError.contains("\u{1B}["), "no colour when standard error is not a terminal")
    }

    @Test func verboseSaysWhatWasReadAndWritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(["generate", "--output", folder.path, "--verbose"])
        #expect(result.standardOutput.contains("overlays: spec/whereby.overlay.yaml"))
        #expect(result.standardOutput.contains("wrote \(folder.path)/Types.swift"))
        #expect(result.standardOutput.contains("generation took "))
        let both = try run(["generate", "--quiet", "--verbose"])
        #expect(both.status == 64)
    }

    @Test func diffComparesTwoVersionsAndFailsOnBreakingChangesWhenAsked() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The vendor file alone (no overlay beside this copy) against the repaired one.
        let raw = folder.appendingPathComponent("whereby.json")
        try FileManager.default.copyItem(at: Self.repositoryRoot.appendingPathComponent("spec/whereby.json"), to: raw)
        let result = try run(["diff", raw.path, "spec/whereby.json"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("BREAKING removed operation getDetailsForParticipantInSession (GET /insights/participant)"))
        #expect(result.standardOutput.contains("         added operation getParticipantDetails (GET /insights/participant)"))
        #expect(result.standardOutput.contains("BREAKING changed type Recording.recordingId: now String, was JSONValue"))
        let strict = try run(["diff", "--fail-on-breaking", raw.path, "spec/whereby.json"])
        #expect(strict.status == 1)
        let same = try run(["diff", "--fail-on-breaking", "spec/whereby.json", "spec/whereby.json"])
        #expect(same.status == 0)
        #expect(same.standardOutput == "no changes to operations or types\n")
    }

    @Test func summarizeChangesSaysWhatRegenerationChanged() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try run(["generate", "--no-overlay", "--output", folder.path, "--quiet"])
        let result = try run(["generate", "--output", folder.path, "--summarize-changes", "--quiet"])
        // Only code counts: the overlay renames one operation and makes the insights filters deepObject.
        #expect(result.standardOutput.contains("operations: 1 added (getParticipantDetails), 1 removed (getDetailsForParticipantInSession), 1 changed (listRoomInsights)\n"))
        #expect(result.standardOutput.contains("types: 1 added (GetParticipantDetailsResponse), 1 removed (GetDetailsForParticipantInSessionResponse)"))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let result = try run(["generate", "--no-such-option"])
        #expect(result.status == 64)
    }

    @Test func helpDocumentsEveryOption() throws {
        let result = try run(["generate", "--help"])
        #expect(result.status == 0)
        for option in ["--spec <file>", "--overlay <file>", "--no-overlay", "--config <file>", "--output <dir>", "--check", "--client-name <name>", "--all-files", "--diagnostics-format <format>", "--quiet", "--verbose"] {
            #expect(result.standardOutput.contains(option), "\(option) missing from --help")
        }
    }
}

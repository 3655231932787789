import Foundation
import TestSupport
import Testing

/// Code generated from `allof.yaml` compiles into a program with the runtime, and its types
/// decode a JSON example and encode it back to the same JSON: wrapped references are the types
/// they wrap, merged structs hold every member's properties with the members' nested types.
@Suite struct CompositionRoundTripTests {
    /// The program compiled with the generated files. Type annotations name the types where the
    /// resolver must have put them (`PartA.Status`, not a copy in `Merged`); a wrong name fails
    /// the compile. Each check prints a line, or the program exits with a message.
    static let program = #"""
        import Foundation

        func fail(_ message: String) -> Never {
            FileHandle.standardError.write(Data((message + "\n").utf8))
            exit(1)
        }

        /// Decodes `json`, encodes the value, and checks both that it decodes to the same value
        /// and that the JSON written has the same keys and values as the example.
        func roundTrip<T: Codable & Equatable>(_ type: T.Type, _ json: String) -> T {
            do {
                let data = Data(json.utf8)
                let value = try JSONDecoder().decode(T.self, from: data)
                let encoded = try JSONEncoder().encode(value)
                let again = try JSONDecoder().decode(T.self, from: encoded)
                if again != value { fail("\(T.self) decodes differently after encoding: \(value) then \(again)") }
                let original = try JSONSerialization.jsonObject(with: data) as? NSDictionary
                let written = try JSONSerialization.jsonObject(with: encoded) as? NSDictionary
                if original == nil || original != written {
                    fail("\(T.self) writes \(String(decoding: encoded, as: UTF8.self)), not the example")
                }
                return value
            } catch {
                fail("\(T.self): \(error)")
            }
        }

        let retention = roundTrip(Retention.self, """
            {"id": "r1",
             "file": {"id": "f1", "type": "file", "sequence_id": "3",
                      "file_version": {"id": "v1", "type": "file_version", "sha1": "abc"}},
             "previous_file": {"id": "f0", "type": "file"},
             "owner": {"id": "u1", "type": "user"},
             "reviewer": {"id": "u2", "type": "user"},
             "files": [{"id": "f2", "type": "file"}]}
            """)
        let file: FileMini = retention.file
        let version: FileVersionMini? = file.file_version
        let owner: UserMini? = retention.owner
        let files: [FileMini]? = retention.files
        print("retention", file.id, file.type.rawValue, version?.sha1 ?? "-", owner?.id ?? "-", files?.map(\.id) ?? [])

        let cleared = try JSONDecoder().decode(Retention.self, from: Data("""
            {"id": "r2", "file": {"id": "f1", "type": "file"}, "previous_file": null}
            """.utf8))
        print("cleared", cleared.previous_file == nil)

        let bundle = roundTrip(Bundle.self, """
            {"merged": {"id": "m1", "status": "active",
                        "detail": {"level": "high", "inner": {"kind": "leaf", "deepest": {"mode": 2, "label": "deep"}}},
                        "colour": "red",
                        "layout": {"direction": "row", "cell": {"align": "end", "padding": {"unit": "px", "size": 1.5}}},
                        "tags": [{"scope": "public"}]},
             "strict": {"id": "s1", "status": "retired", "detail": {"level": "low"}, "colour": "green", "layout": {}},
             "inline": {"id": "i1", "status": "active", "colour": "blue", "note": {"tone": "dry"}}}
            """)
        let status: PartA.Status? = bundle.merged.status
        let mode: PartA.Detail.Inner.Deepest.Mode? = bundle.merged.detail?.inner?.deepest?.mode
        let unit: PartB.Layout.Cell.Padding.Unit? = bundle.merged.layout?.cell?.padding?.unit
        let scope: PartB.Tag.Scope? = bundle.merged.tags?.first?.scope
        let strictStatus: PartA.Status = bundle.strict.status
        let strictLayout: PartB.Layout = bundle.strict.layout
        let inlineColour: PartB.Colour? = bundle.inline?.colour
        let tone: Bundle.Inline.Note.Tone? = bundle.inline?.note?.tone
        print("merged", status?.rawValue ?? "-", mode?.rawValue ?? 0, unit?.rawValue ?? "-", scope?.rawValue ?? "-")
        print("strict", strictStatus.rawValue, strictLayout == PartB.Layout())
        print("inline", inlineColour == .unknown("blue"), tone?.rawValue ?? "-")

        do {
            _ = try JSONDecoder().decode(MergedRequired.self, from: Data(#"{"id": "s2", "status": "active", "detail": {"level": "low"}, "colour": "red"}"#.utf8))
            print("strict without layout decoded")
        } catch {
            print("strict without layout rejected")
        }
        """#

    @Test func generatedCompositionTypesRoundTripAJSONExample() async throws {
        let cli = CLITests()
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try await cli.run(["generate", "--spec", "Tests/Corpus/documents/allof.yaml", "--output", folder.path, "--no-overlay", "--quiet"])
        #expect(generated.status == 0, "\(generated.standardError)")
        try Self.program.write(to: folder.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)

        let executable = folder.appendingPathComponent("round-trip")
        let compiler = try await ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), try compileArguments(in: folder, output: executable))
        let log = compiler.standardOutput + compiler.standardError
        try #require(compiler.status == 0, "\(log.split(separator: "\n").filter { $0.contains("error:") }.prefix(10).joined(separator: "\n"))")
        #expect(!log.contains("warning:"), "\(log.split(separator: "\n").filter { $0.contains("warning:") }.prefix(10).joined(separator: "\n"))")

        let run = try await ChildProcess.run(executable, [])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.split(separator: "\n") == [
            "retention f1 file abc u1 [\"f2\"]",
            "cleared true",
            "merged active 2 px public",
            "strict retired true",
            "inline true dry",
            "strict without layout rejected",
        ])
    }

    /// `swiftc` building the generated files and the program into an executable, linked with the
    /// runtime's objects as the package build left them: OpenAPIClientSupport and the two
    /// packages it depends on.
    private func compileArguments(in folder: URL, output: URL) throws -> [String] {
        let products = CLITests.binary.deletingLastPathComponent()
        let sources = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
        var objects: [String] = []
        for module in ["OpenAPIClientSupport", "OpenAPIRuntime", "HTTPTypes"] {
            let directory = products.appendingPathComponent("\(module).build")
            objects += try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".o") }.sorted()
                .map { directory.appendingPathComponent($0).path }
        }
        return ["swiftc", "-swift-version", "6", "-I", products.appendingPathComponent("Modules").path, "-module-name", "Generated", "-o", output.path]
            + sources.map { folder.appendingPathComponent($0).path } + objects
    }
}

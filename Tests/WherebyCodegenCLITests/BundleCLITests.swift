import Foundation
import TestSupport
import Testing

/// `whereby-codegen bundle`, run as a user runs it.
@Suite struct BundleCLITests {
    @Test func writesWherebysDocumentAsYAML() async throws {
        let cli = CLITests()
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("whereby.bundle.yaml")
        let result = try await cli.run(["bundle", "--output", output.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty, "the document goes to the file")
        let text = try String(contentsOf: output, encoding: .utf8)
        #expect(text.hasPrefix("\"openapi\": \"3.1.0\"\n\"info\":\n  \"title\": "), "\(text.prefix(80))")
        // The overlay was applied: the warning the README quotes is repaired in the bundle.
        let generated = folder.appendingPathComponent("generated")
        let fromBundle = try await cli.run(["generate", "--spec", output.path, "--output", generated.path, "--quiet"])
        #expect(fromBundle.status == 0, "\(fromBundle.standardError)")
        #expect(fromBundle.standardError.isEmpty, "the bundle needs no overlay: \(fromBundle.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["generated", "whereby.bundle.yaml"], "no temporary file is left")
    }

    @Test func writesJSONToStandardOutputByDefault() async throws {
        let result = try await CLITests().run(["bundle", "--spec", "Tests/Corpus/documents/multifile/api.yaml"])
        #expect(result.status == 0, "\(result.standardError)")
        let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let schemas = (json?["components"] as? [String: Any])?["schemas"] as? [String: Any]
        #expect(schemas?.keys.sorted() == ["Pet", "owner"])
    }

    @Test func aBrokenDocumentExitsOneWithALocatedErrorAndWritesNothing() async throws {
        let cli = CLITests()
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = folder.appendingPathComponent("api.yaml")
        try """
        openapi: 3.0.3
        info: { title: Broken, version: "1" }
        paths: {}
        components:
          schemas:
            Pet: { $ref: 'pets.yaml#/Pet' }
        """.write(to: spec, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("bundle.json")
        let result = try await cli.run(["bundle", "--spec", spec.path, "--output", output.path])
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("\(spec.path):6:18: error: '$ref' 'pets.yaml#/Pet' points into 'pets.yaml', which cannot be read"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["api.yaml"])
    }
}

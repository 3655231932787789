import Foundation
import Testing
@testable import WherebyCodegenCore

/// `whereby-codegen bundle`'s core: a document split over files becomes one, which the
/// generator reads as it read the original.
@Suite struct DocumentBundlerTests {
    static let multifile = repositoryPath("Tests/Corpus/documents/multifile/api.yaml")
    static let refops = repositoryPath("Tests/Corpus/documents/refops/api.yaml")
    static let swaggerMultifile = repositoryPath("Tests/Corpus/documents/swagger2-multifile/api.yaml")
    static let whereby = repositoryPath("spec/whereby.json")
    static let wherebyOverlay = repositoryPath("spec/whereby.overlay.yaml")

    func bundle(_ path: String, overlays: [String] = []) throws -> Node {
        try DocumentBundler.bundle(GeneratorPipeline().prepare(specPath: path, overlayPaths: overlays))
    }

    /// Every `$ref` in the tree, in document order.
    func references(in node: Node) -> [String] {
        switch node.value {
        case .mapping(let entries):
            entries.flatMap { $0.key == "$ref" ? [$0.value.string ?? "?"] : references(in: $0.value) }
        case .sequence(let items):
            items.flatMap(references(in:))
        default:
            []
        }
    }

    /// The model and Swift generated from `text`, read as a document at `path` with no overlays.
    func generated(fromText text: String, path: String) throws -> GeneratorPipeline.Output {
        try GeneratorPipeline().run(SourceFile(path: path, bytes: Array(text.utf8)))
    }

    @Test func referencesIntoOtherFilesBecomeComponents() throws {
        let bundled = try bundle(Self.multifile)
        #expect(references(in: bundled) == [
            "#/components/schemas/Pet",
            "#/components/parameters/limit2",
            "#/components/schemas/owner",
            "#/components/schemas/Pet",
        ])
        let components = try #require(bundled["components"])
        #expect(components.entries?.map(\.key) == ["parameters", "schemas"])
        #expect(components["parameters"]?.entries?.map(\.key) == ["limit", "limit2"], "the document's own name is kept; the file's is numbered")
        #expect(components["schemas"]?.entries?.map(\.key) == ["Pet", "owner"])
        #expect(components["parameters"]?["limit2"]?["schema"]?["maximum"]?.value == .integer("100"))
        #expect(components["schemas"]?["owner"]?["properties"]?["pets"]?["items"]?["$ref"]?.string == "#/components/schemas/Pet",
                "a reference from one other file into another points at the one copy")
    }

    @Test func operationsAndPathItemsInOtherFilesAreWrittenInPlace() throws {
        let bundled = try bundle(Self.refops)
        let paths = try #require(bundled["paths"])
        #expect(paths["/pets"]?["get"]?["operationId"]?.string == "listPets")
        #expect(paths["/pets"]?["post"]?["operationId"]?.string == "createPet")
        #expect(paths["/pets/{petId}"]?["get"]?["operationId"]?.string == "showPet")
        #expect(paths["/pets/{petId}"]?["delete"]?["operationId"]?.string == "deletePet")
        #expect(paths["/health"]?["get"]?["operationId"]?.string == "checkHealth", "a local operation reference is not OpenAPI either")
        #expect(references(in: bundled).allSatisfy { $0.hasPrefix("#/components/") }, "\(references(in: bundled))")
        #expect(bundled["components"]?["schemas"]?.entries?.map(\.key) == ["Pet", "NewPet", "error"])
        #expect(bundled["components"]?["parameters"]?.entries?.map(\.key) == ["limit", "petId"])
    }

    @Test func aSwagger2DocumentIsBundledAsOpenAPI3() throws {
        let bundled = try bundle(Self.swaggerMultifile)
        #expect(bundled["openapi"]?.string == "3.0.3")
        #expect(bundled["swagger"] == nil)
        let schemas = bundled["components"]?["schemas"]?.entries?.map(\.key)
        #expect(schemas == ["Money", "Order", "OrderLine"])
        #expect(bundled["components"]?["schemas"]?["Order"]?["properties"]?["total"]?["$ref"]?.string == "#/components/schemas/Money",
                "a reference back into the root document by its file name is a local one")
    }

    @Test func aReferenceToNothingIsALocatedError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bundle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "Pet: { type: object, properties: { o: { $ref: 'nope.yaml' } } }\n".write(to: folder.appendingPathComponent("pet.yaml"), atomically: true, encoding: .utf8)
        let spec = folder.appendingPathComponent("api.yaml")
        try document(paths: "{}", components: """
            schemas:
              A: { $ref: 'pet.yaml#/Cat' }
              B: { $ref: 'missing.yaml' }
              C: { $ref: '#/components/schemas/D' }
              E: { $ref: 'pet.yaml#/Pet' }
            """).write(to: spec, atomically: true, encoding: .utf8)
        #expect {
            try bundle(spec.path)
        } throws: { error in
            let diagnostics = (error as? DiagnosticError)?.diagnostics ?? []
            return diagnostics.map(\.description) == [
                "\(spec.path):8:16: error: '$ref' 'pet.yaml#/Cat' points at nothing: there is no 'Cat' there [#/components/schemas/A/$ref]",
                "\(spec.path):9:16: error: '$ref' 'missing.yaml' points into 'missing.yaml', which cannot be read: cannot read file: no such file or directory [#/components/schemas/B/$ref]",
                "\(spec.path):10:16: error: '$ref' '#/components/schemas/D' points at nothing: there is no 'D' there [#/components/schemas/C/$ref]",
                // Inside another file: its path, and the pointer within it.
                "\(folder.path)/pet.yaml:1:47: error: '$ref' 'nope.yaml' points into 'nope.yaml', which cannot be read: cannot read file: no such file or directory [#/Pet/properties/o/$ref]",
            ] || { print(diagnostics.map(\.description)); return false }()
        }
    }

    @Test func anErrorInASwagger2DocumentPointsIntoItAsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bundle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = folder.appendingPathComponent("legacy.yaml")
        try """
        swagger: "2.0"
        info: { title: Legacy, version: "1" }
        paths: {}
        definitions:
          Item: { $ref: "items.yaml#/Item" }
        """.write(to: spec, atomically: true, encoding: .utf8)
        #expect {
            try bundle(spec.path)
        } throws: { error in
            let descriptions = ((error as? DiagnosticError)?.diagnostics ?? []).map(\.description)
            return descriptions.count == 1 && descriptions[0].hasPrefix("\(spec.path):5:17: error: '$ref' 'items.yaml#/Item' points into 'items.yaml'")
                && descriptions[0].hasSuffix("[#/definitions/Item/$ref]") || { print(descriptions); return false }()
        }
    }

    @Test(arguments: [NodeWriter.Format.json, .yaml])
    func theSameInputGivesTheSameBytes(format: NodeWriter.Format) throws {
        let first = NodeWriter.write(try bundle(Self.refops), as: format)
        let second = NodeWriter.write(try bundle(Self.refops), as: format)
        #expect(first == second)
        #expect(first.hasSuffix("}\n") || format == .yaml)
    }

    /// The strongest check: the Swift generated from the bundle is the Swift generated from the
    /// vendor's document with its overlay, byte for byte.
    @Test(arguments: [NodeWriter.Format.json, .yaml])
    func wherebysBundleGeneratesTheSameSwift(format: NodeWriter.Format) throws {
        let original = try GeneratorPipeline().run(specPath: Self.whereby, overlayPaths: [Self.wherebyOverlay])
        let text = NodeWriter.write(try bundle(Self.whereby, overlays: [Self.wherebyOverlay]), as: format)
        let fromBundle = try generated(fromText: text, path: format == .json ? Self.whereby : repositoryPath("spec/whereby.yaml"))
        #expect(fromBundle.model.operations.map(\.swiftName) == original.model.operations.map(\.swiftName))
        #expect(fromBundle.model.types.map(\.name) == original.model.types.map(\.name))
        if format == .json {
            #expect(fromBundle.files == original.files)
        } else {
            // Only the header's document name differs.
            let rename = { (file: GeneratedFile) in file.contents.replacingOccurrences(of: "whereby.yaml", with: "whereby.json") }
            #expect(fromBundle.files.map(rename) == original.files.map(\.contents))
        }
    }

    /// A split document's bundle generates the same operations, byte for byte but for the
    /// remarks that say which file a type came from, and the same types but for two known
    /// differences, both in the bundle's favour.
    @Test(arguments: [
        (multifile, [String](), [String]()),
        // `error.yaml` is only a `default` response's schema, which the generator does not decode;
        // in the bundle it is a component, and every component is a type.
        (refops, ["Error"], []),
        // The original refers back to its own `Money` by the file's name, which the generator
        // reads as a second document (`Money2`); the bundle makes it the one local schema.
        (swaggerMultifile, [], ["Money2"]),
    ])
    func aSplitDocumentsBundleGeneratesTheSameSwift(path: String, added: [String], removed: [String]) throws {
        let original = try GeneratorPipeline().run(specPath: path)
        let text = NodeWriter.write(try bundle(path), as: .json)
        let fromBundle = try generated(fromText: text, path: path)
        let operations = { (output: GeneratorPipeline.Output) in
            output.files.filter { $0.name.hasPrefix("Operations") }.map {
                $0.contents.split(separator: "\n").filter { !$0.contains("- Remark: Generated from") }.joined(separator: "\n")
            }
        }
        #expect(fromBundle.model.operations.map(\.swiftName) == original.model.operations.map(\.swiftName))
        #expect(operations(fromBundle) == operations(original))
        let originalTypes = original.model.types.map(\.name)
        #expect(fromBundle.model.types.map(\.name).sorted() == (originalTypes.filter { !removed.contains($0) } + added).sorted())
        if added.isEmpty && removed.isEmpty {
            let withoutRemarks = { (output: GeneratorPipeline.Output) in
                output.files.map { $0.contents.split(separator: "\n").filter { !$0.contains("- Remark: Generated from") }.joined(separator: "\n") }
            }
            #expect(withoutRemarks(fromBundle) == withoutRemarks(original))
        }
    }

    @Test func theYAMLIsReadBackAsTheSameTree() throws {
        let bundled = try bundle(Self.refops)
        let yaml = NodeWriter.write(bundled, as: .yaml)
        let json = NodeWriter.write(bundled, as: .json)
        let fromYAML = try DocumentReader.read(SourceFile(path: "bundle.yaml", bytes: Array(yaml.utf8)))
        let fromJSON = try DocumentReader.read(SourceFile(path: "bundle.json", bytes: Array(json.utf8)))
        #expect(NodeWriter.write(fromYAML, as: .json) == json)
        #expect(NodeWriter.write(fromJSON, as: .yaml) == yaml)
    }
}

import Foundation
import Testing
@testable import WherebyCodegenCore

/// The repository's root folder, found from this file's path.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // WherebyCodegenCoreTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

/// A path inside the repository.
func repositoryPath(_ relative: String) -> String {
    repositoryRoot.appendingPathComponent(relative).path
}

/// Runs the whole pipeline on a document held in a string.
///
/// Every test names the warnings it expects: an unexpected warning, or a missing one, fails it.
@discardableResult
func generate(
    _ text: String,
    path: String = "test.yaml",
    clientName: String? = nil,
    expecting expected: [Diagnostic.ID] = [],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> GeneratorPipeline.Output {
    let pipeline = GeneratorPipeline(options: .init(resolver: ResolverOptions(clientName: clientName)))
    let output = try pipeline.run(SourceFile(path: path, bytes: Array(text.utf8)))
    let found = output.diagnostics.map(\.id.rawValue).sorted()
    #expect(found == expected.map(\.rawValue).sorted(), "warnings: \(output.diagnostics.map(\.description))", sourceLocation: sourceLocation)
    return output
}

/// The diagnostics a document that must fail produces.
func failures(_ text: String, path: String = "test.yaml") -> [Diagnostic] {
    do {
        _ = try GeneratorPipeline().run(SourceFile(path: path, bytes: Array(text.utf8)))
        return []
    } catch {
        return error.diagnostics
    }
}

extension GeneratorPipeline.Output {
    /// The text of one generated file.
    func file(_ name: String) -> String {
        files.first { $0.name == name }?.contents ?? ""
    }

    /// The texts of every part of `kind` (`Types1.swift`…), one after the other.
    func text(of kind: GeneratorConfiguration.File) -> String {
        kind.fileNames.map(file).joined()
    }

    /// The declaration at a dotted path, e.g. `CreateMeetingRequest.Recording`.
    func type(_ dotted: String) -> TypeDeclaration? {
        var candidates = model.types
        var found: TypeDeclaration?
        for name in dotted.split(separator: ".") {
            found = candidates.first { $0.name == name }
            candidates = found?.nested ?? []
        }
        return found
    }

    func operation(_ name: String) -> OperationModel? {
        model.operations.first { $0.swiftName == name }
    }
}

extension TypeDeclaration {
    var properties: [PropertyModel] {
        if case .structure(let properties) = kind { return properties }
        return []
    }

    func property(_ name: String) -> PropertyModel? {
        properties.first { $0.jsonName == name }
    }
}

/// A minimal OpenAPI 3.0 document around the given `paths` and `components` YAML.
func document(version: String = "3.0.3", paths: String = "{}", components: String = "{}") -> String {
    """
    openapi: \(version)
    info:
      title: Test API
      version: "1"
    paths: \(paths.contains("\n") ? "\n" + indent(paths, by: 2) : paths)
    components: \(components.contains("\n") ? "\n" + indent(components, by: 2) : components)
    """
}

func indent(_ text: String, by spaces: Int) -> String {
    let padding = String(repeating: " ", count: spaces)
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : padding + $0 }.joined(separator: "\n")
}

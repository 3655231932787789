import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import WherebyCodegenCore

/// `whereby-codegen diff OLD NEW`: what changed between two versions of a document.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two versions of an OpenAPI document: operations and types added, removed and changed.",
        discussion: """
            Each document is read with the overlay and configuration beside it, as generate reads it. \
            Changes that break clients under Whereby's versioning policy (removed operations or response \
            data, changed request or response formats, changed authentication, new required inputs) are \
            marked BREAKING.
            """
    )

    @Argument(help: ArgumentHelp("The earlier document.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The later document.", valueName: "new"))
    var new: String

    @Flag(name: .long, help: "Do not apply the overlays found beside the documents.")
    var noOverlay = false

    @Flag(name: .long, help: "Exit 1 when any change is breaking.")
    var failOnBreaking = false

    func run() throws {
        let before: APIModel
        let after: APIModel
        do {
            before = try model(old)
            after = try model(new)
        } catch {
            standardError(error.diagnostics.filter { $0.severity == .error }.map { $0.description + "\n" }.joined())
            throw ExitCode.failure
        }
        let diff = APIDiff(old: before, new: after)
        print(diff.report, terminator: "")
        if failOnBreaking && !diff.breaking.isEmpty { throw ExitCode.failure }
    }

    private func model(_ spec: String) throws(DiagnosticError) -> APIModel {
        let overlays = noOverlay ? [] : OverlayDiscovery.overlay(besideSpec: spec).map { [$0] } ?? []
        let configuration = try OverlayDiscovery.sibling(of: spec, named: GeneratorConfiguration.fileName).map(GeneratorConfiguration.load) ?? GeneratorConfiguration()
        let pipeline = GeneratorPipeline(options: .init(resolver: ResolverOptions(configuration: configuration)))
        return try pipeline.run(specPath: spec, overlayPaths: overlays).model
    }
}

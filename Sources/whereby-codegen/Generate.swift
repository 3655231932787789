import ArgumentParser
import Foundation
import WherebyCodegenCore

/// `whereby-codegen generate`: reads the document, writes `Client.swift`, `Types.swift` and `Operations.swift`.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate Swift models and endpoint functions from an OpenAPI document.",
        discussion: """
            Reads an OpenAPI 3.0 or 3.1 document (JSON, or YAML by its .yaml/.yml extension) and writes \
            Client.swift, Types.swift and Operations.swift into the output folder; only files whose \
            contents changed are written. Problems in the document are printed to standard error as \
            'file:line:column: warning: ...'; warnings do not change the exit code. A document that \
            cannot be used exits 1 with its errors and writes nothing.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The OpenAPI document to read.", valueName: "file"))
    var spec = "spec/whereby.json"

    @Option(name: .long, help: ArgumentHelp("An OpenAPI Overlay 1.0 file to apply to the document first; repeat to apply several in order (default: <spec name>.overlay.yaml beside the spec, when it exists).", valueName: "file"))
    var overlay: [String] = []

    @Flag(name: .long, help: "Do not apply the overlay found beside the spec.")
    var noOverlay = false

    @Option(name: .long, help: ArgumentHelp("The folder to write the generated Swift files into.", valueName: "dir"))
    var output = "generated"

    @Flag(name: .long, help: "Write nothing; exit 1 and print a unified diff when the output folder is stale.")
    var check = false

    @Option(name: .long, help: ArgumentHelp("The name of the generated client type (default: from the document's title, e.g. WherebyClient).", valueName: "name"))
    var clientName: String?

    @Flag(name: .long, help: "Print only problems, not the summary line.")
    var quiet = false

    func run() throws {
        let start = ContinuousClock.now
        let pipeline = GeneratorPipeline(options: .init(resolver: ResolverOptions(clientName: clientName)))
        let result: GeneratorPipeline.Output
        do {
            result = try pipeline.run(specPath: spec, overlayPaths: overlays)
        } catch {
            report(error.diagnostics)
            throw ExitCode.failure
        }
        report(result.diagnostics)
        let directory = OutputDirectory(path: output)
        let warnings = result.diagnostics.filter { $0.severity == .warning }.count
        let counts = "\(result.model.operations.count) operations, \(result.model.types.count) top-level types, \(warnings) warning\(warnings == 1 ? "" : "s")"

        if check {
            let differences = directory.differences(from: result.files)
            guard differences.isEmpty else {
                for difference in differences { print(difference.diff, terminator: "") }
                let names = differences.map(\.name).joined(separator: ", ")
                standardError("error: \(output) is stale (\(names)); run 'whereby-codegen generate --spec \(spec) --output \(output)'\n")
                throw ExitCode.failure
            }
            if !quiet { print("\(output) is up to date with \(spec): \(counts)") }
            return
        }

        let summary: OutputDirectory.WriteSummary
        do {
            summary = try directory.write(result.files)
        } catch {
            report(error.diagnostics)
            throw ExitCode.failure
        }
        if !quiet {
            let elapsed = start.duration(to: .now)
            let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            print("\(spec) → \(output): \(counts); \(summary.written.count) written, \(summary.unchanged.count) unchanged in \(milliseconds) ms")
        }
    }

    /// The overlays to apply: those given, else the one beside the spec (`whereby.overlay.yaml`).
    private var overlays: [String] {
        if !overlay.isEmpty || noOverlay { return overlay }
        return OverlayDiscovery.overlay(besideSpec: spec).map { [$0] } ?? []
    }

    private func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        var renderer = DiagnosticRenderer { path in
            FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        }
        standardError(diagnostics.map { renderer.render($0) }.joined())
    }
}

/// Writes to standard error, where compilers and SwiftPM expect diagnostics.
func standardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

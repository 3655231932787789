import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import WherebyCodegenCore

/// `whereby-codegen generate`: reads the document, writes `Client.swift`, `Types1.swift`… and `Operations1.swift`….
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate Swift models and endpoint functions from an OpenAPI document.",
        discussion: """
            Reads an OpenAPI 3.0 or 3.1 document (JSON, or YAML by its .yaml/.yml extension), applies \
            its overlay and configuration, and writes Client.swift, Types1.swift to Types8.swift and \
            Operations1.swift to Operations2.swift (the types and operations cut into parts of about \
            equal size, so the compiler's parallel jobs share them) into the output folder; only files \
            whose contents changed are written, and files an earlier run generated that this one does \
            not are removed. Problems are printed \
            to standard error as 'file:line:column: warning: ...'; warnings do not change the exit code. \
            A document that cannot be used exits 1 with its errors and writes nothing.
            """
    )

    enum DiagnosticsFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var document: DocumentOptions

    @Option(name: .long, help: ArgumentHelp("The configuration file (default: whereby-codegen.yaml beside the spec, when it exists).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("The folder to write the generated Swift files into.", valueName: "dir"))
    var output = "generated"

    @Flag(name: .long, help: "Write nothing; exit 1 and print a unified diff when the output folder is stale.")
    var check = false

    @Option(name: .long, help: ArgumentHelp("The name of the generated client type (default: the configuration's, else from the document's title, e.g. WherebyClient).", valueName: "name"))
    var clientName: String?

    @Flag(name: .long, help: "Write a placeholder for each file the configuration leaves out (for build tools with fixed outputs).")
    var allFiles = false

    @Option(name: .long, help: ArgumentHelp("How to print problems: text, as compilers do, or json, one object per line.", valueName: "format"))
    var diagnosticsFormat: DiagnosticsFormat = .text

    @Flag(name: .long, help: "Also print which operations and types the written files add, remove and change.")
    var summarizeChanges = false

    @Flag(name: .shortAndLong, help: "Print only problems, not the summary line.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print the inputs, the time of each stage and every file's fate.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    func run() throws {
        let start = ContinuousClock.now
        let spec = document.spec
        let configurationPath = config ?? OverlayDiscovery.sibling(of: spec, named: GeneratorConfiguration.fileName)
        let overlays = document.overlays
        if verbose {
            print("spec: \(spec)")
            print("overlays: \(overlays.isEmpty ? "none" : overlays.joined(separator: ", "))")
            print("configuration: \(configurationPath ?? "none")")
        }

        let result: GeneratorPipeline.Output
        do {
            let configuration = try configurationPath.map(GeneratorConfiguration.load) ?? GeneratorConfiguration()
            let pipeline = GeneratorPipeline(options: .init(
                resolver: ResolverOptions(clientName: clientName, configuration: configuration),
                emitter: EmitterOptions(configuration: configuration, placeholdersForOmittedFiles: allFiles)
            ))
            result = try pipeline.run(specPath: spec, overlayPaths: overlays)
        } catch {
            report(error.diagnostics)
            if !quiet, let errors = error.diagnostics.summary(of: .error) { standardError("\(errors)\n") }
            throw ExitCode.failure
        }
        report(result.diagnostics)
        let generated = ContinuousClock.now
        let directory = OutputDirectory(path: output)
        let warnings = result.diagnostics.summary(of: .warning) ?? "0 warnings"
        let counts = "\(result.model.operations.count) operations, \(result.model.types.count) top-level types, \(warnings)"

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

        let previousNames = result.files.map(\.name) + directory.obsoleteFiles(keeping: result.files)
        let previous = Dictionary(uniqueKeysWithValues: previousNames.compactMap { name in directory.contents(of: name).map { (name, $0) } })
        let summary: OutputDirectory.WriteSummary
        do {
            summary = try directory.write(result.files)
        } catch {
            report(error.diagnostics)
            throw ExitCode.failure
        }
        if summarizeChanges {
            let changes = GeneratedChangeSummary(old: previous, new: result.files)
            print(changes.isEmpty ? "no operations or types changed" : changes.report, terminator: changes.isEmpty ? "\n" : "")
        }
        if verbose {
            for name in summary.written { print("wrote \(output)/\(name)") }
            for name in summary.unchanged { print("unchanged \(output)/\(name)") }
            for name in summary.removed { print("removed \(output)/\(name), no longer generated") }
            print("generation took \(Self.milliseconds(start.duration(to: generated))) ms, writing \(Self.milliseconds(generated.duration(to: .now))) ms")
        }
        if !quiet {
            print("\(spec) → \(output): \(counts); \(summary.written.count) written, \(summary.unchanged.count) unchanged\(summary.removed.isEmpty ? "" : ", \(summary.removed.count) removed") in \(Self.milliseconds(start.duration(to: .now))) ms")
        }
    }

    private func report(_ diagnostics: [Diagnostic]) {
        printDiagnostics(diagnostics, asJSON: diagnosticsFormat == .json)
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}

/// Prints diagnostics to standard error: as compilers do (in color on a terminal, unless
/// NO_COLOR is set), or as one JSON object per line.
func printDiagnostics(_ diagnostics: [Diagnostic], asJSON: Bool) {
    guard !diagnostics.isEmpty else { return }
    if asJSON {
        standardError(diagnostics.map { $0.jsonLine + "\n" }.joined())
        return
    }
    let colors = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    var renderer = DiagnosticRenderer(colors: colors) { path in
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }
    standardError(diagnostics.map { renderer.render($0) }.joined())
}

/// Writes to standard error, where compilers and SwiftPM expect diagnostics.
func standardError(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
        var rest = UnsafeRawBufferPointer(bytes)
        while !rest.isEmpty {
            let written = write(STDERR_FILENO, rest.baseAddress, rest.count)
            guard written > 0 else { return }
            rest = UnsafeRawBufferPointer(rebasing: rest[written...])
        }
    }
}

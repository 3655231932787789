import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import WherebyCodegenCore

/// `whereby-codegen bundle`: the document as the generator reads it, in one file, for other tools.
/// (Not `Bundle`, which is Foundation's.)
struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Write the document as the generator reads it, in one file: overlays applied, other files inlined.",
        discussion: """
            Applies the overlays, converts Swagger 2.0 to OpenAPI 3.0, and copies every element that \
            a '$ref' points at in another file under 'components' (path items and operations in \
            place), so that documentation sites, API testers and mock servers read the repaired \
            document. Written as YAML when the output ends in .yaml or .yml, else as JSON; to \
            standard output without --output. A document that cannot be read exits 1 with its \
            errors and writes nothing.
            """
    )

    @OptionGroup var document: DocumentOptions

    @Option(name: .long, help: ArgumentHelp("The file to write, JSON or YAML by its extension (default: JSON to standard output).", valueName: "file"))
    var output: String?

    func run() throws {
        let text: String
        do {
            let prepared = try GeneratorPipeline().prepare(specPath: document.spec, overlayPaths: document.overlays)
            printDiagnostics(prepared.diagnostics, asJSON: false)
            let bundled = try DocumentBundler.bundle(prepared)
            text = NodeWriter.write(bundled, as: output.map(NodeWriter.Format.init(path:)) ?? .json)
        } catch {
            printDiagnostics(error.diagnostics, asJSON: false)
            throw ExitCode.failure
        }
        guard let output else {
            print(text, terminator: "")
            return
        }
        let slash = output.lastIndex(of: "/")
        let folder = slash.map { String(output[..<$0]) } ?? "."
        let name = slash.map { String(output[output.index(after: $0)...]) } ?? output
        do {
            _ = try OutputDirectory(path: folder.isEmpty ? "/" : folder).write([GeneratedFile(name: name, contents: text)])
        } catch {
            printDiagnostics(error.diagnostics, asJSON: false)
            throw ExitCode.failure
        }
    }
}

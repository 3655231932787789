import Foundation
import PackagePlugin

/// Generates the Whereby client from `spec/` on every build that needs it.
///
/// A build command with fixed inputs and outputs: SwiftPM reruns it only when the spec, the
/// overlay or the generator itself changed, so a no-op `swift build` does not run it at all.
@main
struct WherebyCodegenPlugin: BuildToolPlugin {
    /// The files the generator writes (`SwiftEmitter.fileNames`; a plugin cannot import the
    /// generator's library); fixed, so SwiftPM can plan the build without running it.
    static let outputFileNames = ["Client.swift"]
        + (1...8).map { "Types\($0).swift" }
        + (1...2).map { "Operations\($0).swift" }

    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let specDirectory = context.package.directoryURL.appending(path: "spec", directoryHint: .isDirectory)
        let spec = specDirectory.appending(path: "whereby.json")
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedSources", directoryHint: .isDirectory)
        let generator = try context.tool(named: "whereby-codegen")
        // The overlay that repairs the vendor document lives beside it, never inside it.
        let overlay = ["yaml", "yml", "json"]
            .map { specDirectory.appending(path: "whereby.overlay.\($0)") }
            .first { FileManager.default.fileExists(atPath: $0.path(percentEncoded: false)) }
        // The configuration beside the spec shapes the code; left-out files still get written, as
        // placeholders, because a build command's outputs are fixed.
        let configuration = specDirectory.appending(path: "whereby-codegen.yaml")
        let hasConfiguration = FileManager.default.fileExists(atPath: configuration.path(percentEncoded: false))
        var arguments = ["generate", "--spec", spec.path(percentEncoded: false), "--output", output.path(percentEncoded: false), "--quiet", "--all-files"]
        if hasConfiguration {
            arguments += ["--config", configuration.path(percentEncoded: false)]
        }
        if let overlay {
            arguments += ["--overlay", overlay.path(percentEncoded: false)]
        } else {
            arguments.append("--no-overlay")
        }
        return [
            .buildCommand(
                displayName: "Generating the Whereby client from \(spec.lastPathComponent)",
                executable: generator.url,
                arguments: arguments,
                inputFiles: [spec, generator.url] + (overlay.map { [$0] } ?? []) + (hasConfiguration ? [configuration] : []),
                outputFiles: Self.outputFileNames.map { output.appending(path: $0) }
            )
        ]
    }
}

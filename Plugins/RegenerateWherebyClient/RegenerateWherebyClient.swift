import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory regenerate-whereby-client`
///
/// Regenerates `generated/` from `spec/` (overlay and configuration included) and prints what
/// changed: the operations and types added, removed and changed. Reviewing a new vendor document
/// is then a matter of reading that summary and the diff of `generated/`. Extra arguments go to
/// `whereby-codegen generate` (`--check`, `--verbose`, ...).
@main
struct RegenerateWherebyClient: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let generator = try context.tool(named: "whereby-codegen")
        let root = context.package.directoryURL
        let process = Process()
        process.executableURL = generator.url
        process.currentDirectoryURL = root
        process.arguments = [
            "generate",
            "--spec", root.appending(path: "spec/whereby.json").path(percentEncoded: false),
            "--output", root.appending(path: "generated").path(percentEncoded: false),
            "--summarize-changes",
        ] + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw RegenerationFailed(status: process.terminationStatus)
        }
    }
}

struct RegenerationFailed: Error, CustomStringConvertible {
    var status: Int32
    var description: String { "whereby-codegen exited with status \(status); its errors are above" }
}

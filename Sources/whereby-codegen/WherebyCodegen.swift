import ArgumentParser

/// `whereby-codegen`: turns an OpenAPI document into a Swift client.
@main
struct WherebyCodegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whereby-codegen",
        abstract: "Generate a typed Swift client from an OpenAPI 3.0 or 3.1 document (JSON or YAML).",
        subcommands: [Generate.self, Diff.self, BundleCommand.self],
        defaultSubcommand: Generate.self
    )
}

import ArgumentParser
import WherebyCodegenCore

/// The document to read and the overlays to apply to it, as `generate` and `bundle` take them.
struct DocumentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The OpenAPI document to read.", valueName: "file"))
    var spec = "spec/whereby.json"

    @Option(name: .long, help: ArgumentHelp("An OpenAPI Overlay 1.0 file to apply to the document first; repeat to apply several in order (default: <spec name>.overlay.yaml beside the spec, when it exists).", valueName: "file"))
    var overlay: [String] = []

    @Flag(name: .long, help: "Do not apply the overlay found beside the spec.")
    var noOverlay = false

    /// The overlays to apply, in order: those given, else the one beside the spec unless declined.
    var overlays: [String] {
        !overlay.isEmpty || noOverlay ? overlay : OverlayDiscovery.overlay(besideSpec: spec).map { [$0] } ?? []
    }
}

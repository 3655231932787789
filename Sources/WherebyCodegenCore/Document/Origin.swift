/// Where a model element came from: its file, its JSON pointer and the position of its node.
///
/// Every element of the OpenAPI model carries one, so that later stages can report problems
/// in place without ever looking at the raw node tree.
public struct Origin: Hashable, Sendable {
    public var file: String
    public var pointer: JSONPointer
    public var position: SourceLocation

    public init(file: String, pointer: JSONPointer, position: SourceLocation) {
        self.file = file
        self.pointer = pointer
        self.position = position
    }

    /// The location to attach to a diagnostic about this element.
    public var location: Diagnostic.Location {
        Diagnostic.Location(file: file, position: position, pointer: pointer)
    }
}

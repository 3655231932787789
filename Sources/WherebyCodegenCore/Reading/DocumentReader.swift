/// The reading stage: the bytes of a JSON or YAML document in, one ordered `Node` tree out.
///
/// Both formats read into the same tree, with the 1-based line and column of every node and
/// every mapping key, so that later stages can point at any part of the document.
public enum DocumentReader {
    /// Reads `file` as JSON or YAML.
    ///
    /// - Parameters:
    ///   - format: The syntax to read; `nil` picks it from the file name or contents
    ///     (see ``DocumentFormat/init(path:bytes:)``).
    ///   - limits: Bounds on nesting, aliases and scalar size.
    /// - Throws: A `DiagnosticError` with one located error: the first problem found, since a
    ///   reader cannot continue past a syntax error.
    public static func read(
        _ file: SourceFile,
        format: DocumentFormat? = nil,
        limits: ReaderLimits = .default
    ) throws(DiagnosticError) -> Node {
        switch format ?? DocumentFormat(path: file.path, bytes: file.bytes) {
        case .json:
            try JSONReader.read(file, limits: limits)
        case .yaml:
            try YAMLReader.read(file, limits: limits)
        }
    }
}

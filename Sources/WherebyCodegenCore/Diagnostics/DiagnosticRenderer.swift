/// Prints diagnostics for a terminal: each on its line, and under an error the source line it
/// points into with a caret, as compilers do. Long lines (the Whereby document is one line of
/// 57 KB) are cut to a window around the column.
public struct DiagnosticRenderer {
    /// Reads a file's text by its display path; nil when it cannot be read.
    public typealias SourceProvider = (String) -> String?

    private let source: SourceProvider
    private let colors: Bool
    private var lines: [String: [Substring]] = [:]
    /// Characters shown on each side of the column in a long line.
    private let window = 60

    /// - Parameter colors: Whether to colour `error:` and `warning:` (only for a terminal).
    public init(colors: Bool = false, source: @escaping SourceProvider) {
        self.colors = colors
        self.source = source
    }

    public mutating func render(_ diagnostic: Diagnostic) -> String {
        var text = diagnostic.description + "\n"
        if colors {
            let label = "\(diagnostic.severity.rawValue):"
            let code = diagnostic.severity == .error ? "\u{1B}[1;31m" : diagnostic.severity == .warning ? "\u{1B}[1;35m" : "\u{1B}[1;30m"
            if let range = text.firstRange(of: " " + label + " ") {
                text.replaceSubrange(range, with: " " + code + label + "\u{1B}[0m ")
            }
        }
        guard diagnostic.severity == .error,
              let location = diagnostic.location, let position = location.position,
              let line = line(position.line, in: location.file)
        else { return text }
        let scalars = Array(line.unicodeScalars)
        let column = min(max(position.column - 1, 0), scalars.count)
        let start = max(0, column - window)
        let end = min(scalars.count, column + window)
        var excerpt = String(String.UnicodeScalarView(scalars[start..<end].map { $0 == "\t" ? " " : $0 }))
        var caretOffset = column - start
        if start > 0 {
            excerpt = "..." + excerpt
            caretOffset += 3
        }
        if end < scalars.count { excerpt += "..." }
        text += excerpt + "\n" + String(repeating: " ", count: caretOffset) + "^\n"
        return text
    }

    private mutating func line(_ number: Int, in file: String) -> Substring? {
        if lines[file] == nil {
            guard let text = source(file) else { return nil }
            lines[file] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        guard let fileLines = lines[file], number >= 1, number <= fileLines.count else { return nil }
        let line = fileLines[number - 1]
        return line.hasSuffix("\r") ? line.dropLast() : line
    }
}

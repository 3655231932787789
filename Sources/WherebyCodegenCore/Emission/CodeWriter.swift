/// Accumulates Swift source line by line with four-space indentation and LF endings.
struct CodeWriter {
    private(set) var text = ""
    private var indentation = 0

    /// A writer whose lines start `indentation` levels in, for a piece placed inside a block
    /// later, with room for `capacity` bytes before its text grows.
    init(indentation: Int = 0, capacity: Int = 64 * 1024) {
        text.reserveCapacity(capacity)
        self.indentation = indentation
    }

    /// Appends text another writer rendered, as it is.
    mutating func append(_ rendered: String) {
        text += rendered
    }

    mutating func line(_ content: String = "") {
        if content.isEmpty {
            text += "\n"
            return
        }
        for _ in 0..<indentation { text += "    " }
        text += content
        text += "\n"
    }

    /// Writes `header {`, the body one level in, then `}`.
    mutating func block(_ header: String, _ body: (inout CodeWriter) -> Void) {
        line(header + " {")
        indentation += 1
        body(&self)
        indentation -= 1
        line("}")
    }

    /// Writes a trailing closure whose header already opens it (`CursorPages { cursor in`).
    mutating func closure(_ header: String, _ body: (inout CodeWriter) -> Void) {
        line(header)
        indentation += 1
        body(&self)
        indentation -= 1
        line("}")
    }

    /// Writes `switch subject {`, the cases at the same level (as Swift style has them), then `}`.
    mutating func switchBlock(_ header: String, _ body: (inout CodeWriter) -> Void) {
        line(header + " {")
        body(&self)
        line("}")
    }

    /// Removes a blank line just written, so blocks do not end with one.
    mutating func trimTrailingBlankLine() {
        while text.hasSuffix("\n\n") { text.removeLast() }
    }

    /// Writes a documentation comment, one `///` line per line of `text`.
    mutating func documentation(_ lines: [String]) {
        for content in lines {
            line(content.isEmpty ? "///" : "/// " + content)
        }
    }
}

/// Reads RFC 8259 JSON into a `Node` tree, with the line and column of every node and key.
///
/// One pass over the bytes, iterative rather than recursive: open arrays and objects live on an
/// explicit stack, so nesting is bounded by `ReaderLimits.maxDepth` and never by the thread's
/// stack. Children gather on two shared stacks, one of values and one of object members, and
/// are copied out, exactly sized, when their container closes.
///
/// Numbers keep their text (`.integer("18446744073709551616")`, `.number("1e-3")`). A UTF-8
/// byte order mark is skipped. The first problem stops the reader with a located diagnostic.
struct JSONReader {
    /// Reads `file` as one JSON value.
    static func read(_ file: SourceFile, limits: ReaderLimits) throws(DiagnosticError) -> Node {
        try file.bytes.withUnsafeBufferPointer { (input) throws(DiagnosticError) -> Node in
            var reader = JSONReader(input: input, path: file.path, limits: limits)
            return try reader.readDocument()
        }
    }

    let input: UnsafeBufferPointer<UInt8>
    let path: String
    let limits: ReaderLimits
    /// The next byte to read.
    var offset = 0
    /// The current 1-based line and the offset of its first byte.
    private var line = 1
    private var lineStart = 0
    /// The last column handed out on the current line and its offset: locations are asked for in
    /// increasing order, so counting scalars resumes here instead of at the start of the line,
    /// which keeps a minified document on one long line linear.
    private var columnOffset = 0
    private var column = 1

    private init(input: UnsafeBufferPointer<UInt8>, path: String, limits: ReaderLimits) {
        self.input = input
        self.path = path
        self.limits = limits
    }

    /// An array or object that is open: its children so far are on the shared stacks from `base`.
    private struct Container {
        let isObject: Bool
        let location: SourceLocation
        let base: Int
        /// The key whose value is being read (objects only).
        var key = ""
        var keyLocation = SourceLocation(line: 0, column: 0)
        /// The location of every key so far, once an object has too many keys for a linear search.
        var keyIndex: [String: SourceLocation]?
    }

    /// Objects with up to this many members look for duplicate keys by a linear search, which is
    /// faster than hashing for the small objects that make up most of a document.
    private static let linearKeySearchLimit = 16

    private mutating func readDocument() throws(DiagnosticError) -> Node {
        if UTF8Bytes.hasByteOrderMark(input) {
            offset = 3
            lineStart = 3
            columnOffset = 3
        }
        skipWhitespace()
        guard offset < input.count else {
            throw failure(.emptyDocument, "the document is empty; expected a json value", at: offset)
        }
        let root = try readValue()
        skipWhitespace()
        guard offset == input.count else {
            throw unexpected(expected: "end of input after the top-level value")
        }
        return root
    }

    /// Reads the value at `offset`, with everything nested in it.
    private mutating func readValue() throws(DiagnosticError) -> Node {
        var containers: [Container] = []
        var values: [Node] = []
        var entries: [Node.Entry] = []

        reading: while true {
            // At the start of a value, after whitespace.
            guard offset < input.count else { throw unexpected(expected: "a value") }
            let location = location(of: offset)
            var node: Node
            switch input[offset] {
            case UInt8(ascii: "{"):
                try checkDepth(openContainers: containers.count)
                offset += 1
                skipWhitespace()
                if offset < input.count, input[offset] == UInt8(ascii: "}") {
                    offset += 1
                    node = Node(.mapping([]), at: location)
                } else {
                    containers.append(Container(isObject: true, location: location, base: entries.count))
                    try readKey(into: &containers[containers.count - 1], members: entries, after: " or '}'")
                    continue reading
                }
            case UInt8(ascii: "["):
                try checkDepth(openContainers: containers.count)
                offset += 1
                skipWhitespace()
                if offset < input.count, input[offset] == UInt8(ascii: "]") {
                    offset += 1
                    node = Node(.sequence([]), at: location)
                } else {
                    containers.append(Container(isObject: false, location: location, base: values.count))
                    continue reading
                }
            case UInt8(ascii: "\""):
                node = Node(.string(try readString()), at: location)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                node = Node(try readNumber(), at: location)
            default:
                node = Node(try readLiteral(), at: location)
            }

            // The value is complete: add it to its container, and close every container that ends here.
            while !containers.isEmpty {
                let top = containers.count - 1
                skipWhitespace()
                let next: UInt8? = offset < input.count ? input[offset] : nil
                if containers[top].isObject {
                    entries.append(Node.Entry(key: containers[top].key, keyLocation: containers[top].keyLocation, value: node))
                    if next == UInt8(ascii: ",") {
                        offset += 1
                        skipWhitespace()
                        try readKey(into: &containers[top], members: entries, after: " after ','")
                        continue reading
                    }
                    guard next == UInt8(ascii: "}") else {
                        throw unexpected(expected: "',' or '}' after an object member")
                    }
                    offset += 1
                    let object = containers.removeLast()
                    node = Node(.mapping(entries.popSuffix(from: object.base)), at: object.location)
                } else {
                    values.append(node)
                    if next == UInt8(ascii: ",") {
                        offset += 1
                        skipWhitespace()
                        if offset < input.count, input[offset] == UInt8(ascii: "]") {
                            throw failure(.jsonSyntax, "expected a value after ',', found ']'", at: offset)
                        }
                        continue reading
                    }
                    guard next == UInt8(ascii: "]") else {
                        throw unexpected(expected: "',' or ']' after an array element")
                    }
                    offset += 1
                    let array = containers.removeLast()
                    node = Node(.sequence(values.popSuffix(from: array.base)), at: array.location)
                }
            }
            return node
        }
    }

    /// Reads an object key and the `:` after it, and checks that the object has no such key yet.
    /// `members` holds the completed members of every open object, this one's from its `base`.
    private mutating func readKey(into object: inout Container, members: [Node.Entry], after context: String) throws(DiagnosticError) {
        guard offset < input.count, input[offset] == UInt8(ascii: "\"") else {
            throw unexpected(expected: "a string key" + context)
        }
        let location = location(of: offset)
        let key = try readString()

        if object.keyIndex == nil, members.count - object.base >= Self.linearKeySearchLimit {
            var index: [String: SourceLocation] = [:]
            for member in members[object.base...] {
                index[member.key] = member.keyLocation
            }
            object.keyIndex = index
        }
        let first: SourceLocation?
        if object.keyIndex != nil {
            first = object.keyIndex?.updateValue(location, forKey: key)
        } else {
            first = members[object.base...].first { $0.key == key }?.keyLocation
        }
        if let first {
            throw DiagnosticError.reading(
                .duplicateKey,
                "duplicate key \(key.quotedForMessage), first defined at line \(first.line), column \(first.column)",
                in: path,
                at: location
            )
        }
        object.key = key
        object.keyLocation = location

        skipWhitespace()
        guard offset < input.count, input[offset] == UInt8(ascii: ":") else {
            throw unexpected(expected: "':' after an object key")
        }
        offset += 1
        skipWhitespace()
    }

    private mutating func checkDepth(openContainers: Int) throws(DiagnosticError) {
        guard openContainers < limits.maxDepth else {
            throw failure(.nestingTooDeep, "nesting is deeper than the limit of \(limits.maxDepth) levels", at: offset)
        }
    }

    /// Reads a number by the RFC 8259 grammar, keeping its text.
    private mutating func readNumber() throws(DiagnosticError) -> Node.Value {
        let start = offset
        var isInteger = true
        if input[offset] == UInt8(ascii: "-") { offset += 1 }
        guard isDigit(at: offset) else { throw unexpected(expected: "a digit after '-'") }
        if input[offset] == UInt8(ascii: "0") {
            offset += 1
            if isDigit(at: offset) {
                throw failure(.jsonSyntax, "numbers cannot have leading zeros", at: start)
            }
        } else {
            skipDigits()
        }
        if offset < input.count, input[offset] == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            guard isDigit(at: offset) else { throw unexpected(expected: "a digit after the decimal point") }
            skipDigits()
        }
        if offset < input.count, input[offset] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            offset += 1
            if offset < input.count, input[offset] == UInt8(ascii: "+") || input[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard isDigit(at: offset) else { throw unexpected(expected: "a digit in the exponent") }
            skipDigits()
        }
        guard offset - start <= limits.maxScalarBytes else {
            throw failure(.scalarTooLarge, "number of \(offset - start) bytes is longer than the limit of \(limits.maxScalarBytes) bytes", at: start)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: input[start..<offset]), as: UTF8.self)
        return isInteger ? .integer(text) : .number(text)
    }

    @inline(__always)
    private func isDigit(at index: Int) -> Bool {
        index < input.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(input[index])
    }

    private mutating func skipDigits() {
        while isDigit(at: offset) { offset += 1 }
    }

    /// Reads `true`, `false` or `null`.
    private mutating func readLiteral() throws(DiagnosticError) -> Node.Value {
        if consume("true") { return .bool(true) }
        if consume("false") { return .bool(false) }
        if consume("null") { return .null }
        throw unexpected(expected: "a value")
    }

    private mutating func consume(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard input.count - offset >= count else { return false }
        let literal = UnsafeBufferPointer(start: word.utf8Start, count: count)
        guard input[offset..<offset + count].elementsEqual(literal) else { return false }
        offset += count
        return true
    }

    /// Skips spaces, tabs and line breaks, counting lines.
    @inline(__always)
    private mutating func skipWhitespace() {
        while offset < input.count {
            switch input[offset] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                offset += 1
            case UInt8(ascii: "\n"):
                offset += 1
                line += 1
                lineStart = offset
                columnOffset = offset
                column = 1
            default:
                return
            }
        }
    }

    /// The 1-based line and column of the byte at `target`.
    mutating func location(of target: Int) -> SourceLocation {
        guard target >= lineStart else { return UTF8Bytes.location(of: target, in: input) }
        if target < columnOffset {
            columnOffset = lineStart
            column = 1
        }
        column += UTF8Bytes.scalarCount(in: input, from: columnOffset, to: target)
        columnOffset = target
        return SourceLocation(line: line, column: column)
    }

    /// An error at the byte at `target`.
    mutating func failure(_ id: Diagnostic.ID, _ message: String, at target: Int) -> DiagnosticError {
        DiagnosticError.reading(id, message, in: path, at: location(of: target))
    }

    /// An error for the byte at `offset`: `expected <what>, found <it>`, or `invalid-utf8` when the
    /// bytes there are not UTF-8 at all.
    mutating func unexpected(expected: String) -> DiagnosticError {
        if offset < input.count, UTF8Bytes.sequenceLength(in: input, at: offset) == 0 {
            return failure(.invalidUTF8, UTF8Bytes.invalidSequenceMessage(in: input, at: offset), at: offset)
        }
        return failure(.jsonSyntax, "expected \(expected), found \(describe(at: offset))", at: offset)
    }

    /// What the text at `index` is, for messages.
    func describe(at index: Int) -> String {
        UTF8Bytes.describe(in: input, at: index)
    }
}

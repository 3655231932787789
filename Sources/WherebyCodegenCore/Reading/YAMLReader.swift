internal import CYAML

/// Reads one YAML document into a `Node` tree, with the line and column of every node and key.
///
/// libyaml scans and parses, and reports a stream of events; this type is the only code that
/// talks to libyaml. It turns each event into a call on `YAMLTreeBuilder`, which composes the
/// tree, and each libyaml error into a located diagnostic. Scalars resolve by the YAML 1.2 core
/// schema (`YAMLCoreSchema`), so `yes` and `on` stay strings.
///
/// The input must be UTF-8 (a byte order mark is skipped); it is validated up front so that an
/// ill-formed byte gets the same `invalid-utf8` diagnostic as in JSON.
enum YAMLReader {
    /// Reads `file` as a stream of exactly one YAML document.
    static func read(_ file: SourceFile, limits: ReaderLimits) throws(DiagnosticError) -> Node {
        try file.bytes.withUnsafeBufferPointer { (input) throws(DiagnosticError) -> Node in
            try read(input, path: file.path, limits: limits)
        }
    }

    private static func read(_ input: UnsafeBufferPointer<UInt8>, path: String, limits: ReaderLimits) throws(DiagnosticError) -> Node {
        if let invalid = UTF8Bytes.firstInvalidOffset(in: input) {
            let message = UTF8Bytes.invalidSequenceMessage(in: input, at: invalid)
            throw DiagnosticError.reading(.invalidUTF8, message, in: path, at: UTF8Bytes.location(of: invalid, in: input))
        }
        guard let start = input.baseAddress, !input.isEmpty else {
            throw DiagnosticError.reading(.emptyDocument, "the document is empty; expected a yaml node", in: path, at: SourceLocation(line: 1, column: 1))
        }

        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else {
            throw DiagnosticError(.error(.yamlSyntax, "libyaml could not allocate a parser", at: Diagnostic.Location(file: path)))
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, start, input.count)

        var builder = YAMLTreeBuilder(path: path, limits: limits)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) != 0 else {
                throw syntaxError(parser, input: input, path: path)
            }
            defer { yaml_event_delete(&event) }
            let location = location(of: event.start_mark)
            switch event.type {
            case YAML_DOCUMENT_START_EVENT:
                try builder.startDocument(at: location)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                try builder.addScalar(
                    UnsafeBufferPointer(start: scalar.value, count: scalar.length),
                    isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE,
                    tag: string(scalar.tag),
                    anchor: string(scalar.anchor),
                    at: location
                )
            case YAML_SEQUENCE_START_EVENT:
                try builder.startCollection(isMapping: false, anchor: string(event.data.sequence_start.anchor), at: location)
            case YAML_MAPPING_START_EVENT:
                try builder.startCollection(isMapping: true, anchor: string(event.data.mapping_start.anchor), at: location)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try builder.endCollection()
            case YAML_ALIAS_EVENT:
                try builder.addAlias(string(event.data.alias.anchor) ?? "", at: location)
            case YAML_STREAM_END_EVENT:
                return try builder.finish(at: location)
            default:
                // The stream start and document end carry nothing the tree needs.
                break
            }
        }
    }

    /// A located diagnostic for the error that stopped `parser`.
    private static func syntaxError(_ parser: yaml_parser_t, input: UnsafeBufferPointer<UInt8>, path: String) -> DiagnosticError {
        var message = string(parser.problem) ?? "the yaml is not well-formed"
        let position: SourceLocation
        switch parser.error {
        case YAML_READER_ERROR:
            // Reader errors know a byte offset rather than a mark.
            position = UTF8Bytes.location(of: parser.problem_offset, in: input)
            if parser.problem_value >= 0 {
                let digits = String(parser.problem_value, radix: 16, uppercase: true)
                message += " (U+\(String(repeating: "0", count: max(0, 4 - digits.count)) + digits))"
            }
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            position = location(of: parser.problem_mark, in: input)
            let offset = UTF8Bytes.offset(of: position, in: input)
            if let offset, input[offset] == UInt8(ascii: "\t") {
                // libyaml's own words ("found character that cannot start any token", "found a tab
                // character that violates indentation") vary with where the tab is.
                message = "found a tab character where yaml allows only spaces, such as in indentation"
            } else {
                if let offset, message == "found character that cannot start any token" {
                    message = "found \(UTF8Bytes.describe(in: input, at: offset)), which cannot start any token"
                }
                if let context = string(parser.context) {
                    // "did not find expected key while parsing a block mapping at line 2, column 3"
                    message += " " + context
                    let start = location(of: parser.context_mark, in: input)
                    if start != position {
                        message += " at line \(start.line), column \(start.column)"
                    }
                }
            }
        default:
            return DiagnosticError(.error(.yamlSyntax, "libyaml failed: \(message)", at: Diagnostic.Location(file: path)))
        }
        return DiagnosticError.reading(.yamlSyntax, message, in: path, at: position)
    }

    /// libyaml's marks are 0-based; ours are 1-based. Columns are Unicode scalars in both.
    private static func location(of mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    /// The location of an error mark, kept inside `input`: at the end of a stream whose last
    /// line has no line break, libyaml moves its mark to a line that does not exist.
    private static func location(of mark: yaml_mark_t, in input: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        let position = location(of: mark)
        let end = UTF8Bytes.location(of: input.count, in: input)
        return position > end ? end : position
    }

    private static func string(_ text: UnsafePointer<yaml_char_t>?) -> String? {
        text.map { String(cString: $0) }
    }

    private static func string(_ text: UnsafePointer<CChar>?) -> String? {
        text.map { String(cString: $0) }
    }
}

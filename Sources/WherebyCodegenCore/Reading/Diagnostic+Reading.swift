extension Diagnostic.ID {
    /// The JSON text breaks RFC 8259: a missing comma, a bad escape, trailing garbage.
    static let jsonSyntax: Self = "json-syntax"
    /// The YAML text is not well-formed, as reported by libyaml, or a scalar does not fit its tag.
    static let yamlSyntax: Self = "yaml-syntax"
    /// The bytes are not well-formed UTF-8.
    static let invalidUTF8: Self = "invalid-utf8"
    /// A mapping repeats a key.
    static let duplicateKey: Self = "duplicate-key"
    /// Collections nest deeper than `ReaderLimits.maxDepth`.
    static let nestingTooDeep: Self = "nesting-too-deep"
    /// YAML aliases expand to more nodes than `ReaderLimits.maxAliasExpansions`.
    static let aliasLimit: Self = "alias-limit"
    /// A string or number is longer than `ReaderLimits.maxScalarBytes`.
    static let scalarTooLarge: Self = "scalar-too-large"
    /// A YAML stream holds more than one document.
    static let multipleDocuments: Self = "multiple-documents"
    /// The file holds no document at all.
    static let emptyDocument: Self = "empty-document"
    /// The file could not be read.
    static let unreadableFile: Self = "unreadable-file"
    /// A YAML mapping key is a sequence or a mapping.
    static let nonScalarKey: Self = "non-scalar-key"
}

extension DiagnosticError {
    /// One error of the reading stage, at a position in `file`.
    static func reading(_ id: Diagnostic.ID, _ message: String, in file: String, at position: SourceLocation) -> DiagnosticError {
        DiagnosticError(.error(id, message, at: Diagnostic.Location(file: file, position: position)))
    }
}

extension String {
    /// The text in single quotes, with line breaks and other control characters escaped, so
    /// that a key or scalar quoted in a message keeps the message on one line.
    var quotedForMessage: String {
        var result = "'"
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{0}"..."\u{1F}", "\u{7F}": result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "'"
    }
}

import Testing
@testable import WherebyCodegenCore

@Suite("JSON reader errors")
struct JSONReaderErrorTests {
    static let syntaxErrors: [ExpectedReadingError] = [
        .init("trailing garbage", "{} x", .jsonSyntax, at: at(1, 4), "expected end of input after the top-level value, found 'x'"),
        .init("second top-level value", "1\n2", .jsonSyntax, at: at(2, 1), "expected end of input after the top-level value, found '2'"),
        .init("missing comma between members", "{\"a\": 1 \"b\": 2}", .jsonSyntax, at: at(1, 9), "expected ',' or '}' after an object member, found '\"'"),
        .init("stray word after a member", "{\"a\": 1 x}", .jsonSyntax, at: at(1, 9), "expected ',' or '}' after an object member, found 'x'"),
        .init("missing comma between elements", "[1 2]", .jsonSyntax, at: at(1, 4), "expected ',' or ']' after an array element, found '2'"),
        .init("unclosed array", "[1, 2", .jsonSyntax, at: at(1, 6), "expected ',' or ']' after an array element, found end of input"),
        .init("trailing comma in object", "{\"a\": 1,}", .jsonSyntax, at: at(1, 9), "expected a string key after ',', found '}'"),
        .init("trailing comma in array", "[1,\n]", .jsonSyntax, at: at(2, 1), "expected a value after ',', found ']'"),
        .init("unquoted key", "{a: 1}", .jsonSyntax, at: at(1, 2), "expected a string key or '}', found 'a'"),
        .init("single-quoted key", "{'a': 1}", .jsonSyntax, at: at(1, 2), "expected a string key or '}', found a single quote"),
        .init("missing colon", "{\"a\" 1}", .jsonSyntax, at: at(1, 6), "expected ':' after an object key, found '1'"),
        .init("missing value", "{\"a\": }", .jsonSyntax, at: at(1, 7), "expected a value, found '}'"),
        .init("truncated literal", "[tru]", .jsonSyntax, at: at(1, 2), "expected a value, found 'tru'"),
        .init("capitalised literal", "True", .jsonSyntax, at: at(1, 1), "expected a value, found 'True'"),
        .init("leading zero", "[01]", .jsonSyntax, at: at(1, 2), "numbers cannot have leading zeros"),
        .init("lone minus", "-", .jsonSyntax, at: at(1, 2), "expected a digit after '-', found end of input"),
        .init("plus sign", "+1", .jsonSyntax, at: at(1, 1), "expected a value, found '+'"),
        .init("no fraction digits", "1.", .jsonSyntax, at: at(1, 3), "expected a digit after the decimal point, found end of input"),
        .init("no exponent digits", "1e+]", .jsonSyntax, at: at(1, 4), "expected a digit in the exponent, found ']'"),
        .init("leading decimal point", ".5", .jsonSyntax, at: at(1, 1), "expected a value, found '.'"),
        .init("unterminated string", "[\"abc", .jsonSyntax, at: at(1, 2), "unterminated string; expected '\"' before end of input"),
        .init("line break in string", "[\"ab\ncd\"]", .jsonSyntax, at: at(1, 5), "unescaped line break in a string; a string ends on the line it starts"),
        .init("tab in string", "\"a\tb\"", .jsonSyntax, at: at(1, 3), "unescaped tab in a string; write it as '\\t'"),
        .init("invalid escape", "\"ab\\xcd\"", .jsonSyntax, at: at(1, 4), "invalid escape sequence '\\x' in a string"),
        .init("short unicode escape", "\"\\u12G4\"", .jsonSyntax, at: at(1, 6), "expected four hexadecimal digits after '\\u', found 'G4'"),
        .init("lone high surrogate", "\"a\\uD83D\"", .jsonSyntax, at: at(1, 3), "unpaired high surrogate '\\uD83D' in a string; it must be followed by a low surrogate '\\uDC00' to '\\uDFFF'"),
        .init("high surrogate then letter", "\"\\uD83D\\u0041\"", .jsonSyntax, at: at(1, 2), "unpaired high surrogate '\\uD83D' in a string; it must be followed by a low surrogate '\\uDC00' to '\\uDFFF'"),
        .init("lone low surrogate", "\"\\uDE00\"", .jsonSyntax, at: at(1, 2), "unpaired low surrogate '\\uDE00' in a string; it must follow a high surrogate '\\uD800' to '\\uDBFF'"),
        .init("error after wide characters", "{\"é😀\": x}", .jsonSyntax, at: at(1, 8), "expected a value, found 'x'"),
        .init("non-ascii character outside a string", "[é]", .jsonSyntax, at: at(1, 2), "expected a value, found 'é' (U+00E9)"),
        .init("empty file", "", .emptyDocument, at: at(1, 1), "the document is empty; expected a json value"),
        .init("whitespace only", "\n  \n  ", .emptyDocument, at: at(3, 3), "the document is empty; expected a json value"),
        .init(
            "duplicate key", "{\n  \"name\": 1,\n  \"other\": 2,\n  \"name\": 3\n}", .duplicateKey, at: at(4, 3),
            "duplicate key 'name', first defined at line 2, column 3"
        ),
        .init(
            "duplicate key in nested object", "{\"a\": {\"x\": 1, \"x\": 2}}", .duplicateKey, at: at(1, 16),
            "duplicate key 'x', first defined at line 1, column 8"
        ),
        .init("control character in string", "\"a\u{1}\"", .jsonSyntax, at: at(1, 3), "unescaped control character U+0001 in a string"),
        .init("duplicate key with escapes", #"{"a\nb": 1, "a\u000ab": 2}"#, .duplicateKey, at: at(1, 13), #"duplicate key 'a\nb', first defined at line 1, column 2"#),
    ]

    @Test(arguments: syntaxErrors)
    func reportsErrorWithLocation(_ expected: ExpectedReadingError) throws {
        let diagnostic = try #require(readingDiagnostic(expected.input, as: .json))
        #expect(diagnostic.id == expected.id)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location?.file == "test.json")
        #expect(diagnostic.location?.position == expected.location)
        #expect(diagnostic.message == expected.message)
    }

    static let invalidUTF8: [ExpectedReadingError] = [
        .init("stray continuation byte in string", bytes: Array("[\"ab".utf8) + [0x80] + Array("\"]".utf8), .invalidUTF8, at: at(1, 5),
              "invalid utf-8 sequence starting with byte 0x80; the document must be utf-8"),
        .init("truncated sequence after wide character", bytes: Array("\"é".utf8) + [0xC3, 0x28, 0x22], .invalidUTF8, at: at(1, 3),
              "invalid utf-8 sequence starting with byte 0xc3; the document must be utf-8"),
        .init("overlong encoding", bytes: [0x22, 0xC0, 0x80, 0x22], .invalidUTF8, at: at(1, 2),
              "invalid utf-8 sequence starting with byte 0xc0; the document must be utf-8"),
        .init("encoded surrogate", bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], .invalidUTF8, at: at(1, 2),
              "invalid utf-8 sequence starting with byte 0xed; the document must be utf-8"),
        .init("invalid byte outside a string", bytes: Array("{\n ".utf8) + [0xFF], .invalidUTF8, at: at(2, 2),
              "invalid utf-8 sequence starting with byte 0xff; the document must be utf-8"),
        .init("utf-16 byte order mark", bytes: [0xFF, 0xFE, 0x7B, 0x00], .invalidUTF8, at: at(1, 1),
              "invalid utf-8 sequence starting with byte 0xff; the document must be utf-8"),
    ]

    @Test(arguments: invalidUTF8)
    func rejectsInvalidUTF8WithLocation(_ expected: ExpectedReadingError) throws {
        let diagnostic = try #require(readingDiagnostic(expected.input, as: .json))
        #expect(diagnostic.id == expected.id)
        #expect(diagnostic.location?.position == expected.location)
        #expect(diagnostic.message == expected.message)
    }

    @Test func rejectsDuplicateKeyAtSecondOccurrenceInLargeObject() throws {
        let keys = (0..<40).map { "k\($0)" } + ["k7"]
        let text = "{" + keys.map { "\"\($0)\":0" }.joined(separator: ",") + "}"
        let diagnostic = try #require(readingDiagnostic(text, as: .json))
        #expect(diagnostic.id == .duplicateKey)
        #expect(diagnostic.message == "duplicate key 'k7', first defined at line 1, column 51")
        #expect(diagnostic.location?.position == at(1, text.utf8.count - 6))
    }

    @Test func rejectsTenThousandNestedArraysWithoutCrashing() throws {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let diagnostic = try #require(readingDiagnostic(text, as: .json))
        #expect(diagnostic.id == .nestingTooDeep)
        #expect(diagnostic.location?.position == at(1, 513))
        #expect(diagnostic.message == "nesting is deeper than the limit of 512 levels")
    }

    @Test func rejectsTenThousandNestedObjectsWithoutCrashing() throws {
        let text = String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        let diagnostic = try #require(readingDiagnostic(text, as: .json))
        #expect(diagnostic.id == .nestingTooDeep)
        #expect(diagnostic.location?.position == at(1, 512 * 5 + 1))
    }

    @Test func honoursACustomDepthLimit() throws {
        let limits = ReaderLimits(maxDepth: 2)
        #expect(throws: Never.self) { try readJSON("[[1]]", limits: limits) }
        let diagnostic = try #require(readingDiagnostic("[[\n  [1]]]", as: .json, limits: limits))
        #expect(diagnostic.id == .nestingTooDeep)
        #expect(diagnostic.location?.position == at(2, 3))
        #expect(diagnostic.message == "nesting is deeper than the limit of 2 levels")
    }

    @Test func rejectsScalarsOverTheSizeLimit() throws {
        let limits = ReaderLimits(maxScalarBytes: 8)
        #expect(throws: Never.self) { try readJSON(#"["12345678", 12345678]"#, limits: limits) }
        let string = try #require(readingDiagnostic(#"["ok", "123456789"]"#, as: .json, limits: limits))
        #expect(string.id == .scalarTooLarge)
        #expect(string.location?.position == at(1, 8))
        #expect(string.message == "string of 9 bytes is longer than the limit of 8 bytes")
        let number = try #require(readingDiagnostic("[123456789]", as: .json, limits: limits))
        #expect(number.id == .scalarTooLarge)
        #expect(number.location?.position == at(1, 2))
    }

    @Test func printsLikeACompilerDiagnostic() throws {
        let diagnostic = try #require(readingDiagnostic("{} x", as: .json))
        #expect(diagnostic.description == "test.json:1:4: error: expected end of input after the top-level value, found 'x'")
    }
}

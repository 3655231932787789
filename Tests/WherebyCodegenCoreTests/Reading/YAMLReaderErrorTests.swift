import Testing
@testable import WherebyCodegenCore

@Suite("YAML reader errors")
struct YAMLReaderErrorTests {
    static let errors: [ExpectedReadingError] = [
        .init(
            "duplicate key", "name: a\nother: b\nname: c\n", .duplicateKey, at: at(3, 1),
            "duplicate key 'name', first defined at line 1, column 1"
        ),
        .init(
            "duplicate key written differently", "responses:\n  200: ok\n  '200': again\n", .duplicateKey, at: at(3, 3),
            "duplicate key '200', first defined at line 2, column 3"
        ),
        .init(
            "duplicate key in flow mapping", "{a: 1, b: 2, a: 3}", .duplicateKey, at: at(1, 14),
            "duplicate key 'a', first defined at line 1, column 2"
        ),
        .init(
            "duplicate merge key", "a: &a {x: 1}\nb:\n  <<: *a\n  <<: *a\n", .duplicateKey, at: at(4, 3),
            "duplicate key '<<', first defined at line 3, column 3"
        ),
        .init("sequence as key", "? [a, b]\n: value\n", .nonScalarKey, at: at(1, 3), "mapping keys must be scalars, found a sequence"),
        .init("mapping as key in flow", "{{a: 1}: 2}", .nonScalarKey, at: at(1, 2), "mapping keys must be scalars, found a mapping"),
        .init(
            "alias to a mapping as key", "a: &m {x: 1}\nb:\n  *m : 2\n", .nonScalarKey, at: at(3, 3),
            "mapping keys must be scalars, found an alias to a mapping"
        ),
        .init(
            "second document", "a: 1\n---\nb: 2\n", .multipleDocuments, at: at(2, 1),
            "the stream has more than one document; expected exactly one"
        ),
        .init("empty file", "", .emptyDocument, at: at(1, 1), "the document is empty; expected a yaml node"),
        .init("comments only", "# nothing\n# here\n", .emptyDocument, at: at(3, 1), "the document is empty; expected a yaml node"),
        .init(
            "tab indentation", "paths:\n\t/rooms: {}\n", .yamlSyntax, at: at(2, 1),
            "found a tab character where yaml allows only spaces, such as in indentation"
        ),
        .init(
            "unclosed flow sequence", "a: [1, 2\nb: 3\n", .yamlSyntax, at: at(2, 2),
            "did not find expected ',' or ']' while parsing a flow sequence at line 1, column 4"
        ),
        .init(
            "bad indentation", "a:\n  b: 1\n c: 2\n", .yamlSyntax, at: at(3, 2),
            "did not find expected key while parsing a block mapping at line 1, column 1"
        ),
        .init(
            "character that cannot start a token", "a: @x\n", .yamlSyntax, at: at(1, 4),
            "found '@', which cannot start any token while scanning for the next token"
        ),
        .init(
            "unterminated quoted scalar", "a: 'open\n", .yamlSyntax, at: at(2, 1),
            "found unexpected end of stream while scanning a quoted scalar at line 1, column 4"
        ),
        .init(
            // libyaml puts its end-of-stream mark on a line after the last; the error stays in the file.
            "unterminated quoted scalar without a final newline", "a: b\nc: 'open", .yamlSyntax, at: at(2, 9),
            "found unexpected end of stream while scanning a quoted scalar at line 2, column 4"
        ),
        .init("tab in a block scalar", "a: |\n\tx\n", .yamlSyntax, at: at(2, 1), "found a tab character where yaml allows only spaces, such as in indentation"),
        .init("mapping tag on a scalar", "a: !!map 1\n", .yamlSyntax, at: at(1, 4), "'1' is not a valid !!map"),
        .init("undefined alias", "a: *missing\n", .yamlSyntax, at: at(1, 4), "alias '*missing' refers to no anchor defined before it"),
        .init(
            "recursive alias", "a: &self\n  b: *self\n", .yamlSyntax, at: at(2, 6),
            "alias '*self' is inside the node it refers to; recursive aliases are not supported"
        ),
        .init("scalar that does not fit its tag", "a: !!int twelve\n", .yamlSyntax, at: at(1, 4), "'twelve' is not a valid !!int"),
        .init("bool tag on a yaml 1.1 boolean", "a: !!bool yes\n", .yamlSyntax, at: at(1, 4), "'yes' is not a valid !!bool"),
        .init(
            "merge of a scalar", "a:\n  <<: 5\n", .yamlSyntax, at: at(2, 7),
            "a merge key '<<' takes a mapping or a sequence of mappings, found an integer"
        ),
        .init(
            "merge of a sequence holding a scalar", "a: &a {x: 1}\nb:\n  <<: [*a, 5]\n", .yamlSyntax, at: at(3, 12),
            "a merge key '<<' takes mappings, found an integer in its sequence"
        ),
        .init(
            "control character", "a: b\u{7}\n", .yamlSyntax, at: at(1, 5),
            "control characters are not allowed (U+0007)"
        ),
        .init(
            "invalid utf-8", bytes: Array("a: é\nb: ".utf8) + [0xE2, 0x82], .invalidUTF8, at: at(2, 4),
            "invalid utf-8 sequence starting with byte 0xe2; the document must be utf-8"
        ),
    ]

    @Test(arguments: errors)
    func reportsErrorWithLocation(_ expected: ExpectedReadingError) throws {
        let diagnostic = try #require(readingDiagnostic(expected.input, as: .yaml))
        #expect(diagnostic.id == expected.id)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location?.file == "test.yaml")
        #expect(diagnostic.location?.position == expected.location)
        #expect(diagnostic.message == expected.message)
    }

    @Test func failsFastOnAnAliasBomb() throws {
        var lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        let clock = ContinuousClock()
        var diagnostic: Diagnostic?
        let elapsed = clock.measure {
            diagnostic = readingDiagnostic(lines.joined(separator: "\n"), as: .yaml)
        }
        let found = try #require(diagnostic)
        #expect(found.id == .aliasLimit)
        #expect(found.message == "aliases expand to more than 100000 nodes; stopped reading to guard against an alias bomb")
        // Aliases up to level e materialise 74,718 nodes; the first alias of f adds 66,430 more.
        #expect(found.location?.position == at(6, 8))
        #expect(elapsed < .seconds(2))
    }

    @Test func honoursACustomAliasLimit() throws {
        let text = "a: &a [1, 2, 3]\nb: *a\nc: *a\n"
        let limits = ReaderLimits(maxAliasExpansions: 7)
        let diagnostic = try #require(readingDiagnostic(text, as: .yaml, limits: limits))
        #expect(diagnostic.id == .aliasLimit)
        #expect(diagnostic.location?.position == at(3, 4))
        #expect(throws: Never.self) { try readYAML(text, limits: ReaderLimits(maxAliasExpansions: 8)) }
    }

    @Test func rejectsTenThousandNestedFlowSequencesWithoutCrashing() throws {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let diagnostic = try #require(readingDiagnostic(text, as: .yaml))
        #expect(diagnostic.id == .nestingTooDeep)
        #expect(diagnostic.location?.position == at(1, 513))
        #expect(diagnostic.message == "nesting is deeper than the limit of 512 levels")
    }

    @Test func rejectsTenThousandNestedBlockSequencesWithoutCrashing() throws {
        let text = String(repeating: "- ", count: 10_000) + "x\n"
        let diagnostic = try #require(readingDiagnostic(text, as: .yaml))
        #expect(diagnostic.id == .nestingTooDeep)
        #expect(diagnostic.location?.position == at(1, 1025))
    }

    @Test func rejectsAnAliasThatNestsTooDeep() throws {
        let text = "a: &a [[[1]]]\nb: [[*a]]\n"
        let diagnostic = try #require(readingDiagnostic(text, as: .yaml, limits: ReaderLimits(maxDepth: 5)))
        #expect(diagnostic.id == .nestingTooDeep)
        #expect(diagnostic.location?.position == at(2, 6))
        #expect(diagnostic.message == "alias '*a' nests deeper than the limit of 5 levels")
    }

    @Test func rejectsScalarsOverTheSizeLimit() throws {
        let diagnostic = try #require(readingDiagnostic("a: ok\nb: |\n  123456789\n", as: .yaml, limits: ReaderLimits(maxScalarBytes: 8)))
        #expect(diagnostic.id == .scalarTooLarge)
        #expect(diagnostic.location?.position == at(2, 4))
        #expect(diagnostic.message == "scalar of 10 bytes is longer than the limit of 8 bytes")
    }
}

import Testing
@testable import WherebyCodegenCore

@Suite("YAML core schema")
struct YAMLCoreSchemaTests {
    @Test(arguments: [
        // Null
        ("", Node.Value.null), ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null),
        ("nULL", .string("nULL")), ("nil", .string("nil")),
        // Bool: only the six core spellings.
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        ("tRUE", .string("tRUE")),
        // YAML 1.1 booleans are strings in 1.2.
        ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")), ("off", .string("off")),
        ("y", .string("y")), ("Yes", .string("Yes")),
        // Integers: decimal text kept, octal and hexadecimal converted to decimal.
        ("0", .integer("0")), ("42", .integer("42")), ("-17", .integer("-17")), ("+5", .integer("+5")),
        ("007", .integer("007")), ("18446744073709551616", .integer("18446744073709551616")),
        ("0o17", .integer("15")), ("0o0", .integer("0")), ("0x1F", .integer("31")), ("0xff", .integer("255")),
        ("0xFFFFFFFFFFFFFFFFFFFF", .integer("1208925819614629174706175")),
        ("0o18", .string("0o18")), ("0xG", .string("0xG")), ("0x", .string("0x")), ("0b101", .string("0b101")),
        ("-0x10", .string("-0x10")), ("1_000", .string("1_000")),
        // Floats keep their text.
        ("1.5", .number("1.5")), ("-0.25", .number("-0.25")), ("1e3", .number("1e3")), ("1E-3", .number("1E-3")),
        (".5", .number(".5")), ("5.", .number("5.")), ("+1.0e+10", .number("+1.0e+10")),
        (".inf", .number(".inf")), ("-.Inf", .number("-.Inf")), ("+.INF", .number("+.INF")),
        (".nan", .number(".nan")), (".NaN", .number(".NaN")), (".NAN", .number(".NAN")),
        ("-.nan", .string("-.nan")), (".", .string(".")), ("1e", .string("1e")), ("e3", .string("e3")),
        ("1.2.3", .string("1.2.3")), ("3.0.0", .string("3.0.0")),
        // Everything else is a string.
        ("hello world", .string("hello world")), ("2024-01-01", .string("2024-01-01")), ("-x", .string("-x")), ("+", .string("+")),
    ])
    func resolvesPlainScalar(text: String, expected: Node.Value) throws {
        #expect(try readYAML("value: \(text)")["value"]?.value == expected)
    }

    @Test(arguments: ["'true'", "\"42\"", "'null'", "\"\"", "''", "\"0x1F\"", "\"1.5\"", "|\n  true", ">\n  42"])
    func resolvesQuotedAndBlockScalarsAsStrings(text: String) throws {
        let value = try readYAML("value: \(text)")["value"]
        #expect(value?.string != nil)
    }

    @Test(arguments: [
        ("!!str 42", Node.Value.string("42")),
        ("!!str true", .string("true")),
        ("!!str", .string("")),
        ("!!int \"42\"", .integer("42")),
        ("!!int 0x10", .integer("16")),
        ("!!float 1", .number("1")),
        ("!!float '2.5'", .number("2.5")),
        ("!!bool 'true'", .bool(true)),
        ("!!null ''", .null),
        ("!!null ~", .null),
        ("! 42", .string("42")),
        ("!!binary aGk=", .string("aGk=")),
        ("!custom 7", .string("7")),
    ])
    func honoursExplicitTags(text: String, expected: Node.Value) throws {
        #expect(try readYAML("value: \(text)")["value"]?.value == expected)
    }

    @Test func resolvesYesAsString() throws {
        #expect(try readYAML("enabled: yes")["enabled"]?.value == .string("yes"))
    }
}

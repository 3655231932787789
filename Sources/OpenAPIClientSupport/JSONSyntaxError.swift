/// Why a body is not JSON, and where: the underlying error of the `DecodingError.dataCorrupted`
/// that ``JSONCoding/decode(_:from:)`` throws for malformed input.
///
/// Its description reads like `unexpected end of input at line 1, column 13 (byte 12)`.
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Problem: String, Sendable {
        case unexpectedEndOfInput = "unexpected end of input"
        case unexpectedCharacter = "unexpected character"
        case unexpectedTrailingCharacters = "unexpected characters after the value"
        case expectedKey = "expected a quoted key"
        case expectedColon = "expected ':' after a key"
        case expectedCommaOrEndOfObject = "expected ',' or '}'"
        case expectedCommaOrEndOfArray = "expected ',' or ']'"
        case unterminatedString = "unterminated string"
        case controlCharacterInString = "unescaped control character in a string"
        case invalidEscape = "invalid escape sequence"
        case unpairedSurrogate = "a \\u escape of an unpaired UTF-16 surrogate"
        case invalidUTF8InKey = "a key that is not valid UTF-8"
        case invalidNumber = "invalid number"
        case tooDeeplyNested = "arrays and objects nested more than 512 deep"
        case documentTooLarge = "document larger than 4 GiB"
    }

    /// What is wrong.
    public var problem: Problem
    /// The offset of the offending byte from the start of the body.
    public var offset: Int
    /// The 1-based line of the offending byte.
    public var line: Int
    /// The 1-based column of the offending byte, counted in bytes.
    public var column: Int

    init(_ problem: Problem, offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        self.problem = problem
        self.offset = offset
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        self.line = line
        column = offset - lineStart + 1
    }

    public var description: String {
        "\(problem.rawValue) at line \(line), column \(column) (byte \(offset))"
    }
}

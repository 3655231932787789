import Testing
@testable import WherebyCodegenCore

@Suite struct SwiftTextTests {
    @Test(arguments: [
        ("plain", #""plain""#),
        ("quote \" and \\ backslash", #""quote \" and \\ backslash""#),
        ("interpolation \\(x)", #""interpolation \\(x)""#),
        ("line\nbreak\r\ttab", #""line\nbreak\r\ttab""#),
        ("nul\u{0}", #""nul\u{0}""#),
        ("bidi \u{202E}override", #""bidi \u{202e}override""#),
        ("\"\"\" and #\"", #""\"\"\" and #\"""#),
    ])
    func stringLiteralsCannotEndEarlyOrHideText(raw: String, expected: String) {
        #expect(SwiftText.stringLiteral(raw) == expected)
    }

    @Test func plainASCIICommentLinesAreTrimmedAsOtherTextIs() {
        // Printable ASCII takes a byte path; a tab sends the same text down the general one.
        #expect(SwiftText.commentLines("\n  first  \nsecond line \n\n") == ["  first", "second line"])
        #expect(SwiftText.commentLines("\n  first  \nsecond\tline \n\n") == ["  first", "second    line"])
    }

    @Test func commentLinesSplitAtEveryLineBreakAndDropControls() {
        let text = "first */ /* line\r\nsecond\u{2028}third\rfourth\u{0}\u{202E}  \n\n"
        #expect(SwiftText.commentLines(text) == ["first */ /* line", "second", "third", "fourth"])
    }
}

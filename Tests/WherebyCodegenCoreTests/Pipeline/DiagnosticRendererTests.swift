import Testing
@testable import WherebyCodegenCore

@Suite struct DiagnosticRendererTests {
    @Test func errorsQuoteTheirLineWithACaret() {
        var renderer = DiagnosticRenderer { _ in "openapi: 3.0.0\ninfo: [unclosed\n" }
        let error = Diagnostic.error("yaml-syntax", "did not find expected ',' or ']'", at: .init(file: "api.yaml", position: .init(line: 2, column: 7)))
        #expect(renderer.render(error) == """
            api.yaml:2:7: error: did not find expected ',' or ']'
            info: [unclosed
                  ^

            """)
    }

    @Test func longLinesAreCutToAWindowAroundTheColumn() {
        let line = String(repeating: "a", count: 200) + "X" + String(repeating: "b", count: 200)
        var renderer = DiagnosticRenderer { _ in line }
        let rendered = renderer.render(.error("json-syntax", "unexpected 'X'", at: .init(file: "f.json", position: .init(line: 1, column: 201))))
        let lines = rendered.split(separator: "\n")
        #expect(lines[1] == "..." + String(repeating: "a", count: 60) + "X" + String(repeating: "b", count: 59) + "...")
        #expect(lines[2] == String(repeating: " ", count: 63) + "^")
    }

    @Test func warningsPrintOnlyTheirLine() {
        var renderer = DiagnosticRenderer { _ in "x" }
        let warning = Diagnostic.warning("w", "something", at: .init(file: "f", position: .init(line: 1, column: 1)))
        #expect(renderer.render(warning) == "f:1:1: warning: something\n")
    }
}

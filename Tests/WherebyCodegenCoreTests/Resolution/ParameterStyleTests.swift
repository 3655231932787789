import Testing
@testable import WherebyCodegenCore

/// Parameter styles through the Document and Resolution stages into the emitted calls: the
/// specification's defaults per location, and a warning at the `style` key (with the location's
/// default) for a style that does not exist or that the location does not define.
@Suite struct ParameterStyleTests {
    /// One operation with the given parameters, written out so that line numbers are known:
    /// the first parameter's `- name:` is on line 10, each line of `parameters` after it follows.
    static func operation(_ parameters: String, path: String = "/c/{color}") -> String {
        """
        openapi: 3.0.3
        info:
          title: Styles
          version: "1"
        paths:
          \(path):
            get:
              operationId: paint
              parameters:
        \(indent(parameters, by: 8))
              responses:
                "204": { description: done }
        """
    }

    private func parameter(_ output: GeneratorPipeline.Output, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ParameterModel {
        try #require(output.operation("paint")?.parameters.first { $0.name == name }, sourceLocation: sourceLocation)
    }

    @Test func eachLocationHasTheSpecificationsDefaults() throws {
        let output = try generate(Self.operation("""
            - { name: color, in: path, required: true, schema: { type: array, items: { type: string } } }
            - { name: tone, in: query, schema: { type: array, items: { type: string } } }
            - { name: X-Shade, in: header, schema: { type: array, items: { type: string } } }
            - { name: hue, in: cookie, schema: { type: array, items: { type: string } } }
            """))
        #expect(try parameter(output, "color").style == .simple)
        #expect(try parameter(output, "color").explode == false)
        #expect(try parameter(output, "tone").style == .form)
        #expect(try parameter(output, "tone").explode == true)
        #expect(try parameter(output, "X-Shade").style == .simple)
        #expect(try parameter(output, "X-Shade").explode == false)
        #expect(try parameter(output, "hue").style == .form)
        #expect(try parameter(output, "hue").explode == true)
        // Defaults are the runtime's too: the calls say nothing about styles.
        let code = output.text(of: .operations)
        #expect(code.contains(#"try request.setPathParameter("color", color)"#))
        #expect(code.contains(#"try request.addQueryParameter("tone", tone)"#))
        #expect(code.contains(#"try request.setHeaderParameter("X-Shade", xShade)"#))
        #expect(code.contains(#"try request.addCookieParameter("hue", hue)"#))
    }

    @Test func explodeDefaultsToTrueForFormOnly() throws {
        let output = try generate(Self.operation("""
            - { name: color, in: path, required: true, style: matrix, schema: { type: array, items: { type: string } } }
            - { name: a, in: query, style: form, schema: { type: array, items: { type: string } } }
            - { name: b, in: query, style: spaceDelimited, schema: { type: array, items: { type: string } } }
            - { name: c, in: query, style: pipeDelimited, schema: { type: array, items: { type: string } } }
            - { name: d, in: query, style: deepObject, schema: { type: object, properties: { R: { type: integer } } } }
            - { name: e, in: query, style: pipeDelimited, explode: true, schema: { type: array, items: { type: string } } }
            """))
        #expect(try parameter(output, "color").explode == false)
        #expect(try parameter(output, "a").explode == true)
        #expect(try parameter(output, "b").explode == false)
        #expect(try parameter(output, "c").explode == false)
        #expect(try parameter(output, "d").explode == false)
        #expect(try parameter(output, "e").explode == true, "an explode the document writes is kept")
    }

    @Test func everyLocationPassesItsStyleAndExplodeToTheRuntime() throws {
        let output = try generate(Self.operation("""
            - { name: color, in: path, required: true, style: label, explode: true, schema: { type: array, items: { type: string } } }
            - { name: tone, in: query, style: pipeDelimited, schema: { type: array, items: { type: string } } }
            - { name: X-Shade, in: header, explode: true, schema: { type: object, properties: { R: { type: integer } } } }
            - { name: hue, in: cookie, explode: false, schema: { type: array, items: { type: string } } }
            """))
        let code = output.text(of: .operations)
        #expect(code.contains(#"try request.setPathParameter("color", color, style: .label, explode: true)"#))
        #expect(code.contains(#"try request.addQueryParameter("tone", tone, style: .pipeDelimited, explode: false)"#))
        #expect(code.contains(#"try request.setHeaderParameter("X-Shade", xShade, style: .simple, explode: true)"#))
        #expect(code.contains(#"try request.addCookieParameter("hue", hue, style: .form, explode: false)"#))
    }

    @Test func matrixOnAPathIsNoLongerSentAsSimple() throws {
        let output = try generate(Self.operation("""
            - { name: color, in: path, required: true, style: matrix, schema: { type: string } }
            """, path: "/c{color}"))
        #expect(output.text(of: .operations).contains(#"try request.setPathParameter("color", color, style: .matrix, explode: false)"#))
    }

    struct Misplaced: Sendable, CustomTestStringConvertible {
        var location: String
        var style: String
        var fallback: ParameterStyle
        /// What the message lists as the location's styles.
        var allowed: String
        var testDescription: String { "\(style) in \(location)" }
    }

    static let misplaced: [Misplaced] = [
        Misplaced(location: "query", style: "simple", fallback: .form, allowed: "form, spaceDelimited, pipeDelimited, deepObject"),
        Misplaced(location: "query", style: "matrix", fallback: .form, allowed: "form, spaceDelimited, pipeDelimited, deepObject"),
        Misplaced(location: "query", style: "label", fallback: .form, allowed: "form, spaceDelimited, pipeDelimited, deepObject"),
        Misplaced(location: "header", style: "form", fallback: .simple, allowed: "simple"),
        Misplaced(location: "header", style: "deepObject", fallback: .simple, allowed: "simple"),
        Misplaced(location: "cookie", style: "simple", fallback: .form, allowed: "form"),
        Misplaced(location: "cookie", style: "spaceDelimited", fallback: .form, allowed: "form"),
        Misplaced(location: "path", style: "deepObject", fallback: .simple, allowed: "matrix, label, simple"),
        Misplaced(location: "path", style: "form", fallback: .simple, allowed: "matrix, label, simple"),
        Misplaced(location: "path", style: "pipeDelimited", fallback: .simple, allowed: "matrix, label, simple"),
    ]

    @Test(arguments: misplaced)
    func aStyleTheLocationDoesNotDefineIsAWarningAtItsKeyAndTheDefault(_ misplaced: Misplaced) throws {
        let isPath = misplaced.location == "path"
        let output = try generate(Self.operation("""
            - name: color
              in: \(misplaced.location)
              \(isPath ? "required: true\n  " : "")style: \(misplaced.style)
              schema: { type: array, items: { type: string } }
            """, path: isPath ? "/c/{color}" : "/c"), expecting: ["invalid-parameter-style"])
        let found = try parameter(output, "color")
        #expect(found.style == misplaced.fallback)
        #expect(found.explode == misplaced.fallback.defaultExplode, "explode follows the style used")
        let warning = try #require(output.diagnostics.first)
        let line = isPath ? 13 : 12
        #expect(warning.description == "test.yaml:\(line):11: warning: \(misplaced.location) parameter 'color' cannot have style '\(misplaced.style)' (\(misplaced.location) parameters take \(misplaced.allowed)); using '\(misplaced.fallback.rawValue)' [#/paths/~1c\(isPath ? "~1{color}" : "")/get/parameters/0/style]")
        // The call never asks the runtime for a style it would refuse.
        #expect(!output.text(of: .operations).contains("style: .\(misplaced.style)"))
    }

    @Test func anUnknownStyleIsAWarningAtItsKeyAndTheDefault() throws {
        let output = try generate(Self.operation("""
            - name: color
              in: query
              style: commaDelimited
              schema: { type: array, items: { type: string } }
            """, path: "/c"), expecting: ["unknown-parameter-style"])
        let found = try parameter(output, "color")
        #expect(found.style == .form)
        #expect(found.explode == true)
        let warning = try #require(output.diagnostics.first)
        #expect(warning.description == "test.yaml:12:11: warning: query parameter 'color' has style 'commaDelimited', which OpenAPI does not define (query parameters take form, spaceDelimited, pipeDelimited, deepObject); using 'form' [#/paths/~1c/get/parameters/0/style]")
        #expect(output.text(of: .operations).contains(#"try request.addQueryParameter("color", color)"#))
    }

    @Test func aSharedParameterWithAWrongStyleIsReportedOnce() throws {
        let text = """
            openapi: 3.0.3
            info: { title: Styles, version: "1" }
            paths:
              /a:
                get:
                  operationId: first
                  parameters: [{ $ref: '#/components/parameters/Color' }]
                  responses: { "204": { description: done } }
              /b:
                get:
                  operationId: second
                  parameters: [{ $ref: '#/components/parameters/Color' }]
                  responses: { "204": { description: done } }
            components:
              parameters:
                Color:
                  name: color
                  in: query
                  style: matrix
                  schema: { type: string }
            """
        let output = try generate(text, expecting: ["invalid-parameter-style"])
        #expect(output.diagnostics.first?.location?.position?.line == 19)
        #expect(output.model.operations.allSatisfy { $0.parameters.first?.style == .form })
    }
}

import Foundation
import Testing
@testable import WherebyCodegenCore

/// Broken documents fail the way a good compiler fails: a located error and nothing generated,
/// or, where the document is still usable, a located warning and output. Never a crash or a hang.
@Suite struct BrokenDocumentTests {
    enum Outcome: Sendable {
        /// Fails with these error ids, each at a line and column.
        case error([String])
        /// Generates, with these warning ids, each at a line and column.
        case warning([String])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var path: String
        var bytes: [UInt8]
        var outcome: Outcome
        var testDescription: String { name }

        init(_ name: String, _ path: String, _ text: String, _ outcome: Outcome) {
            self.init(name, path, bytes: Array(text.utf8), outcome)
        }

        /// A YAML document, `api.yaml`.
        init(_ name: String, _ text: String, _ outcome: Outcome) {
            self.init(name, "api.yaml", text, outcome)
        }

        init(_ name: String, _ path: String, bytes: [UInt8], _ outcome: Outcome) {
            self.name = name
            self.path = path
            self.bytes = bytes
            self.outcome = outcome
        }
    }

    static let header = "openapi: 3.0.3\ninfo: { title: T, version: '1' }\n"
    static let operation = "      responses: { '204': { description: ok } }\n"

    static let cases: [Case] = {
        var cases: [Case] = []
        cases.append(Case("json missing comma", "api.json", #"{"openapi": "3.0.3" "info": {}}"#, .error(["json-syntax"])))
        cases.append(Case("json trailing garbage", "api.json", #"{"openapi": "3.0.3", "paths": {}} x"#, .error(["json-syntax"])))
        cases.append(Case("json unterminated string", "api.json", #"{"openapi": "3.0"#, .error(["json-syntax"])))
        cases.append(Case("json lone surrogate", "api.json", #"{"openapi": "\uD800"}"#, .error(["json-syntax"])))
        cases.append(Case("json duplicate key", "api.json", #"{"openapi": "3.0.3", "openapi": "3.1.0", "paths": {}}"#, .error(["duplicate-key"])))
        cases.append(Case("json empty file", "api.json", "", .error(["empty-document"])))
        cases.append(Case("json only whitespace", "api.json", "  \n\n ", .error(["empty-document"])))
        cases.append(Case("yaml unclosed flow sequence", "openapi: 3.0.3\npaths: [a, b\n", .error(["yaml-syntax"])))
        cases.append(Case("yaml tab indentation", "openapi: 3.0.3\npaths:\n\t/a: {}\n", .error(["yaml-syntax"])))
        cases.append(Case("yaml duplicate key", header + "paths: {}\npaths: {}\n", .error(["duplicate-key"])))
        cases.append(Case("yaml two documents", header + "paths: {}\n---\nother: 1\n", .error(["multiple-documents"])))
        cases.append(Case("yaml empty file", "", .error(["empty-document"])))
        cases.append(Case("yaml mapping as key", "? [a, b]\n: c\n", .error(["non-scalar-key"])))
        cases.append(Case("yaml bad int tag", "openapi: !!int twelve\n", .error(["yaml-syntax"])))
        cases.append(Case("invalid utf-8", "api.yaml", bytes: Array("openapi: 3.0.3\ninfo: ".utf8) + [0xC3, 0x28] + Array("\n".utf8), .error(["invalid-utf8"])))
        cases.append(Case("unknown openapi version", "openapi: 4.0.0\npaths: {}\n", .error(["unsupported-version"])))
        cases.append(Case("swagger 2.0 ref to nothing", "swagger: '2.0'\npaths: {}\ndefinitions:\n  A: { $ref: '#/definitions/B' }\n", .error(["unresolved-ref"])))
        cases.append(Case("swagger 2.0 parameter ref to nothing", "swagger: '2.0'\npaths:\n  /a:\n    get:\n      parameters: [{ $ref: '#/parameters/p' }]\n" + operation, .error(["unresolved-ref"])))
        cases.append(Case("swagger 2.0 body without schema", "swagger: '2.0'\npaths:\n  /a:\n    post:\n      operationId: a\n      parameters: [{ name: b, in: body }]\n" + operation, .warning(["swagger-body-schema"])))
        cases.append(Case("swagger 2.0 unknown security type", "swagger: '2.0'\nsecurityDefinitions:\n  s: { type: saml }\npaths: {}\n", .warning(["invalid-security-scheme"])))
        cases.append(Case("not openapi at all", "name: my app\nversion: 2\n", .error(["not-openapi"])))
        cases.append(Case("top level is a list", "- openapi\n- 3.0.3\n", .error(["not-openapi"])))
        cases.append(Case("ref to nothing", header + "paths: {}\ncomponents:\n  schemas:\n    A: { $ref: '#/components/schemas/B' }\n", .error(["unresolved-ref"])))
        cases.append(Case("ref into missing file", header + "paths: {}\ncomponents:\n  schemas:\n    A: { $ref: 'missing.yaml#/A' }\n", .error(["unresolved-ref"])))
        cases.append(Case("ref cycle", header + "paths: {}\ncomponents:\n  schemas:\n    A: { $ref: '#/components/schemas/B' }\n    B: { $ref: '#/components/schemas/A' }\n", .error(["ref-cycle", "ref-cycle"])))
        cases.append(Case("ref is not a string", header + "paths: {}\ncomponents:\n  schemas:\n    A: { $ref: 12 }\n", .error(["invalid-ref"])))
        cases.append(Case("ref fragment is not a pointer", header + "paths: {}\ncomponents:\n  schemas:\n    A: { $ref: '#components' }\n", .error(["invalid-ref"])))
        cases.append(Case("remote ref", header + "paths: {}\ncomponents:\n  schemas:\n    A: { $ref: 'https://example.com/a.yaml' }\n", .error(["remote-ref"])))
        cases.append(Case("paths is a list", header + "paths: [a]\n", .warning(["wrong-type"])))
        cases.append(Case("description is a mapping", header + "paths:\n  /a:\n    get:\n      operationId: a\n      description: { text: x }\n" + operation, .warning(["wrong-type"])))
        cases.append(Case("duplicate operationIds", header + "paths:\n  /a:\n    get:\n      operationId: same\n" + operation + "  /b:\n    get:\n      operationId: same\n" + operation, .warning(["duplicate-operation-id"])))
        cases.append(Case("parameter in nowhere", header + "paths:\n  /a:\n    get:\n      operationId: a\n      parameters: [{ name: x, in: body, schema: { type: string } }]\n" + operation, .warning(["invalid-parameter"])))
        cases.append(Case("path without slash", header + "paths:\n  a:\n    get:\n      operationId: a\n" + operation, .warning(["invalid-path"])))
        cases.append(Case("unknown schema type", header + "paths: {}\ncomponents:\n  schemas:\n    A: { type: text }\n", .warning(["unknown-type"])))
        cases.append(Case("operation without responses", header + "paths:\n  /a:\n    get:\n      operationId: a\n", .warning(["missing-responses"])))
        cases.append(Case("template parameter never declared", header + "paths:\n  /a/{id}:\n    get:\n      operationId: a\n" + operation, .warning(["undeclared-path-parameter"])))
        cases.append(Case("unknown parameter style", header + "paths:\n  /a:\n    get:\n      operationId: a\n      parameters: [{ name: x, in: query, style: weird, schema: { type: string } }]\n" + operation, .warning(["unknown-parameter-style"])))
        cases.append(Case("unknown security scheme type", header + "paths: {}\ncomponents:\n  securitySchemes:\n    A: { type: magic }\n", .warning(["invalid-security-scheme"])))
        cases.append(Case("dangling operation ref", header + "paths:\n  /a:\n    get: { $ref: '#/x-operations/missing' }\n", .error(["unresolved-ref"])))
        cases.append(Case("operation ref into missing file", header + "paths:\n  /a:\n    get: { $ref: 'operations/missing.yml' }\n", .error(["unresolved-ref"])))
        cases.append(Case("operation ref is not a string", header + "paths:\n  /a:\n    get: { $ref: 12 }\n", .error(["invalid-ref"])))
        cases.append(Case("path item ref to nothing", header + "paths:\n  /a: { $ref: '#/x-path-items/a' }\n", .error(["unresolved-ref"])))
        cases.append(Case("path item ref cycle", header + "paths:\n  /a: { $ref: '#/paths/~1b' }\n  /b: { $ref: '#/paths/~1a' }\n", .error(["ref-cycle", "ref-cycle"])))
        cases.append(Case("paths without any operation", header + "paths:\n  /a: { summary: nothing }\n", .error(["no-operations"])))
        cases.append(Case("operation written as a ref", header + "paths:\n  /a:\n    get: { $ref: '#/x-operations/a' }\nx-operations:\n  a:\n    operationId: a\n" + String(operation.dropFirst(2)), .warning(["operation-ref"])))
        cases.append(Case("nesting 10,000 deep json", "api.json", #"{"openapi": "3.0.3", "x": "# + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}", .error(["nesting-too-deep"])))
        cases.append(Case("nesting 10,000 deep yaml", "openapi: 3.0.3\nx: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n", .error(["nesting-too-deep"])))
        cases.append(Case("billion laughs", billionLaughs, .error(["alias-limit"])))
        cases.append(Case("50 MB string", "api.json", #"{"openapi": "3.0.3", "info": {"title": "T", "version": "1", "description": ""# + String(repeating: "a", count: 50 << 20) + #""}, "paths": {}}"#, .error(["scalar-too-large"])))
        return cases
    }()

    static let billionLaughs: String = {
        var lines = ["openapi: 3.0.3", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let previous = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(previous)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func tableHasAtLeastThirtyDocuments() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases)
    func failsWithALocatedDiagnostic(_ testCase: Case) {
        let file = SourceFile(path: testCase.path, bytes: testCase.bytes)
        switch testCase.outcome {
        case .error(let expected):
            do {
                _ = try GeneratorPipeline().run(file)
                Issue.record("\(testCase.name) generated, but should have failed with \(expected)")
            } catch {
                let errors = error.diagnostics.filter { $0.severity == .error }
                #expect(errors.map(\.id.rawValue) == expected, "\(error.diagnostics)")
                for diagnostic in errors {
                    #expect(diagnostic.location?.file == testCase.path)
                    #expect(diagnostic.location?.position != nil, "\(diagnostic) has no line and column")
                    #expect(diagnostic.description.hasPrefix("\(testCase.path):"))
                    #expect(!diagnostic.message.contains("\n"))
                }
            }
        case .warning(let expected):
            do {
                let output = try GeneratorPipeline().run(file)
                #expect(output.diagnostics.map(\.id.rawValue).sorted() == expected.sorted(), "\(output.diagnostics)")
                #expect(output.diagnostics.allSatisfy { $0.location?.position != nil })
                #expect(output.files.count == SwiftEmitter.fileNames.count)
            } catch {
                Issue.record("\(testCase.name) should generate with warnings \(expected), but failed: \(error)")
            }
        }
    }
}

import Testing
@testable import WherebyCodegenCore

/// A parameter that keeps its name and Swift type but changes how it goes over the wire (its
/// style, explode, whether it is required or nullable) is a breaking change for `diff`, and a
/// changed operation for `generate --summarize-changes`.
@Suite struct ParameterChangeTests {
    /// One operation with a parameter in each location; each argument replaces one of them.
    static func document(
        path: String = "{ name: color, in: path, required: true, schema: { type: string } }",
        query: String = "{ name: tone, in: query, schema: { type: array, items: { type: string } } }",
        header: String = "{ name: X-Shade, in: header, schema: { type: array, items: { type: string } } }",
        cookie: String = "{ name: hue, in: cookie, schema: { type: array, items: { type: string } } }"
    ) -> String {
        """
        openapi: 3.0.3
        info: { title: Styles, version: "1" }
        paths:
          /c/{color}:
            get:
              operationId: paint
              parameters:
                - \(path)
                - \(query)
                - \(header)
                - \(cookie)
              responses: { "204": { description: done } }
        """
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var after: String
        var detail: String
        /// Whether the generated Swift differs, so that the summary of a regeneration sees it.
        var changesGeneratedCode = true
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "path style",
             after: document(path: "{ name: color, in: path, required: true, style: matrix, schema: { type: string } }"),
             detail: "parameter 'color' style is now matrix, was simple"),
        Case(name: "path explode",
             after: document(path: "{ name: color, in: path, required: true, explode: true, schema: { type: string } }"),
             detail: "parameter 'color' explode is now true, was false"),
        Case(name: "query style",
             after: document(query: "{ name: tone, in: query, style: pipeDelimited, explode: true, schema: { type: array, items: { type: string } } }"),
             detail: "parameter 'tone' style is now pipeDelimited, was form"),
        Case(name: "query explode",
             after: document(query: "{ name: tone, in: query, explode: false, schema: { type: array, items: { type: string } } }"),
             detail: "parameter 'tone' explode is now false, was true"),
        Case(name: "header explode",
             after: document(header: "{ name: X-Shade, in: header, explode: true, schema: { type: array, items: { type: string } } }"),
             detail: "parameter 'X-Shade' explode is now true, was false"),
        Case(name: "cookie explode",
             after: document(cookie: "{ name: hue, in: cookie, explode: false, schema: { type: array, items: { type: string } } }"),
             detail: "parameter 'hue' explode is now false, was true"),
        Case(name: "required",
             after: document(query: "{ name: tone, in: query, required: true, schema: { type: array, items: { type: string } } }"),
             detail: "parameter 'tone' is now required"),
        Case(name: "allowReserved",
             after: document(query: "{ name: tone, in: query, allowReserved: true, schema: { type: array, items: { type: string } } }"),
             detail: "parameter 'tone' now allows reserved characters unencoded"),
        // A nullable parameter is generated as the same Swift: only `diff`, which compares the
        // documents' models, can see this one.
        Case(name: "nullable",
             after: document(header: "{ name: X-Shade, in: header, schema: { type: array, nullable: true, items: { type: string } } }"),
             detail: "parameter 'X-Shade' is now nullable",
             changesGeneratedCode: false),
    ]

    @Test(arguments: cases)
    func aChangeOfHowAParameterIsSentBreaksClients(_ change: Case) throws {
        let old = try generate(Self.document())
        let new = try generate(change.after)
        let diff = APIDiff(old: old.model, new: new.model)
        #expect(diff.changes.map(\.description) == ["BREAKING changed operation paint (GET /c/{color}): \(change.detail)"])
        // Back again is breaking too.
        let back = APIDiff(old: new.model, new: old.model)
        #expect(back.breaking.count == 1)
        #expect(back.changes.count == 1)

        let previous = Dictionary(uniqueKeysWithValues: old.files.map { ($0.name, $0.contents) })
        let summary = GeneratedChangeSummary(old: previous, new: new.files)
        #expect(summary.operations.changed == (change.changesGeneratedCode ? ["paint"] : []))
        #expect(summary.types.isEmpty)
    }

    @Test func aRequiredParameterBecomingOptionalBreaksClients() throws {
        let required = try generate(Self.document(query: "{ name: tone, in: query, required: true, schema: { type: array, items: { type: string } } }"))
        let optional = try generate(Self.document())
        #expect(APIDiff(old: required.model, new: optional.model).changes.map(\.description)
            == ["BREAKING changed operation paint (GET /c/{color}): parameter 'tone' is now optional, was required"])
    }

    @Test func aStyleWrittenOutAsTheDefaultIsNoChange() throws {
        let old = try generate(Self.document())
        let new = try generate(Self.document(
            path: "{ name: color, in: path, required: true, style: simple, explode: false, schema: { type: string } }",
            query: "{ name: tone, in: query, style: form, explode: true, schema: { type: array, items: { type: string } } }"
        ))
        #expect(APIDiff(old: old.model, new: new.model).changes.isEmpty)
        let previous = Dictionary(uniqueKeysWithValues: old.files.map { ($0.name, $0.contents) })
        #expect(GeneratedChangeSummary(old: previous, new: new.files).isEmpty)
    }
}

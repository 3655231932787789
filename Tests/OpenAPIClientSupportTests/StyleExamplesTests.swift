import Foundation
import HTTPTypes
import OpenAPIClientSupport
import Testing

/// The OpenAPI specification's own style examples (the "Style Examples" table of the
/// Parameter Object, 3.0.4 and 3.1.1), for a parameter named `color`, each cell sent through
/// the function generated code calls for the parameter's location.
///
/// The table as corrected in 3.0.4/3.1.1: label without explode joins arrays and objects with
/// commas (`.blue,black,brown`), and an empty matrix value is the bare name (`;color`).
/// Delimiters RFC 3986 does not allow in a query travel percent-encoded (`%20`, `%7C`,
/// `%5B`/`%5D`), as the table writes them.
///
/// Cells the table marks *n/a* are included too, with what the runtime sends instead of
/// failing the call (the generator never emits an impossible style for a location, but a
/// value can still have a shape the style was not made for): delimited styles and deepObject
/// fall back to form with explode for values that are not arrays or objects they can express.
@Suite("OpenAPI style examples")
struct StyleExamplesTests {
    enum Kind: String, CaseIterable, CustomStringConvertible {
        /// `""`; `null` gives the same text (the table's "undefined" column).
        case empty
        /// `"blue"`.
        case string
        /// `["blue", "black", "brown"]`.
        case array
        /// `{"R": 100, "G": 200, "B": 150}`.
        case object

        var description: String { rawValue }
    }

    /// The object of the table, members in its order.
    struct Color: Encodable, Sendable {
        var R = 100
        var G = 200
        var B = 150
    }

    enum Location: String, CustomStringConvertible {
        case path, query, header, cookie
        var description: String { rawValue }
    }

    /// One row of the table: a style, explode, and the text for each kind of value; `nil`
    /// where the runtime refuses the value (recorded as the request's problem).
    struct Row: CustomStringConvertible, Sendable {
        var location: Location
        var style: ParameterStyle
        var explode: Bool
        var empty: String?
        var string: String?
        var array: String?
        var object: String?

        var description: String { "\(location) \(style.rawValue) explode=\(explode)" }

        func expected(_ kind: Kind) -> String? {
            switch kind {
            case .empty: empty
            case .string: string
            case .array: array
            case .object: object
            }
        }
    }

    static let rows: [Row] = [
        // Path styles.
        Row(location: .path, style: .matrix, explode: false,
            empty: ";color", string: ";color=blue", array: ";color=blue,black,brown", object: ";color=R,100,G,200,B,150"),
        Row(location: .path, style: .matrix, explode: true,
            empty: ";color", string: ";color=blue", array: ";color=blue;color=black;color=brown", object: ";R=100;G=200;B=150"),
        Row(location: .path, style: .label, explode: false,
            empty: ".", string: ".blue", array: ".blue,black,brown", object: ".R,100,G,200,B,150"),
        Row(location: .path, style: .label, explode: true,
            empty: ".", string: ".blue", array: ".blue.black.brown", object: ".R=100.G=200.B=150"),
        // The table's empty simple value would leave an empty path segment, which addresses a
        // different resource: the runtime refuses it rather than send it.
        Row(location: .path, style: .simple, explode: false,
            empty: nil, string: "blue", array: "blue,black,brown", object: "R,100,G,200,B,150"),
        Row(location: .path, style: .simple, explode: true,
            empty: nil, string: "blue", array: "blue,black,brown", object: "R=100,G=200,B=150"),
        // Query styles.
        Row(location: .query, style: .form, explode: false,
            empty: "color=", string: "color=blue", array: "color=blue,black,brown", object: "color=R,100,G,200,B,150"),
        Row(location: .query, style: .form, explode: true,
            empty: "color=", string: "color=blue", array: "color=blue&color=black&color=brown", object: "R=100&G=200&B=150"),
        Row(location: .query, style: .spaceDelimited, explode: false,
            empty: "color=", string: "color=blue", array: "color=blue%20black%20brown", object: "color=R%20100%20G%20200%20B%20150"),
        Row(location: .query, style: .spaceDelimited, explode: true,
            empty: "color=", string: "color=blue", array: "color=blue&color=black&color=brown", object: "R=100&G=200&B=150"),
        Row(location: .query, style: .pipeDelimited, explode: false,
            empty: "color=", string: "color=blue", array: "color=blue%7Cblack%7Cbrown", object: "color=R%7C100%7CG%7C200%7CB%7C150"),
        Row(location: .query, style: .pipeDelimited, explode: true,
            empty: "color=", string: "color=blue", array: "color=blue&color=black&color=brown", object: "R=100&G=200&B=150"),
        // deepObject is defined for objects with explode; without explode the runtime writes
        // objects the same way, since no other reading of the document's intent exists.
        Row(location: .query, style: .deepObject, explode: false,
            empty: "color=", string: "color=blue", array: "color=blue&color=black&color=brown",
            object: "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"),
        Row(location: .query, style: .deepObject, explode: true,
            empty: "color=", string: "color=blue", array: "color=blue&color=black&color=brown",
            object: "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"),
        // Headers: simple, not percent-encoded.
        Row(location: .header, style: .simple, explode: false,
            empty: "", string: "blue", array: "blue,black,brown", object: "R,100,G,200,B,150"),
        Row(location: .header, style: .simple, explode: true,
            empty: "", string: "blue", array: "blue,black,brown", object: "R=100,G=200,B=150"),
        // Cookies: form, pairs joined with `; ` in one Cookie field.
        Row(location: .cookie, style: .form, explode: false,
            empty: "color=", string: "color=blue", array: "color=blue,black,brown", object: "color=R,100,G,200,B,150"),
        Row(location: .cookie, style: .form, explode: true,
            empty: "color=", string: "color=blue", array: "color=blue; color=black; color=brown", object: "R=100; G=200; B=150"),
    ]

    /// Every style × explode × location row, against every kind of value.
    static var cells: [(Row, Kind)] {
        rows.flatMap { row in Kind.allCases.map { (row, $0) } }
    }

    @Test("writes each value as the specification's table does", arguments: cells)
    func writesTheTablesText(row: Row, kind: Kind) throws {
        switch kind {
        case .empty:
            #expect(try text(row, "") == row.expected(kind))
            #expect(try text(row, JSONValue.null) == row.expected(kind), "null writes like the empty string")
        case .string:
            #expect(try text(row, "blue") == row.expected(kind))
        case .array:
            #expect(try text(row, ["blue", "black", "brown"]) == row.expected(kind))
        case .object:
            #expect(try text(row, Color()) == row.expected(kind))
        }
    }

    @Test("covers every style the specification defines for each location, with and without explode")
    func coversEveryStyleOfEveryLocation() {
        let covered = Set(Self.rows.map { "\($0.location) \($0.style.rawValue) \($0.explode)" })
        let defined: [(Location, [ParameterStyle])] = [
            (.path, [.matrix, .label, .simple]),
            (.query, [.form, .spaceDelimited, .pipeDelimited, .deepObject]),
            (.header, [.simple]),
            (.cookie, [.form]),
        ]
        for (location, styles) in defined {
            for style in styles {
                for explode in [false, true] {
                    #expect(covered.contains("\(location) \(style.rawValue) \(explode)"))
                }
            }
        }
        #expect(Self.rows.count == 18)
    }

    @Test("refuses a style the location does not have, as the request's problem rather than a crash")
    func refusesStylesOfOtherLocations() throws {
        var request = APIRequest.get("/c/{color}")
        try request.setHeaderParameter("X-Color", "blue", style: .form)
        #expect(request.problem != nil)
        request = APIRequest.get("/c/{color}")
        try request.addCookieParameter("color", "blue", style: .simple)
        #expect(request.problem != nil)
        request = APIRequest.get("/c/{color}")
        try request.addQueryParameter("color", "blue", style: .matrix)
        #expect(request.problem != nil)
        request = APIRequest.get("/c/{color}")
        try request.setPathParameter("color", "blue", style: .pipeDelimited)
        #expect(request.problem != nil)
    }

    // MARK: - Sending one cell

    /// The text a value becomes in the row's location, or `nil` when the request records a problem.
    private func text(_ row: Row, _ value: some Encodable & Sendable) throws -> String? {
        var request = APIRequest.get("/c/{color}")
        switch row.location {
        case .path:
            try request.setPathParameter("color", value, style: row.style, explode: row.explode)
        case .query:
            try request.setPathParameter("color", "x")
            try request.addQueryParameter("color", value, style: row.style, explode: row.explode)
        case .header:
            try request.setPathParameter("color", "x")
            try request.setHeaderParameter("color", value, style: row.style, explode: row.explode)
        case .cookie:
            try request.setPathParameter("color", "x")
            try request.addCookieParameter("color", value, style: row.style, explode: row.explode)
        }
        guard request.problem == nil else { return nil }
        let built = try APIRuntime.testing().makeHTTPRequest(request).0
        switch row.location {
        case .path:
            let path = built.path ?? ""
            return path.range(of: "/c/").map { String(path[$0.upperBound...]) }
        case .query:
            return query(of: built.path ?? "")
        case .header:
            return built.headerFields[HTTPField.Name("color")!]
        case .cookie:
            return built.headerFields[.cookie]
        }
    }
}

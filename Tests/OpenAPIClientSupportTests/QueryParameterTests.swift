import Foundation
import OpenAPIClientSupport
import Testing

@Suite("Query parameters")
struct QueryParameterTests {
    enum Fields: String, Codable, Sendable { case name, endDate }
    struct Color: Encodable, Sendable { var R = 100, G = 200 }
    struct RoomNameFilter: Encodable, Sendable {
        var exact: String?
        var prefix: String?
    }

    private func query(
        _ value: (some Encodable & Sendable)?,
        name: String = "a",
        style: ParameterStyle = .form,
        explode: Bool = true,
        allowReserved: Bool = false
    ) throws -> String {
        var request = APIRequest.get()
        try request.addQueryParameter(name, value, style: style, explode: explode, allowReserved: allowReserved)
        return OpenAPIClientSupportTests.query(of: try APIRuntime.testing().path(of: request))
    }

    @Test("adds nothing for nil and keeps the order parameters were added in")
    func skipsNilKeepsOrder() throws {
        var request = APIRequest.get()
        try request.addQueryParameter("limit", 10)
        try request.addQueryParameter("cursor", String?.none)
        try request.addQueryParameter("sort", "name")
        #expect(try APIRuntime.testing().path(of: request) == "/items?limit=10&sort=name")
        #expect(try APIRuntime.testing().path(of: .get()) == "/items")
    }

    @Test("writes scalars: strings, Booleans, numbers, dates, enums")
    func writesScalars() throws {
        #expect(try query("x") == "a=x")
        #expect(try query(true) == "a=true")
        #expect(try query(false) == "a=false")
        #expect(try query(-3) == "a=-3")
        #expect(try query(UInt8(7)) == "a=7")
        #expect(try query(2.0) == "a=2")
        #expect(try query(0.25) == "a=0.25")
        #expect(try query(Float(0.1)) == "a=0.1")
        #expect(try query(Decimal(string: "12.50")) == "a=12.5")
        #expect(try query(Fields.endDate) == "a=endDate")
        #expect(try query(Date(timeIntervalSince1970: 1_747_068_169.123)) == "a=2025-05-12T16%3A42%3A49.123Z")
        #expect(try query(Data([0xFB, 0xFF])) == "a=%2B%2F8%3D")
        #expect(try query(URL(string: "https://x.dev/a?b=c")) == "a=https%3A%2F%2Fx.dev%2Fa%3Fb%3Dc")
        #expect(try query(Nullable<Int>.null) == "a=")
    }

    @Test(
        "escapes & = + # % space and non-ASCII in names and values",
        arguments: [
            ("a&b=c", "a%26b%3Dc"),
            ("1+1", "1%2B1"),
            ("#tag", "%23tag"),
            ("100%", "100%25"),
            ("two words", "two%20words"),
            ("é", "%C3%A9"),
            ("a/b?c", "a%2Fb%3Fc"),
        ]
    )
    func escapesReservedCharacters(value: String, encoded: String) throws {
        #expect(try query(value, name: value) == "\(encoded)=\(encoded)")
    }

    @Test("allowReserved keeps reserved characters legal in a query but still encodes & # and brackets")
    func allowReservedKeepsReserved() throws {
        #expect(try query("a/b?c:d@e,f;g=h+i", allowReserved: true) == "a=a/b?c:d@e,f;g=h+i")
        #expect(try query("x&y#z[0] %41", allowReserved: true) == "a=x%26y%23z%5B0%5D%20%41")
    }

    @Test("form style writes arrays exploded as repeated keys and unexploded comma-separated")
    func formArrays() throws {
        #expect(try query([1, 2]) == "a=1&a=2")
        #expect(try query([1, 2], explode: false) == "a=1,2")
        #expect(try query(["x,y", "z"], explode: false) == "a=x%2Cy,z")
        #expect(try query([Fields.name, .endDate], name: "fields", explode: false) == "fields=name,endDate")
        #expect(try query([true, false]) == "a=true&a=false")
        #expect(try query([Int]()) == "")
        #expect(try query([Int](), explode: false) == "a=")
    }

    @Test("form style writes objects exploded as their members and unexploded as key,value pairs")
    func formObjects() throws {
        #expect(try query(Color(), name: "color") == "R=100&G=200")
        #expect(try query(Color(), name: "color", explode: false) == "color=R,100,G,200")
        #expect(try query(["k": "v w"], name: "m") == "k=v%20w")
    }

    @Test("space- and pipe-delimited styles join unexploded arrays with encoded delimiters")
    func delimitedArrays() throws {
        #expect(try query([1, 2, 3], style: .spaceDelimited, explode: false) == "a=1%202%203")
        #expect(try query([1, 2, 3], style: .pipeDelimited, explode: false) == "a=1%7C2%7C3")
        #expect(try query([1, 2], style: .pipeDelimited, explode: true) == "a=1&a=2")
        #expect(try query(Color(), style: .spaceDelimited, explode: false) == "a=R%20100%20G%20200")
    }

    @Test("encodesDeepObjectQueryWithPercentEncodedBrackets: roomName[exact]=value")
    func encodesDeepObject() throws {
        let filter = RoomNameFilter(exact: "/room-prefix-1")
        #expect(try query(filter, name: "roomName", style: .deepObject) == "roomName%5Bexact%5D=%2Froom-prefix-1")
        let both = RoomNameFilter(exact: "a b", prefix: "c&d")
        #expect(try query(both, name: "roomName", style: .deepObject) == "roomName%5Bexact%5D=a%20b&roomName%5Bprefix%5D=c%26d")
    }

    @Test("deepObject nests objects with more brackets, repeats keys for arrays, skips null members")
    func deepObjectNesting() throws {
        let value: JSONValue = ["outer": ["inner": 1], "list": [1, 2], "gone": nil]
        #expect(try query(value, name: "f", style: .deepObject) == "f%5Blist%5D=1&f%5Blist%5D=2&f%5Bouter%5D%5Binner%5D=1")
    }

    @Test("deepObject with a non-object value falls back to form, explode")
    func deepObjectFallsBackForScalars() throws {
        #expect(try query("x", style: .deepObject) == "a=x")
        #expect(try query([1, 2], style: .deepObject) == "a=1&a=2")
    }

    @Test("decodes back to roomName[exact] through URLComponents without double encoding")
    func deepObjectSurvivesURLComponents() throws {
        var request = APIRequest.get("/insights/rooms")
        try request.addQueryParameter("roomName", RoomNameFilter(exact: "/room-prefix-1"), style: .deepObject)
        let path = try APIRuntime.testing().path(of: request)
        // What swift-openapi-urlsession does with the path.
        let components = try #require(URLComponents(string: path))
        #expect(components.percentEncodedQuery == "roomName%5Bexact%5D=%2Froom-prefix-1")
        #expect(components.queryItems == [URLQueryItem(name: "roomName[exact]", value: "/room-prefix-1")])
    }

    @Test("rejects arrays nested in arrays and objects nested in form objects, naming the parameter")
    func rejectsNesting() throws {
        let error = #expect(throws: APIClientError.self) { try query([[1], [2]], name: "grid") }
        #expect(error?.description == "listItems: invalid parameter 'grid': the form style cannot express arrays or objects nested in 'grid'")
        #expect(throws: APIClientError.self) { try query(["a": ["b": 1]] as JSONValue, name: "o") }
    }

    @Test("rejects numbers with no text form, naming where they are")
    func rejectsNonFiniteNumbers() throws {
        let error = #expect(throws: APIClientError.self) { try query([1.0, .nan], name: "ratios") }
        #expect(error?.description == "listItems: invalid parameter 'ratios': at [1]: nan has no text form")
    }

    @Test("rejects path-only styles")
    func rejectsPathStyles() {
        #expect(throws: APIClientError.self) { try query("x", style: .matrix) }
    }
}

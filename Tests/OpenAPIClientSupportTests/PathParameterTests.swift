import Foundation
import OpenAPIClientSupport
import Testing

@Suite("Path parameters")
struct PathParameterTests {
    private func path(_ value: some Encodable & Sendable, style: ParameterStyle = .simple, explode: Bool = false) throws -> String {
        var request = APIRequest.get("/rooms/{roomName}")
        try request.setPathParameter("roomName", value, style: style, explode: explode)
        return try APIRuntime.testing().path(of: request)
    }

    @Test(
        "percent-encodes everything outside the unreserved characters",
        arguments: [
            ("/room-prefix-1", "/rooms/%2Froom-prefix-1"),
            ("my room", "/rooms/my%20room"),
            ("a+b&c=d#e%f?g", "/rooms/a%2Bb%26c%3Dd%23e%25f%3Fg"),
            ("ünïcødé", "/rooms/%C3%BCn%C3%AFc%C3%B8d%C3%A9"),
            ("🎥", "/rooms/%F0%9F%8E%A5"),
            ("A-z_0.9~", "/rooms/A-z_0.9~"),
            ("[x]:@!$'()*,;", "/rooms/%5Bx%5D%3A%40%21%24%27%28%29%2A%2C%3B"),
        ]
    )
    func percentEncodes(value: String, expected: String) throws {
        #expect(try path(value) == expected)
    }

    @Test("fills every placeholder, including repeated ones, and keeps the rest of the template")
    func fillsPlaceholders() throws {
        var request = APIRequest.get("/rooms/{roomName}/theme/{part}/{roomName}")
        try request.setPathParameter("roomName", "a b")
        try request.setPathParameter("part", "logo")
        #expect(try APIRuntime.testing().path(of: request) == "/rooms/a%20b/theme/logo/a%20b")
    }

    @Test("writes scalars: integers, Booleans, floating point and dates")
    func writesScalars() throws {
        #expect(try path(42) == "/rooms/42")
        #expect(try path(true) == "/rooms/true")
        #expect(try path(2.0) == "/rooms/2")
        #expect(try path(1.5) == "/rooms/1.5")
        #expect(try path(Date(timeIntervalSince1970: 1_747_068_169)) == "/rooms/2025-05-12T16%3A42%3A49Z")
    }

    @Test("writes arrays and objects in simple, label and matrix styles")
    func writesStyles() throws {
        struct Color: Encodable { var R = 100, G = 200 }
        #expect(try path(["a", "b c"]) == "/rooms/a,b%20c")
        #expect(try path(Color()) == "/rooms/R,100,G,200")
        #expect(try path(Color(), explode: true) == "/rooms/R=100,G=200")
        #expect(try path(["a", "b"], style: .label) == "/rooms/.a,b")
        #expect(try path(["a", "b"], style: .label, explode: true) == "/rooms/.a.b")
        #expect(try path("x", style: .matrix) == "/rooms/;roomName=x")
        #expect(try path(["a", "b"], style: .matrix) == "/rooms/;roomName=a,b")
        #expect(try path(["a", "b"], style: .matrix, explode: true) == "/rooms/;roomName=a;roomName=b")
        #expect(try path(Color(), style: .matrix, explode: true) == "/rooms/;R=100;G=200")
    }

    @Test("rejects values that would address a different resource")
    func rejectsEmptyAndDotSegments() {
        for value in ["", ".", ".."] {
            #expect(throws: APIClientError.self) { try path(value) }
        }
    }

    @Test("rejects a name the template does not have and reports a placeholder left without a value")
    func rejectsUnknownAndMissingPlaceholders() throws {
        var request = APIRequest.get("/rooms/{roomName}", operationID: "getRoom")
        let unknown = #expect(throws: APIClientError.self) { try request.setPathParameter("roomId", "x") }
        #expect(unknown?.description == "getRoom: invalid parameter 'roomId': the path template '/rooms/{roomName}' has no {roomId} placeholder")
        let missing = #expect(throws: APIClientError.self) { try APIRuntime.testing().makeHTTPRequest(request) }
        #expect(missing?.description == "getRoom: invalid parameter 'roomName': no value was set for this path parameter")
    }

    @Test("rejects query-only styles")
    func rejectsQueryStyles() {
        #expect(throws: APIClientError.self) { try path("x", style: .deepObject) }
    }
}

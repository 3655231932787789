import Foundation
import HTTPTypes
import OpenAPIClientSupport
import Testing

@Suite("Header and cookie parameters")
struct HeaderAndCookieParameterTests {
    @Test("sets header parameters in simple style without percent-encoding; nil adds nothing")
    func setsHeaders() throws {
        struct Color: Encodable, Sendable { var R = 100, G = 200 }
        var request = APIRequest.get()
        try request.setHeaderParameter("X-Request-Id", "abc 123/é")
        try request.setHeaderParameter("X-Tags", ["a", "b"])
        try request.setHeaderParameter("X-Color", Color())
        try request.setHeaderParameter("X-Color-Exploded", Color(), explode: true)
        try request.setHeaderParameter("X-Absent", Int?.none)
        let fields = try APIRuntime.testing().makeHTTPRequest(request).0.headerFields
        #expect(fields[HTTPField.Name("X-Request-Id")!] == "abc 123/é")
        #expect(fields[HTTPField.Name("X-Tags")!] == "a,b")
        #expect(fields[HTTPField.Name("X-Color")!] == "R,100,G,200")
        #expect(fields[HTTPField.Name("X-Color-Exploded")!] == "R=100,G=200")
        #expect(fields[HTTPField.Name("X-Absent")!] == nil)
    }

    @Test("setting a header parameter again replaces it")
    func replacesHeaders() throws {
        var request = APIRequest.get()
        try request.setHeaderParameter("X-Version", 1)
        try request.setHeaderParameter("X-Version", 2)
        #expect(request.headerFields[values: HTTPField.Name("X-Version")!] == ["2"])
    }

    @Test("rejects header values that would inject fields and names that are not tokens")
    func rejectsHeaderInjection() throws {
        var request = APIRequest.get()
        try request.setHeaderParameter("X-Evil", "a\r\nSet-Cookie: x=y")
        #expect(request.headerFields[HTTPField.Name("X-Evil")!] == nil)
        let injected = #expect(throws: APIClientError.self) { try APIRuntime.testing().makeHTTPRequest(request) }
        #expect(injected?.description == "listItems: invalid parameter 'X-Evil': a header value cannot contain line breaks or NUL")
        #expect(throws: APIClientError.self) { try request.setHeaderParameter("Bad Name", "x") }
        #expect(throws: APIClientError.self) { try request.setHeaderParameter(":authority", "x") }
    }

    @Test("joins cookie parameters into one Cookie value with percent-encoded values")
    func joinsCookies() throws {
        var request = APIRequest.get()
        try request.addCookieParameter("session", "a b;c")
        try request.addCookieParameter("theme", "dark")
        try request.addCookieParameter("ids", [1, 2], explode: false)
        try request.addCookieParameter("skipped", String?.none)
        let fields = try APIRuntime.testing().makeHTTPRequest(request).0.headerFields
        #expect(fields[.cookie] == "session=a%20b%3Bc; theme=dark; ids=1,2")
    }

    @Test("keeps a Cookie header set by hand and appends parameters to it")
    func appendsToExistingCookie() throws {
        var request = APIRequest.get()
        request.headerFields[.cookie] = "manual=1"
        try request.addCookieParameter("theme", "dark")
        let fields = try APIRuntime.testing().makeHTTPRequest(request).0.headerFields
        #expect(fields[.cookie] == "manual=1; theme=dark")
    }
}

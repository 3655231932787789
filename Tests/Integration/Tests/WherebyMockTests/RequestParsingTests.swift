import Foundation
import Testing
@testable import WherebyMock

@Suite struct RequestParsingTests {
    @Test func splitsAMultipartBodyIntoItsParts() throws {
        let body = Data(
            """
            preamble\r
            --b\r
            Content-Disposition: form-data; name="note"\r
            \r
            hello\r
            --b\r
            Content-Disposition: form-data; name="image"; filename="a;b.png"\r
            Content-Type: image/png\r
            \r
            \u{1}\u{2}\r\n\u{3}\r
            --b--\r

            """.utf8
        )
        let form = try MultipartFormData(body: body, boundary: "b")
        #expect(form.parts.map(\.name) == ["note", "image"])
        let image = try #require(form.part(named: "image"))
        #expect(image.filename == "a;b.png")
        #expect(image.contentType == "image/png")
        #expect(image.data == Data([1, 2, 13, 10, 3]))
    }

    @Test func rejectsAMultipartBodyWithoutItsClosingBoundary() {
        let body = Data("--b\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\nabc".utf8)
        #expect(throws: MockError.self) { try MultipartFormData(body: body, boundary: "b") }
    }

    @Test func decodesQueryParametersAsAFormServerDoes() throws {
        let query = try QueryParameters("roomName%5Bexact%5D=%2Fteam-sync&fields=hostRoomUrl,viewerRoomUrl&note=a+b&fields=x")
        #expect(try query.deepObject("roomName", allowed: ["exact"]) == ["exact": "/team-sync"])
        #expect(query.list("fields") == ["hostRoomUrl", "viewerRoomUrl", "x"])
        #expect(query.string("note") == "a b")
        #expect(query.string("missing") == nil)
    }

    @Test func readsHeaderParametersInsideQuotes() {
        let header = HeaderValue(#"Multipart/Form-Data; boundary="a;b\"c"; charset=utf-8"#)
        #expect(header.value == "multipart/form-data")
        #expect(header.parameters == ["boundary": #"a;b"c"#, "charset": "utf-8"])
    }

    @Test func takesTheTokenOfABearerCredential() {
        #expect(AuthenticationMiddleware<MockAPI.Context>.bearerToken(in: "Bearer abc") == "abc")
        #expect(AuthenticationMiddleware<MockAPI.Context>.bearerToken(in: "BEARER  abc ") == "abc")
        #expect(AuthenticationMiddleware<MockAPI.Context>.bearerToken(in: "Bearer") == nil)
        #expect(AuthenticationMiddleware<MockAPI.Context>.bearerToken(in: "Basic abc") == nil)
    }
}

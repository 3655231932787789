import Foundation
import HTTPTypes
import OpenAPIClientSupport
import Testing

@Suite("Credentials")
struct CredentialTests {
    private func build(
        security: [[String]],
        credentials: Credentials,
        _ configure: (inout APIRequest) throws -> Void = { _ in }
    ) throws -> HTTPRequest {
        var request = APIRequest.get()
        request.security = security
        try configure(&request)
        return try APIRuntime.testing(credentials: credentials).makeHTTPRequest(request).0
    }

    @Test("applies a bearer token as Authorization: Bearer and marks it never-indexed")
    func appliesBearer() throws {
        let request = try build(security: [["BearerAuth"]], credentials: ["BearerAuth": .bearer("t0k3n")])
        #expect(request.headerFields[.authorization] == "Bearer t0k3n")
        #expect(request.headerFields.first { $0.name == .authorization }?.indexingStrategy == .disallow)
    }

    @Test("applies basic credentials as base64 of username:password")
    func appliesBasic() throws {
        let request = try build(security: [["Basic"]], credentials: ["Basic": .basic(username: "aladdin", password: "open sesame")])
        #expect(request.headerFields[.authorization] == "Basic YWxhZGRpbjpvcGVuIHNlc2FtZQ==")
    }

    @Test("applies API keys in a header, the query and a cookie")
    func appliesAPIKeys() throws {
        let credentials: Credentials = [
            "HeaderKey": .apiKey("h-secret", name: "X-API-Key", location: .header),
            "QueryKey": .apiKey("q secret&", name: "api_key", location: .query),
            "CookieKey": .apiKey("c-secret", name: "sid", location: .cookie),
        ]
        let request = try build(security: [["HeaderKey", "QueryKey", "CookieKey"]], credentials: credentials) {
            try $0.addQueryParameter("limit", 5)
            try $0.addCookieParameter("theme", "dark")
        }
        #expect(request.headerFields[HTTPField.Name("X-API-Key")!] == "h-secret")
        #expect(request.path == "/items?limit=5&api_key=q%20secret%26")
        #expect(request.headerFields[.cookie] == "theme=dark; sid=c-secret")
    }

    @Test("uses the first alternative whose schemes all have credentials")
    func choosesFirstSatisfiedAlternative() throws {
        let credentials: Credentials = [
            "ApiKey": .apiKey("k", name: "X-Key", location: .header),
            "BearerAuth": .bearer("t"),
        ]
        // The first alternative needs OAuth too, which is missing; the second is met.
        let request = try build(security: [["BearerAuth", "OAuth"], ["ApiKey"], ["BearerAuth"]], credentials: credentials)
        #expect(request.headerFields[HTTPField.Name("X-Key")!] == "k")
        #expect(request.headerFields[.authorization] == nil)
    }

    @Test("sends without credentials when no alternative is met, none is required, or [] comes first")
    func sendsWithoutCredentials() throws {
        let credentials: Credentials = ["BearerAuth": .bearer("t")]
        #expect(try build(security: [["OAuth"]], credentials: credentials).headerFields[.authorization] == nil)
        #expect(try build(security: [], credentials: credentials).headerFields[.authorization] == nil)
        #expect(try build(security: [[], ["BearerAuth"]], credentials: credentials).headerFields[.authorization] == nil)
        #expect(try build(security: [["BearerAuth"], []], credentials: credentials).headerFields[.authorization] == "Bearer t")
        #expect(try build(security: [["BearerAuth"]], credentials: Credentials()).headerFields[.authorization] == nil)
    }

    @Test("replaces an Authorization header set by hand")
    func replacesManualAuthorization() throws {
        let request = try build(security: [["BearerAuth"]], credentials: ["BearerAuth": .bearer("new")]) {
            $0.headerFields[.authorization] = "Bearer old"
        }
        #expect(request.headerFields[values: .authorization] == ["Bearer new"])
    }

    @Test("reports an API key header name that is not a token instead of trapping")
    func rejectsInvalidAPIKeyHeaderName() {
        #expect(throws: APIClientError.self) {
            try build(security: [["Key"]], credentials: ["Key": .apiKey("k", name: "Bad Name", location: .header)])
        }
    }

    @Test("reads and writes credentials by scheme name, with or without a label")
    func subscripts() {
        var credentials = Credentials()
        #expect(credentials.isEmpty)
        credentials[scheme: "BearerAuth"] = .bearer("a")
        credentials["Other"] = .bearer("b")
        #expect(credentials.schemes == ["BearerAuth", "Other"])
        #expect(credentials["BearerAuth"] != nil)
        credentials[scheme: "Other"] = nil
        #expect(credentials.schemes == ["BearerAuth"])
        #expect(Credentials(["X": .bearer("c")]).schemes == ["X"])
    }
}

import Testing
@testable import WherebyMock

@Suite struct AuthenticationTests {
    @Test func rejectsARequestWithoutAKeyWith401AndAJSONError() async throws {
        try await withMockServer { client, _ throws in
            var anonymous = client
            anonymous.apiKey = nil
            let response = try await anonymous.get("/meetings")
            #expect(response.status == 401)
            #expect(response.json == ["error": "Access token is missing or invalid"])
            #expect(response.header("WWW-Authenticate") == "Bearer")
            // No organization, so no budget to report.
            #expect(response.header("X-RateLimit-Limit") == nil)
        }
    }

    @Test func rejectsAnUnknownKeyWith401() async throws {
        try await withMockServer { client, _ throws in
            var stranger = client
            stranger.apiKey = "not-a-key"
            #expect(try await stranger.get("/recordings").status == 401)
        }
    }

    @Test func rejectsSchemesOtherThanBearer() async throws {
        try await withMockServer { client, _ throws in
            var anonymous = client
            anonymous.apiKey = nil
            let basic = try await anonymous.get("/recordings", headers: ["Authorization": "Basic d2hlcmVieTptb2Nr"])
            #expect(basic.status == 401)
            let bare = try await anonymous.get("/recordings", headers: ["Authorization": "whereby-mock-dev-key"])
            #expect(bare.status == 401)
        }
    }

    @Test func acceptsTheBearerSchemeInAnyCase() async throws {
        try await withMockServer { client, _ throws in
            var lowerCase = client
            lowerCase.apiKey = nil
            let response = try await lowerCase.get(
                "/recordings",
                headers: ["Authorization": "bearer \(WherebyMockServer.Configuration.developmentAPIKey)"]
            )
            #expect(response.status == 200)
        }
    }

    @Test func acceptsEveryConfiguredKeyAndTheyShareOneBudget() async throws {
        let configuration = WherebyMockServer.Configuration(apiKeys: ["key-a", "key-b"], rateLimit: .init(points: 2))
        try await withMockServer(configuration) { client, _ throws in
            var a = client
            a.apiKey = "key-a"
            var b = client
            b.apiKey = "key-b"
            #expect(try await a.get("/recordings").header("X-RateLimit-Remaining") == "1")
            #expect(try await b.get("/recordings").header("X-RateLimit-Remaining") == "0")
            #expect(try await a.get("/recordings").status == 429)
        }
    }
}

extension TestClient {
    func get(_ path: String, headers: [String: String]) async throws -> TestResponse {
        try await send("GET", path, headers: headers)
    }
}

import HTTPTypes
import OpenAPIClientSupport
import Testing
import WherebyAPI

/// The README's snippets (in `ReadmeSnippets.swift`, which imports only what the README does)
/// build what the README says.
@Suite struct ReadmeSnippetTests {
    @Test func theConfigurationSnippetBuildsTheDescribedClient() {
        let whereby = ReadmeSnippets.configuring(apiKey: WherebyClient.testKey)
        let retry = whereby.runtime.middlewares.first as? RetryMiddleware
        #expect(retry?.policy.maxAttempts == 3)
        #expect(retry?.policy.maxTotalDelay == .seconds(20))
        #expect((whereby.runtime.middlewares.last as? RateLimitMiddleware)?.policy.budget == 100)
        #expect(whereby.rateLimitStatus == nil)
    }

    @Test func theErrorSnippetHandlesEveryErrorItCanSee() async throws {
        let transport = ScriptedTransport([.respond(.notFound)])
        try await ReadmeSnippets.handlingErrors(whereby: .testing(transport, clock: TestClock()), id: "m1")
        #expect(transport.requests.count == 1)
    }
}

import Foundation
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

    @Test func theObservabilitySnippetTurnsOnLogsMetricsAndTraces() {
        let whereby = ReadmeSnippets.observing(apiKey: WherebyClient.testKey)
        #expect(whereby.runtime.observer != nil)
        #expect(whereby.debugDescription.hasSuffix("observability: Observability(logger: whereby, metrics: on, tracing: on))"))
    }

    @Test func theErrorSnippetHandlesEveryErrorItCanSee() async throws {
        let transport = ScriptedTransport([.respond(.notFound)])
        try await ReadmeSnippets.handlingErrors(whereby: .testing(transport, clock: TestClock()), id: "m1")
        #expect(transport.requests.count == 1)
    }
}

/// The README's client snippets and their compiled copies in `ReadmeSnippets.swift` say the same.
@Suite struct ReadmeDriftTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The lines of each ```swift block in the README's "Using the client" section that need no
    /// package this one does not depend on.
    static func clientSnippets() throws -> [[String]] {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "## Using the client"), let end = readme.range(of: "\n## ", range: start.upperBound..<readme.endIndex) else { return [] }
        let section = readme[start.upperBound..<end.lowerBound]
        return section.components(separatedBy: "```swift\n").dropFirst().compactMap { block in
            let code = block.components(separatedBy: "```").first ?? ""
            if code.contains("AsyncHTTPClient") || code.contains(".package(") || code.contains(".product(") { return nil }
            return code.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("import ") }
        }
    }

    @Test func everyClientSnippetIsCompiled() throws {
        let compiled = try String(contentsOf: Self.root.appendingPathComponent("Tests/WherebyAPITests/ReadmeSnippets.swift"), encoding: .utf8)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let snippets = try Self.clientSnippets()
        #expect(snippets.count >= 4)
        for snippet in snippets {
            for line in snippet {
                #expect(compiled.contains(line), "README line not in ReadmeSnippets.swift: \(line)")
            }
        }
    }
}

import CoreMetrics
import Foundation
import Logging
import OpenAPIClientSupport
import Tracing
import WherebyAPI

/// Our client, `WherebyAPI`, configured as an app would, with retries and pacing off so that a
/// call measures request building and decoding only.
struct Ours: Sendable {
    let client = WherebyClient(apiKey: "benchmark", configuration: .init(
        transport: InMemoryTransport(body: Page.json[...]),
        retry: .never,
        rateLimit: .disabled
    ))
    /// The same client with a logger, a metrics factory and a tracer that all do nothing: the
    /// cost of observing a call, apart from what real backends do with what they are given.
    let observedClient = WherebyClient(apiKey: "benchmark", configuration: .init(
        transport: InMemoryTransport(body: Page.json[...]),
        retry: .never,
        rateLimit: .disabled,
        observability: .init(
            logger: Logger(label: "codec-bench") { _ in SwiftLogNoOpLogHandler() },
            metricsFactory: NOOPMetricsHandler.instance,
            tracer: NoOpTracer()
        )
    ))
    let coding = JSONCoding.default
    let data = Data(Page.json)
    let encoder = JSONCoding.default.makeEncoder()

    /// The full call path: `listMeetings` through the in-memory transport.
    func call() async throws -> MeetingPage {
        try await client.listMeetings(limit: 100)
    }

    /// The full call path with observability on, into no-op backends.
    func observedCall() async throws -> MeetingPage {
        try await observedClient.listMeetings(limit: 100)
    }

    /// The page model alone, from bytes, with the client's JSON configuration.
    func decode() throws -> MeetingPage {
        try coding.decode(MeetingPage.self, from: data)
    }

    /// The page model to bytes, with the client's JSON configuration.
    func encode(_ page: MeetingPage) throws -> Data {
        try encoder.encode(page)
    }

    static func summary(of page: MeetingPage) -> [String] {
        page.results.map { "\($0.meetingId) \(milliseconds($0.startDate)) \(milliseconds($0.endDate)) \($0.hostRoomUrl ?? "") \($0.viewerRoomUrl ?? "")" }
            + [page.cursor ?? ""]
    }
}

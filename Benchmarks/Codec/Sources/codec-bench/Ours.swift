import Foundation
import WherebyAPI

/// Our client, `WherebyAPI`, configured as an app would, with retries and pacing off so that a
/// call measures request building and decoding only.
struct Ours: Sendable {
    let client = WherebyClient(apiKey: "benchmark", configuration: .init(
        transport: InMemoryTransport(body: Page.json[...]),
        retry: .never,
        rateLimit: .disabled
    ))
    let coding = JSONCoding.default
    let data = Data(Page.json)
    let encoder = JSONCoding.default.makeEncoder()

    /// The full call path: `listMeetings` through the in-memory transport.
    func call() async throws -> MeetingPage {
        try await client.listMeetings(limit: 100)
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

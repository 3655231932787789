import Foundation
import WherebyAPI
import WherebyMock

/// A `WherebyMockServer` listening on an ephemeral loopback port, and clients that reach it over
/// HTTP through the default transport (`URLSessionTransport`: no transport is configured).
struct StandIn: Sendable {
    let server: WherebyMockServer
    /// `http://127.0.0.1:<port>/v1`.
    let baseURL: URL
    /// Every attempt of the clients made by ``client(apiKey:rateLimit:)``.
    let log = RequestLog()

    /// A client for this stand-in that records its attempts in ``log``.
    func client(
        apiKey: String = WherebyMockServer.Configuration.developmentAPIKey,
        rateLimit: RateLimitPolicy = .automatic
    ) -> WherebyClient {
        WherebyClient(apiKey: apiKey, configuration: .init(serverURL: baseURL, middlewares: [log], rateLimit: rateLimit))
    }
}

/// Runs a stand-in for the duration of `body`; it stops when `body` returns or throws.
///
/// The default configuration has a Grow plan's budget, so that only the rate-limit test is
/// throttled.
func withStandIn(
    _ configuration: WherebyMockServer.Configuration = .init(rateLimit: .growPlan),
    _ body: (StandIn) async throws -> Void
) async throws {
    let server = WherebyMockServer(configuration: configuration)
    try await server.withRunningServer { address in
        try await body(StandIn(server: server, baseURL: address.baseURL))
    }
}

/// Records of the stand-in's bundled fixture.
enum FixtureID {
    /// A transcription whose `state` is `queued`, which the document does not list, and which has
    /// a `language` the document does not describe.
    static let queuedTranscription = "382831a2-7c90-5308-a7e4-c8145407d5c2"
    /// A recording with a `storageType`, which the document's `Recording` does not describe.
    static let selfHostedRecording = "8c12c02d-5246-5074-a601-759eac07c546"
    /// The number of recordings in the fixture.
    static let recordingCount = 5
}

/// An hour from now: a valid `endDate` for a new meeting.
func inAnHour() -> Date {
    Date().addingTimeInterval(3600)
}

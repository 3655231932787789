import FaultServer
import Foundation
import OpenAPIClientSupport
import Testing
import WherebyAPI

/// A `WherebyClient` with its default transport, answered with a body far over its limit.
@Suite struct DefaultClientBodyLimitTests {
    @Test(arguments: [true, false])
    func rejectsAHugeBodyAtTheLimitAndStopsTheTransfer(contentLength: Bool) async throws {
        // 400 MB: long enough that reading all of it would be seen, in time and in bytes sent.
        let server = try await FaultServer.start { _ in .bytes(400_000_000, chunkSize: 64 * 1024, contentLength: contentLength) }
        let whereby = WherebyClient(apiKey: "key-0123456789", configuration: .init(
            serverURL: URL(string: server.url("/v1"))!, retry: .never, rateLimit: .disabled
        ))
        let start = ContinuousClock.now
        do {
            _ = try await whereby.getMeeting(meetingId: "1")
            Issue.record("a 400 MB body was accepted")
        } catch WherebyError.transportFailed(_, let underlying) {
            #expect(underlying is ResponseBodyTooLargeError)
        }
        // The transfer was stopped, not drained: the server sees its connection closed.
        while server.openConnectionCount > 0, ContinuousClock.now - start < .seconds(20) {
            try await Task.sleep(for: .milliseconds(20))
        }
        let stillOpen = server.openConnectionCount
        await server.shutdown()
        // On Linux the cancellation at the limit can reach the transfer only after the whole body
        // was read (see `closesTheConnectionOfARefusedBodyThatArrivedWhole`); the connection must
        // be closed then all the same, not kept in the session's pool.
        #expect(stillOpen == 0)
    }
}

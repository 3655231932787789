import FaultServer
import Foundation
import Testing
import WherebyAPI

/// The client against a misbehaving server over loopback HTTP, through the default transport:
/// a stalled body times the attempt out and a `GET` is retried, the deadline holds in real
/// time, a 5xx is retried, and a 400 arrives with Whereby's message.
@Suite(.timeLimit(.minutes(2))) struct FaultToleranceTests {
    static let meetingJSON = #"{"meetingId":"1","roomUrl":"https://x.whereby.com/r","endDate":"2025-05-12T17:42:49Z"}"#
    static let endDate = Date(timeIntervalSince1970: 1_747_071_769)

    /// A client of `server` with short time limits, and no jitter so that waits are known.
    static func client(of server: FaultServer, total: Duration, attempt: Duration, attempts: Int = 3) -> WherebyClient {
        WherebyClient(apiKey: "whereby-e2e-key-7Hq2Lx9Pw4", configuration: .init(
            serverURL: URL(string: server.url("/v1"))!,
            retry: RetryPolicy(maxAttempts: attempts, backoff: .milliseconds(100), jitter: { $0 }),
            timeouts: Timeouts(total: total, attempt: attempt)
        ))
    }

    static func elapsed<Value>(_ body: () async throws -> Value) async -> (Result<Value, any Error>, Duration) {
        let start = ContinuousClock.now
        let result: Result<Value, any Error>
        do { result = .success(try await body()) } catch { result = .failure(error) }
        return (result, ContinuousClock.now - start)
    }

    @Test func aBodyThatStallsAfterTheHeadersTimesOutAndAGetIsRetriedToSuccess() async throws {
        let server = try await FaultServer.start(responses: [
            .json(Self.meetingJSON).stallingAfterHead(for: .seconds(120)),
            .json(Self.meetingJSON),
        ])
        // Five attempts of 2 s: a machine loaded enough to time a quick attempt out still has
        // three more to answer in.
        let whereby = Self.client(of: server, total: .seconds(60), attempt: .seconds(2), attempts: 5)
        let (result, took) = await Self.elapsed { try await whereby.getMeeting(meetingId: "m1") }
        await server.shutdown()
        print("a stalled body, then an answer: \(server.requests.count) attempts in \(took)")
        #expect((try? result.get())?.meetingId == "1", "\(result)")
        // Two on an idle machine; a loaded one may time the quick attempt out too.
        #expect(server.requests.count >= 2)
        // One attempt timed out (2 s), one backoff (0.1 s), one quick attempt: far less than
        // the server's 120 s stall, with room for a loaded machine.
        #expect(took >= .milliseconds(2_050))
        #expect(took < .seconds(30))
    }

    @Test func aServerThatAlwaysStallsEndsTheCallAtItsDeadlineInRealTime() async throws {
        let server = try await FaultServer.start(responses: [.json(Self.meetingJSON).stallingAfterHead(for: .seconds(120))])
        // Attempts of 2 s, long enough for a request to reach the server on a loaded machine (in
        // 400 ms attempts, some loaded runs timed out before the first request arrived).
        let whereby = Self.client(of: server, total: .milliseconds(5_000), attempt: .seconds(2))
        let (result, took) = await Self.elapsed { try await whereby.getMeeting(meetingId: "m1") }
        await server.shutdown()
        print("a server that always stalls, against a 5 s deadline: \(server.requests.count) attempts in \(took), \(result)")
        guard case .failure(let error) = result, case .timedOut("getMeeting", let kind, _) = error as? WherebyError else {
            Issue.record("expected a timeout, got \(result)")
            return
        }
        // 2 s, a 0.1 s backoff, 2 s, a 0.2 s backoff, then the deadline cuts the third attempt
        // short at 5 s; a loaded machine may report the second attempt's own timeout instead.
        #expect(kind == .attempt || kind == .deadline)
        #expect(server.requests.count >= 1)
        #expect(took >= .milliseconds(4_000))
        // The deadline, not the server's 120 s stall, ended the call (with room for a loaded machine).
        #expect(took < .seconds(20))
    }

    @Test func aPostWhoseResponseStallsIsNotSentAgain() async throws {
        let server = try await FaultServer.start(responses: [
            .json(201, Self.meetingJSON).stallingBeforeHead(for: .seconds(120)),
            .json(201, Self.meetingJSON),
        ])
        // A 2 s attempt, so that the request reaches the server on a loaded machine too.
        let whereby = Self.client(of: server, total: .seconds(60), attempt: .seconds(2))
        let (result, took) = await Self.elapsed { try await whereby.createMeeting(.init(endDate: Self.endDate)) }
        await server.shutdown()
        guard case .failure(let error) = result, case .timedOut(_, .attempt, _) = error as? WherebyError else {
            Issue.record("expected an attempt timeout, got \(result)")
            return
        }
        #expect(server.requests.count == 1)
        #expect(took < .seconds(30))
    }

    @Test func a503IsRetriedAndTheSecondAttemptSucceeds() async throws {
        let server = try await FaultServer.start(responses: [
            .json(503, #"{"error":"busy"}"#, headers: [("Retry-After", "0")]),
            .json(Self.meetingJSON),
        ])
        let whereby = Self.client(of: server, total: .seconds(60), attempt: .seconds(20))
        let meeting = try await whereby.getMeeting(meetingId: "m1")
        await server.shutdown()
        #expect(meeting.meetingId == "1")
        #expect(server.requests.count == 2)
    }

    @Test func a500ThatPersistsIsAServerErrorWithItsRequestID() async throws {
        let server = try await FaultServer.start(responses: [
            .json(500, #"{"error":"Internal error"}"#, headers: [("X-Request-Id", "req-42")]),
        ])
        let whereby = Self.client(of: server, total: .seconds(60), attempt: .seconds(20))
        let (result, _) = await Self.elapsed { try await whereby.getMeeting(meetingId: "m1") }
        await server.shutdown()
        guard case .failure(let error) = result, case .serverError(_, let message, let response) = error as? WherebyError else {
            Issue.record("expected a server error, got \(result)")
            return
        }
        #expect(message == "Internal error")
        #expect(response.status == 500)
        #expect(response.requestID == "req-42")
        #expect(server.requests.count == 3)
    }

    @Test func a400ArrivesAsBadRequestWithWherebysMessage() async throws {
        let server = try await FaultServer.start(responses: [
            .json(400, #"{"error":"\"endDate\" must be a valid date"}"#),
        ])
        let whereby = Self.client(of: server, total: .seconds(60), attempt: .seconds(20))
        let (result, _) = await Self.elapsed { try await whereby.createMeeting(.init(endDate: Self.endDate)) }
        await server.shutdown()
        guard case .failure(let error) = result, case .badRequest("createMeeting", let message, let response) = error as? WherebyError else {
            Issue.record("expected a bad request, got \(result)")
            return
        }
        #expect(message == #""endDate" must be a valid date"#)
        #expect(response.status == 400)
        #expect(server.requests.count == 1)
    }

    @Test func aRedirectOnTheSameOriginIsFollowedWithTheKey() async throws {
        let server = try await FaultServer.start { request in
            request.path == "/v1/meetings/m1" ? .redirect(308, to: "/v1/meetings/moved") : .json(Self.meetingJSON)
        }
        let whereby = Self.client(of: server, total: .seconds(60), attempt: .seconds(20))
        let meeting = try await whereby.getMeeting(meetingId: "m1")
        await server.shutdown()
        #expect(meeting.meetingId == "1")
        #expect(server.requests.map(\.path) == ["/v1/meetings/m1", "/v1/meetings/moved"])
        #expect(server.requests.allSatisfy { $0.header("Authorization") == "Bearer whereby-e2e-key-7Hq2Lx9Pw4" })
    }

    @Test func aRedirectToAnotherOriginIsRefusedWithItsOriginOnly() async throws {
        let other = try await FaultServer.start { _ in .json(Self.meetingJSON) }
        let server = try await FaultServer.start { _ in .redirect(307, to: other.url("/v1/meetings/1?token=abc")) }
        let whereby = Self.client(of: server, total: .seconds(60), attempt: .seconds(20))
        let (result, _) = await Self.elapsed { try await whereby.getMeeting(meetingId: "m1") }
        await server.shutdown()
        await other.shutdown()
        guard case .failure(let error) = result, case .redirectRefused("getMeeting", let location, let response) = error as? WherebyError else {
            Issue.record("expected a refused redirect, got \(result)")
            return
        }
        #expect(location == "http://127.0.0.1:\(other.port)")
        #expect(response.status == 307)
        #expect(other.requests.isEmpty)
        #expect(server.requests.count == 1)
    }
}


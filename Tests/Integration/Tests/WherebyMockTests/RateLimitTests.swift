import Foundation
import Testing
@testable import WherebyMock

@Suite struct RateLimitTests {
    @Test func everyAuthenticatedResponseCarriesTheRateLimitHeaders() async throws {
        let clock = ManualClock()
        let configuration = WherebyMockServer.Configuration(now: clock.now)
        try await withMockServer(configuration) { client, _ throws in
            for response in [try await client.get("/recordings"), try await client.get("/meetings/missing")] {
                #expect(response.header("X-RateLimit-Limit") == "100")
                #expect(response.header("X-RateLimit-Remaining") != nil)
                // The window opened at the first request and lasts a minute.
                #expect(response.header("X-RateLimit-Reset") == HTTPDate.format(clock.now().addingTimeInterval(60)))
                #expect(response.header("Retry-After") == nil)
            }
        }
    }

    @Test func chargesOnePointPerReadTwoPerDeleteAndThreePerWrite() async throws {
        try await withMockServer(.init(rateLimit: .buildPlan)) { client, _ throws in
            #expect(try await client.get("/meetings").header("X-RateLimit-Remaining") == "99")
            #expect(try await client.delete("/meetings/gone").header("X-RateLimit-Remaining") == "97")
            let created = try await client.post("/meetings", json: ["endDate": "2099-02-18T14:23:00.000Z"])
            #expect(created.header("X-RateLimit-Remaining") == "94")
            let bulk = try await client.post("/recordings/bulk-delete", json: ["recordingIds": []])
            #expect(bulk.header("X-RateLimit-Remaining") == "91")
        }
    }

    @Test func rejectsWith429HeadersAndBodyOnceTheBudgetIsSpent() async throws {
        let clock = ManualClock()
        let configuration = WherebyMockServer.Configuration(rateLimit: .init(points: 5), now: clock.now)
        try await withMockServer(configuration) { client, _ throws in
            for _ in 0..<5 {
                #expect(try await client.get("/recordings").status == 200)
            }
            clock.advance(by: 20.25)
            let throttled = try await client.get("/recordings")
            #expect(throttled.status == 429)
            #expect(
                throttled.json == [
                    "error": "Rate limit active for throttle key: organization:1",
                    "data": ["msLeft": 39750],
                ]
            )
            #expect(throttled.header("Retry-After") == "40")
            #expect(throttled.header("X-RateLimit-Limit") == "5")
            #expect(throttled.header("X-RateLimit-Remaining") == "0")
            #expect(throttled.header("X-RateLimit-Reset") == HTTPDate.format(clock.now().addingTimeInterval(39.75)))
        }
    }

    @Test func rejectsAWriteThatWouldOverdrawWhileAReadStillFits() async throws {
        try await withMockServer(.init(rateLimit: .init(points: 4))) { client, _ throws in
            let meeting: JSONValue = ["endDate": "2099-02-18T14:23:00.000Z"]
            #expect(try await client.post("/meetings", json: meeting).status == 201)
            let refused = try await client.post("/meetings", json: meeting)
            #expect(refused.status == 429)
            // A refused request spends nothing.
            #expect(refused.header("X-RateLimit-Remaining") == "1")
            let read = try await client.get("/meetings")
            #expect(read.status == 200)
            #expect(read.header("X-RateLimit-Remaining") == "0")
        }
    }

    @Test func recoversWhenTheWindowCloses() async throws {
        let clock = ManualClock()
        let configuration = WherebyMockServer.Configuration(rateLimit: .init(points: 3), now: clock.now)
        try await withMockServer(configuration) { client, _ throws in
            for _ in 0..<3 { _ = try await client.get("/summaries") }
            #expect(try await client.get("/summaries").status == 429)
            clock.advance(by: 59.999)
            #expect(try await client.get("/summaries").status == 429)
            clock.advance(by: 0.001)
            let recovered = try await client.get("/summaries")
            #expect(recovered.status == 200)
            #expect(recovered.header("X-RateLimit-Remaining") == "2")
        }
    }

    @Test func recoversAfterAShortRealWindow() async throws {
        let configuration = WherebyMockServer.Configuration(rateLimit: .init(points: 1, window: .milliseconds(500)))
        try await withMockServer(configuration) { client, _ throws in
            // On a busy machine a window may close between two requests; keep asking until one is refused.
            var throttled = try await client.get("/recordings")
            for _ in 0..<20 where throttled.status != 429 {
                throttled = try await client.get("/recordings")
            }
            try #require(throttled.status == 429)
            #expect(throttled.header("Retry-After") == "1")
            let msLeft = try #require(throttled.json["data"]?["msLeft"]?.doubleValue)
            #expect((1...500).contains(msLeft))
            try await Task.sleep(for: .milliseconds(Int(msLeft) + 20))
            #expect(try await client.get("/recordings").status == 200)
        }
    }
}

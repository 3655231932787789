import Foundation
import HTTPTypes
import OpenAPIRuntime
import WherebyAPI

/// A stand-in for Whereby's rate limiting on a simulated clock: a fixed window of `limit`
/// points that starts with the first request after the previous window ended, Whereby's point
/// costs, the documented headers on every response and the documented 429 body.
final class ThrottlingServer: ClientTransport, @unchecked Sendable {
    let limit: Int
    let window: Duration
    let clock: TestClock

    private let lock = NSLock()
    private var windowStart: Duration?
    private var spent = 0
    private var _throttled = 0
    private var _served = 0
    private var spends: [(time: Duration, cost: Int)] = []

    init(limit: Int, window: Duration = .seconds(60), clock: TestClock) {
        self.limit = limit
        self.window = window
        self.clock = clock
    }

    private func locked<Result>(_ body: () -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// How many requests got a 429.
    var throttled: Int { locked { _throttled } }
    /// How many requests were served.
    var served: Int { locked { _served } }

    /// The most points served within any span of `window`.
    var mostPointsInAnyWindow: Int {
        locked {
            spends.indices.map { start in
                spends[start...].prefix { $0.time < spends[start].time + window }.reduce(0) { $0 + $1.cost }
            }.max() ?? 0
        }
    }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        if let body { _ = try await Data(collecting: body, upTo: .max) }
        let now = clock.elapsed
        let cost = RateLimitPolicy.wherebyCost(of: request)
        let (allowed, remaining, reset): (Bool, Int, Duration) = locked {
            if let start = windowStart, now < start + window {} else {
                windowStart = now
                spent = 0
            }
            let reset = windowStart! + window
            guard spent + cost <= limit else {
                _throttled += 1
                return (false, limit - spent, reset)
            }
            spent += cost
            _served += 1
            spends.append((now, cost))
            return (true, limit - spent, reset)
        }
        var headers: HTTPFields = [
            .rateLimitLimit: "\(limit)",
            .rateLimitRemaining: "\(remaining)",
            .rateLimitReset: Fixtures.httpDate(TestClock.originDate.addingTimeInterval(TestClock.seconds(reset))),
            .contentType: "application/json",
        ]
        guard allowed else {
            let msLeft = (reset - now).components.seconds * 1000 + (reset - now).components.attoseconds / 1_000_000_000_000_000
            let body = #"{"error":"Rate limit active for throttle key: organization:1","data":{"msLeft":\#(msLeft)}}"#
            return (HTTPResponse(status: .tooManyRequests, headerFields: headers), HTTPBody(Data(body.utf8)))
        }
        switch operationID {
        case "createMeeting":
            return (HTTPResponse(status: .created, headerFields: headers), HTTPBody(Data(Fixtures.meetingJSON.utf8)))
        case "listMeetings":
            return (HTTPResponse(status: .ok, headerFields: headers), HTTPBody(Data(Fixtures.pageJSON.utf8)))
        case "getMeeting":
            return (HTTPResponse(status: .ok, headerFields: headers), HTTPBody(Data(Fixtures.meetingJSON.utf8)))
        default:
            headers[.contentType] = nil
            return (HTTPResponse(status: .noContent, headerFields: headers), nil)
        }
    }
}

import Foundation
import HTTPTypes
import OpenAPIRuntime
import WherebyAPI

/// A transport that plays a script: each request gets the next step, the last step repeats.
///
/// Its mirror shows only how many requests it recorded: they carry the API key, and the
/// redaction tests dump clients that hold this transport.
final class ScriptedTransport: ClientTransport, CustomReflectable, @unchecked Sendable {
    enum Step: Sendable {
        case respond(HTTPResponse.Status, headers: HTTPFields = [:], body: String? = nil)
        case fail(any Error)
        /// Never answers (until cancelled).
        case stallBeforeHeaders
        /// Sends the status and headers, then a body that never ends (until cancelled).
        case stallAfterHeaders(HTTPResponse.Status)
    }

    private let lock = NSLock()
    private var steps: [Step]
    private var _requests: [HTTPRequest] = []
    private var _baseURLs: [URL] = []
    private var _bodies: [Data?] = []

    private var _stalling = 0
    private var _lastRequestStalls = false

    /// Whether the latest request got a step that stalls.
    var lastRequestStalls: Bool {
        lock.lock()
        defer { lock.unlock() }
        return _lastRequestStalls
    }

    /// How many requests are stalled right now.
    var stalling: Int {
        lock.lock()
        defer { lock.unlock() }
        return _stalling
    }

    private func stall(_ delta: Int) {
        lock.lock()
        _stalling += delta
        lock.unlock()
    }

    /// The base URL of every request, in order.
    var baseURLs: [URL] {
        lock.lock()
        defer { lock.unlock() }
        return _baseURLs
    }

    /// The body of every request, in order.
    var bodies: [Data?] {
        lock.lock()
        defer { lock.unlock() }
        return _bodies
    }

    init(_ steps: [Step]) {
        precondition(!steps.isEmpty)
        self.steps = steps
    }

    /// Every request received, in order.
    var requests: [HTTPRequest] {
        lock.lock()
        defer { lock.unlock() }
        return _requests
    }

    var customMirror: Mirror {
        Mirror(self, children: ["requests": requests.count])
    }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        var bytes: Data?
        if let body { bytes = try await Data(collecting: body, upTo: .max) }
        let step: Step = {
            lock.lock()
            defer { lock.unlock() }
            _requests.append(request)
            _baseURLs.append(baseURL)
            _bodies.append(bytes)
            let step = steps.count > 1 ? steps.removeFirst() : steps[0]
            switch step {
            case .stallBeforeHeaders, .stallAfterHeaders: _lastRequestStalls = true
            case .respond, .fail: _lastRequestStalls = false
            }
            return step
        }()
        switch step {
        case .respond(let status, let headers, let body):
            var headers = headers
            if body != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
            return (HTTPResponse(status: status, headerFields: headers), body.map { HTTPBody(Data($0.utf8)) })
        case .fail(let error):
            throw error
        case .stallBeforeHeaders:
            stall(1)
            defer { stall(-1) }
            try await Task.sleep(for: .seconds(3600))
            throw CancellationError()
        case .stallAfterHeaders(let status):
            stall(1)
            let stalled = HTTPBody(AsyncThrowingStream<ArraySlice<UInt8>, any Error> { continuation in
                continuation.yield(ArraySlice(#"{"meetingId":"#.utf8))
                let sleeper = Task {
                    try? await Task.sleep(for: .seconds(3600))
                    continuation.finish()
                }
                continuation.onTermination = { _ in
                    sleeper.cancel()
                    self.stall(-1)
                }
            }, length: .unknown, iterationBehavior: .single)
            return (HTTPResponse(status: status, headerFields: [.contentType: "application/json"]), stalled)
        }
    }
}

enum Fixtures {
    static let meetingJSON = #"{"meetingId":"1","roomUrl":"https://x.whereby.com/r","endDate":"2025-05-12T17:42:49Z"}"#
    static let pageJSON = #"{"results":[],"cursor":null}"#

    /// An HTTP date as servers write it: `Mon, 12 May 2025 16:00:12 GMT`.
    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}

extension HTTPField.Name {
    static let rateLimitLimit = HTTPField.Name("X-RateLimit-Limit")!
    static let rateLimitRemaining = HTTPField.Name("X-RateLimit-Remaining")!
    static let rateLimitReset = HTTPField.Name("X-RateLimit-Reset")!
}

extension WherebyClient {
    static let testKey = "whereby-test-key-Zq8v3Xy1"

    /// A client on a simulated clock, talking to `transport`.
    static func testing(
        _ transport: any ClientTransport,
        clock: TestClock,
        retry: RetryPolicy = .testing(),
        timeouts: Timeouts = .default,
        rateLimit: RateLimitPolicy = .automatic,
        onRateLimitStatus: (@Sendable (RateLimitStatus) -> Void)? = nil,
        observability: Observability = .disabled,
        apiKey: String = testKey
    ) -> WherebyClient {
        WherebyClient(apiKey: apiKey, configuration: .init(
            serverURL: URL(string: "https://api.example.test/v1")!,
            transport: transport,
            retry: retry,
            timeouts: timeouts,
            rateLimit: rateLimit,
            onRateLimitStatus: onRateLimitStatus,
            observability: observability,
            clock: clock.clock
        ))
    }
}

extension RetryPolicy {
    /// The default policy (or one with `maxAttempts`, `maxTotalDelay` and backoff changed) whose
    /// backoff is its whole cap, so tests can name every wait.
    static func testing(
        maxAttempts: Int = 3,
        maxTotalDelay: Duration = .seconds(60),
        backoff: Duration = .milliseconds(500),
        maxBackoff: Duration = .seconds(8)
    ) -> RetryPolicy {
        RetryPolicy(maxAttempts: maxAttempts, maxTotalDelay: maxTotalDelay, backoff: backoff, maxBackoff: maxBackoff, jitter: { $0 })
    }
}

extension Timeouts {
    /// Bounds no pacing test reaches: an hour for everything.
    static let generous = Timeouts(total: .seconds(3600), attempt: .seconds(3600), rateLimitQueue: .seconds(3600))
}

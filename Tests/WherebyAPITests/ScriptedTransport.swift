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
    }

    private let lock = NSLock()
    private var steps: [Step]
    private var _requests: [HTTPRequest] = []

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
        if let body { _ = try await Data(collecting: body, upTo: .max) }
        let step: Step = {
            lock.lock()
            defer { lock.unlock() }
            _requests.append(request)
            return steps.count > 1 ? steps.removeFirst() : steps[0]
        }()
        switch step {
        case .respond(let status, let headers, let body):
            var headers = headers
            if body != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
            return (HTTPResponse(status: status, headerFields: headers), body.map { HTTPBody(Data($0.utf8)) })
        case .fail(let error):
            throw error
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
        retry: RetryPolicy = .default,
        rateLimit: RateLimitPolicy = .automatic,
        onRateLimitStatus: (@Sendable (RateLimitStatus) -> Void)? = nil
    ) -> WherebyClient {
        WherebyClient(apiKey: testKey, configuration: .init(
            serverURL: URL(string: "https://api.example.test/v1")!,
            transport: transport,
            retry: retry,
            rateLimit: rateLimit,
            onRateLimitStatus: onRateLimitStatus,
            clock: clock.clock
        ))
    }
}

import Foundation
import HTTPTypes
import InMemoryTracing
import Logging
import OpenAPIRuntime
import Testing
import Tracing
import WherebyAPI

/// Calls are logged, measured and traced through swift-log, swift-metrics and
/// swift-distributed-tracing when the configuration says so, with nothing installed when it does
/// not, and nothing reported ever holds a header, a body or a secret.
@Suite struct ObservabilityTests {
    static let meetingPath = "/meetings/{meetingId}"

    // MARK: - Off

    @Test func observabilityIsOffByDefaultAndThenNoObserverIsInstalled() async throws {
        #expect(!WherebyClient.Configuration().observability.isEnabled)
        #expect(!WherebyClient.Observability.disabled.isEnabled)
        let transport = ScriptedTransport([.respond(.ok, body: Fixtures.meetingJSON)])
        let plain = WherebyClient.testing(transport, clock: TestClock())
        #expect(plain.runtime.observer == nil)
        #expect(!plain.debugDescription.contains("observability"))
        _ = try await plain.getMeeting(meetingId: "m1")

        let observed = WherebyClient.observed(transport, clock: TestClock(), .init(logger: LogCapture().logger()))
        #expect(observed.runtime.observer != nil)
        #expect(observed.with(timeout: .seconds(5)).runtime.observer != nil)
        #expect(observed.debugDescription.hasSuffix("observability: Observability(logger: whereby-test, metrics: off, tracing: off))"))
    }

    // MARK: - Logs

    @Test func logsOneDebugEventPerCallWithItsOperationStatusDurationAttemptsAndPoints() async throws {
        let logs = LogCapture()
        let transport = ScriptedTransport([.respond(.serviceUnavailable), .respond(.ok, body: Fixtures.meetingJSON)])
        let client = WherebyClient.observed(transport, clock: TestClock(), .init(logger: logs.logger(metadata: ["request": "r-7"])))
        _ = try await client.getMeeting(meetingId: "m-41")

        let entries = logs.entries
        try #require(entries.count == 2, "\(entries.map(\.rendered))")
        let retry = entries[0]
        #expect(retry.level == .info)
        #expect(retry.message == "retrying whereby call")
        #expect(retry["operation"] == "getMeeting")
        #expect(retry["reason"] == "503")
        #expect(retry["delay"] == "0.500s")
        #expect(retry["attempt"] == "1")

        let call = entries[1]
        #expect(call.level == .debug)
        #expect(call.message == "whereby call")
        #expect(call["operation"] == "getMeeting")
        #expect(call["method"] == "GET")
        #expect(call["path"] == Self.meetingPath)
        #expect(call["status"] == "200")
        #expect(call["outcome"] == "success")
        #expect(call["duration"] == "0.500s")
        #expect(call["attempts"] == "2")
        #expect(call["points"] == "2")
        // The logger's own metadata goes along; the path parameter's value does not.
        #expect(call["request"] == "r-7")
        #expect(entries.allSatisfy { !$0.rendered.contains("m-41") })
    }

    @Test func logsAGiveUpAtWarningWithWhy() async throws {
        let logs = LogCapture()
        let transport = ScriptedTransport([.respond(.tooManyRequests, headers: [.retryAfter: "1"])])
        let client = WherebyClient.observed(transport, clock: TestClock(), .init(logger: logs.logger()), retry: .testing(maxAttempts: 3))
        await #expect(throws: WherebyError.self) { try await client.getMeeting(meetingId: "m1") }

        let entries = logs.entries
        #expect(entries.map(\.level) == [.info, .info, .warning, .debug])
        #expect(entries[2].message == "giving up whereby call")
        #expect(entries[2]["reason"] == "attempts")
        #expect(entries[2]["failure"] == "429")
        #expect(entries[2]["attempts"] == "3")
        #expect(entries[3]["status"] == "429")
        #expect(entries[3]["outcome"] == "http_error")
        #expect(entries[3]["attempts"] == "3")
        #expect(entries[3]["points"] == "3")

        // A wait that does not fit the policy's total is a give-up too.
        let longWait = LogCapture()
        let slow = ScriptedTransport([.respond(.serviceUnavailable, headers: [.retryAfter: "120"])])
        let patient = WherebyClient.observed(slow, clock: TestClock(), .init(logger: longWait.logger()), retry: .testing(maxTotalDelay: .seconds(60)))
        await #expect(throws: WherebyError.self) { try await patient.getMeeting(meetingId: "m1") }
        #expect(longWait.entries.map(\.level) == [.warning, .debug])
        #expect(longWait.entries.first?["reason"] == "delay")
        #expect(longWait.entries.first?["failure"] == "503")
    }

    @Test func aFailureWithRetriesOffIsNoGiveUp() async {
        let logs = LogCapture()
        let transport = ScriptedTransport([.respond(.serviceUnavailable)])
        let client = WherebyClient.observed(transport, clock: TestClock(), .init(logger: logs.logger()), retry: .never)
        await #expect(throws: WherebyError.self) { try await client.getMeeting(meetingId: "m1") }
        #expect(logs.entries.map(\.level) == [.debug])
    }

    @Test func logsAWaitForRateLimitPointsAtInfo() async throws {
        let logs = LogCapture()
        let reset = Fixtures.httpDate(TestClock.originDate.addingTimeInterval(10))
        let transport = ScriptedTransport([
            .respond(.ok, headers: [.rateLimitRemaining: "0", .rateLimitReset: reset], body: Fixtures.meetingJSON),
            .respond(.ok, body: Fixtures.meetingJSON),
        ])
        let client = WherebyClient.observed(transport, clock: TestClock(), .init(logger: logs.logger()))
        _ = try await client.getMeeting(meetingId: "m1")
        _ = try await client.getMeeting(meetingId: "m2")

        let entries = logs.entries
        #expect(entries.map(\.level) == [.debug, .info, .debug])
        #expect(entries[1].message == "waiting for whereby rate-limit points")
        #expect(entries[1]["wait"] == "10.000s")
        #expect(entries[1]["cost"] == "1")
        #expect(entries[2]["duration"] == "10.000s")
    }

    // MARK: - Metrics

    @Test func recordsCallsRetriesThrottlesWaitsLatencyAndRemainingPointsWithDimensions() async throws {
        let metrics = CapturingMetricsFactory()
        let transport = ScriptedTransport([
            .respond(.tooManyRequests, headers: [.retryAfter: "2"]),
            .respond(.ok, headers: [.rateLimitRemaining: "57"], body: Fixtures.meetingJSON),
            .respond(.notFound),
            .fail(URLError(.notConnectedToInternet)),
        ])
        let client = WherebyClient.observed(transport, clock: TestClock(), .init(metricsFactory: metrics))
        _ = try await client.getMeeting(meetingId: "m1")
        await #expect(throws: WherebyError.self) { try await client.getMeeting(meetingId: "m2") }
        await #expect(throws: WherebyError.self) { try await client.with(retry: .never).deleteMeeting(meetingId: "m3") }

        let calls = metrics.samples("whereby_client_calls")
        #expect(calls.map(\.dimensions) == [
            ["operation": "getMeeting", "outcome": "success", "status_class": "2xx"],
            ["operation": "getMeeting", "outcome": "http_error", "status_class": "4xx"],
            ["operation": "deleteMeeting", "outcome": "transport_error", "status_class": "none"],
        ])
        #expect(calls.allSatisfy { $0.kind == .counter && $0.value == 1 })

        let durations = metrics.samples("whereby_client_call_duration")
        #expect(durations.map(\.kind) == [.timer, .timer, .timer])
        #expect(durations.map(\.dimensions) == calls.map(\.dimensions))
        #expect(durations.first?.value == 2e9)

        let retries = metrics.samples("whereby_client_retries")
        #expect(retries.map(\.description) == ["counter whereby_client_retries{operation=getMeeting,reason=429} 1.0"])
        let throttled = metrics.samples("whereby_client_rate_limited")
        #expect(throttled.map(\.description) == ["counter whereby_client_rate_limited{operation=getMeeting} 1.0"])
        let remaining = metrics.samples("whereby_client_rate_limit_remaining")
        #expect(remaining.map(\.description) == ["gauge whereby_client_rate_limit_remaining{} 57.0"])
        let waits = metrics.samples("whereby_client_rate_limit_wait")
        #expect(waits.map(\.kind) == [.timer, .timer, .timer])
        #expect(waits.map(\.dimensions) == [["operation": "getMeeting"], ["operation": "getMeeting"], ["operation": "deleteMeeting"]])
    }

    @Test func timesTheWaitForRateLimitPoints() async throws {
        let metrics = CapturingMetricsFactory()
        let reset = Fixtures.httpDate(TestClock.originDate.addingTimeInterval(10))
        let transport = ScriptedTransport([
            .respond(.ok, headers: [.rateLimitRemaining: "0", .rateLimitReset: reset], body: Fixtures.meetingJSON),
            .respond(.ok, body: Fixtures.meetingJSON),
        ])
        let client = WherebyClient.observed(transport, clock: TestClock(), .init(metricsFactory: metrics))
        _ = try await client.getMeeting(meetingId: "m1")
        _ = try await client.getMeeting(meetingId: "m2")
        #expect(metrics.samples("whereby_client_rate_limit_wait").map(\.value) == [0, 10e9])
        #expect(metrics.samples("whereby_client_rate_limit_remaining").map(\.value) == [0])
    }

    // MARK: - Traces

    @Test func tracesEachCallAsAClientSpanNamedByItsOperationWithHTTPAttributes() async throws {
        let tracer = InMemoryTracer()
        let transport = ScriptedTransport([.respond(.serviceUnavailable), .respond(.ok, body: Fixtures.meetingJSON)])
        let client = WherebyClient.observed(transport, clock: TestClock(), .init(tracer: tracer))
        try await tracer.withSpan("handler") { _ in
            _ = try await client.getMeeting(meetingId: "m-41")
        }

        let spans = tracer.finishedSpans
        try #require(spans.map(\.operationName) == ["getMeeting", "handler"])
        let span = spans[0]
        #expect(span.kind == .client)
        #expect(span.parentSpanID == spans[1].spanID)
        #expect(span.traceID == spans[1].traceID)
        #expect(span.attributes.get("http.request.method") == .string("GET"))
        #expect(span.attributes.get("url.template") == .string("/v1/meetings/{meetingId}"))
        #expect(span.attributes.get("url.scheme") == .string("https"))
        #expect(span.attributes.get("server.address") == .string("api.example.test"))
        #expect(span.attributes.get("server.port") == .int64(443))
        #expect(span.attributes.get("http.response.status_code") == .int64(200))
        #expect(span.attributes.get("http.request.resend_count") == .int64(1))
        #expect(span.attributes.get("error.type") == nil)
        #expect(span.status == nil)
        #expect(span.events.map(\.name) == ["retry"])

        // Every attempt carries the span's context, as the tracer injects it.
        let traceID = HTTPField.Name(InMemoryTracer.traceIDKey)!
        let spanID = HTTPField.Name(InMemoryTracer.spanIDKey)!
        #expect(transport.requests.count == 2)
        for request in transport.requests {
            #expect(request.headerFields[traceID] == span.traceID)
            #expect(request.headerFields[spanID] == span.spanID)
        }
    }

    @Test func aFailedCallsSpanSaysWhatWentWrong() async throws {
        let tracer = InMemoryTracer()
        let transport = ScriptedTransport([.respond(.notFound, body: #"{"error":"nope"}"#), .fail(URLError(.networkConnectionLost))])
        let client = WherebyClient.observed(transport, clock: TestClock(), .init(tracer: tracer), retry: .never)
        await #expect(throws: WherebyError.self) { try await client.getMeeting(meetingId: "m1") }
        await #expect(throws: WherebyError.self) { try await client.getMeeting(meetingId: "m2") }

        let spans = tracer.finishedSpans
        try #require(spans.count == 2)
        #expect(spans[0].attributes.get("http.response.status_code") == .int64(404))
        #expect(spans[0].attributes.get("error.type") == .string("404"))
        #expect(spans[0].status == SpanStatus(code: .error, message: "404"))
        #expect(spans[0].attributes.get("http.request.resend_count") == nil)
        #expect(spans[1].attributes.get("http.response.status_code") == nil)
        #expect(spans[1].attributes.get("error.type") == .string("transport_error"))
        #expect(spans[1].status?.code == .error)
    }

    @Test func yourMiddlewaresRunInsideTheCallsSpan() async throws {
        let tracer = InMemoryTracer()
        let seen = SeenContexts()
        let transport = ScriptedTransport([.respond(.ok, body: Fixtures.meetingJSON)])
        let client = WherebyClient(apiKey: WherebyClient.testKey, configuration: .init(
            serverURL: URL(string: "https://api.example.test/v1")!,
            transport: transport,
            middlewares: [ContextRecordingMiddleware(seen: seen)],
            observability: .init(tracer: tracer),
            clock: TestClock().clock
        ))
        _ = try await client.getMeeting(meetingId: "m1")
        let span = try #require(tracer.finishedSpans.first)
        #expect(seen.spanIDs == [span.spanID])
        #expect(seen.traceHeaders == [span.traceID])
    }

    // MARK: - Secrets

    @Test func noLogEventMetricOrSpanHoldsAHeaderABodyOrASecret() async throws {
        let keyID = "AKIAEXAMPLEKEYID7Q2"
        let keySecret = "s3-secret-wJalrXUtnFEMI-K7MDENG"
        let bucket = "bucket-private-name-31"
        let echoed = #"{"error":"echo \#(WherebyClient.testKey) \#(keyID) \#(keySecret) \#(bucket)"}"#
        let transport = ScriptedTransport([
            .respond(.tooManyRequests, headers: [.retryAfter: "1", .setCookie: "session=\(keySecret)"], body: echoed),
            .respond(.tooManyRequests, headers: [.wwwAuthenticate: "Bearer \(WherebyClient.testKey)"], body: echoed),
        ])
        let logs = LogCapture()
        let metrics = CapturingMetricsFactory()
        let tracer = InMemoryTracer()
        let client = WherebyClient.observed(
            transport,
            clock: TestClock(),
            .init(logger: logs.logger(), metricsFactory: metrics, tracer: tracer),
            retry: .testing(maxAttempts: 2)
        )
        let request = CreateMeetingRequest(
            endDate: Date(timeIntervalSince1970: 1_747_071_769),
            recording: .init(type: .cloud, destination: .init(
                provider: .s3, bucket: bucket, accessKeyId: keyID, accessKeySecret: keySecret
            ))
        )
        await #expect(throws: WherebyError.self) { try await client.createMeeting(request) }
        // The secrets were sent and came back: what is reported had every chance to show them.
        #expect(transport.bodies.count == 2)
        #expect(transport.bodies.allSatisfy { String(decoding: $0 ?? Data(), as: UTF8.self).contains(keySecret) })
        #expect(transport.requests.allSatisfy { $0.headerFields[.authorization] == "Bearer \(WherebyClient.testKey)" })

        #expect(logs.entries.map(\.level) == [.info, .warning, .debug])
        let spans = tracer.finishedSpans
        #expect(spans.count == 1)
        var reported = logs.entries.map(\.rendered) + metrics.samples.map(\.description)
        for span in spans {
            span.attributes.forEach { key, value in reported.append("\(key)=\(value)") }
            for event in span.events {
                reported.append(event.name)
                event.attributes.forEach { key, value in reported.append("\(key)=\(value)") }
            }
            reported.append("\(String(describing: span.status))")
        }
        #expect(reported.count > 10)
        let forbidden = [WherebyClient.testKey, "Zq8v3Xy1", "Bearer", keyID, keySecret, bucket, "session=", "echo", "error\":"]
        for text in reported {
            for secret in forbidden {
                #expect(!text.contains(secret), "\(secret) reported in: \(text)")
            }
        }
    }
}

/// The span context and trace header a middleware of yours sees on each attempt.
final class SeenContexts: @unchecked Sendable {
    private let lock = NSLock()
    private var _spanIDs: [String] = []
    private var _traceHeaders: [String] = []

    var spanIDs: [String] {
        lock.lock()
        defer { lock.unlock() }
        return _spanIDs
    }

    var traceHeaders: [String] {
        lock.lock()
        defer { lock.unlock() }
        return _traceHeaders
    }

    func record(spanID: String?, traceHeader: String?) {
        lock.lock()
        _spanIDs.append(spanID ?? "none")
        _traceHeaders.append(traceHeader ?? "none")
        lock.unlock()
    }
}

struct ContextRecordingMiddleware: ClientMiddleware {
    let seen: SeenContexts

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        seen.record(
            spanID: InstrumentationContext.current?.inMemorySpanContext?.spanID,
            traceHeader: request.headerFields[HTTPField.Name(InMemoryTracer.traceIDKey)!]
        )
        return try await next(request, body, baseURL)
    }
}

extension WherebyClient {
    /// A client on a simulated clock, talking to `transport`, reporting to `observability`.
    static func observed(
        _ transport: any ClientTransport,
        clock: TestClock,
        _ observability: Observability,
        retry: RetryPolicy = .testing(),
        rateLimit: RateLimitPolicy = .automatic
    ) -> WherebyClient {
        testing(transport, clock: clock, retry: retry, rateLimit: rateLimit, observability: observability)
    }
}

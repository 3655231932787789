import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing
import WherebyAPI

/// Every call of a client made by `init(apiKey:configuration:)` throws `WherebyError` and
/// nothing else, so `catch let error as WherebyError` sees every failure, cancellation included.
///
/// This is why the endpoint functions keep `async throws` rather than `throws(WherebyError)`:
/// the guarantee holds without typed throws, and typed throws would fix the error type in the
/// functions' signatures (and in the test-double protocol) for good.
@Suite struct OnlyWherebyErrorTests {
    struct Failing: Error {}

    /// A middleware of the caller's that fails.
    struct FailingMiddleware: ClientMiddleware {
        func intercept(
            _ request: HTTPRequest,
            body: HTTPBody?,
            baseURL: URL,
            operationID: String,
            next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
        ) async throws -> (HTTPResponse, HTTPBody?) {
            throw Failing()
        }
    }

    static let steps: [(String, ScriptedTransport.Step)] = [
        ("400", .respond(.badRequest, body: #"{"error":"bad"}"#)),
        ("401", .respond(.unauthorized)),
        ("404", .respond(.notFound)),
        ("429", .respond(.tooManyRequests, headers: [.retryAfter: "1"])),
        ("500", .respond(.internalServerError)),
        ("302 elsewhere", .respond(.found, headers: [.location: "https://elsewhere.test/"])),
        ("200 malformed", .respond(.ok, body: "{")),
        ("URLError", .fail(URLError(.networkConnectionLost))),
        ("custom error", .fail(Failing())),
        ("CancellationError from the transport", .fail(CancellationError())),
    ]

    @Test(arguments: steps.indices)
    func everyFailureOfTheTransportOrServerIsAWherebyError(index: Int) async {
        let transport = ScriptedTransport([Self.steps[index].1])
        let client = WherebyClient.testing(transport, clock: TestClock(), retry: .never)
        do {
            _ = try await client.getMeeting(meetingId: "m1")
            Issue.record("\(Self.steps[index].0): expected a failure")
        } catch {
            #expect(error is WherebyError, "\(Self.steps[index].0): \(type(of: error)) \(error)")
        }
    }

    @Test func aFailingMiddlewareOfTheCallersIsAWherebyError() async {
        let client = WherebyClient(apiKey: WherebyClient.testKey, configuration: .init(
            transport: ScriptedTransport([.respond(.ok, body: Fixtures.meetingJSON)]),
            middlewares: [FailingMiddleware()],
            clock: TestClock().clock
        ))
        await #expect(throws: WherebyError.self) { _ = try await client.getMeeting(meetingId: "m1") }
    }

    @Test func anInvalidArgumentIsAWherebyError() async {
        let client = WherebyClient.testing(ScriptedTransport([.respond(.ok)]), clock: TestClock())
        await #expect(throws: WherebyError.self) { _ = try await client.getMeeting(meetingId: "") }
    }

    @Test func aCallCancelledBeforeItStartsIsCancelledNotCancellationError() async {
        let client = WherebyClient.testing(ScriptedTransport([.respond(.ok, body: Fixtures.meetingJSON)]), clock: TestClock())
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            do {
                _ = try await client.getMeeting(meetingId: "m1")
                return "no error"
            } catch let error as WherebyError {
                if case .cancelled = error { return "cancelled" }
                return "\(error)"
            } catch {
                return "not a WherebyError: \(type(of: error))"
            }
        }
        #expect(await task.value == "cancelled")
    }
}

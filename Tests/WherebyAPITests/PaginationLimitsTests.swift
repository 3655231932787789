import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing
import WherebyAPI

/// A walk over every page through a `WherebyClient` ends on a cursor cycle and at its page
/// limit with a `WherebyError`, takes its page size as `pageSize`, gives its pages with their
/// cursors, resumes from a stored cursor, and surfaces cancellation between pages as
/// `WherebyError.cancelled`.
@Suite struct PaginationLimitsTests {
    static func page(_ ids: [Int], cursor: String?) -> ScriptedTransport.Step {
        let meetings = ids.map { #"{"meetingId":"\#($0)","roomUrl":"https://x/\#($0)","endDate":"2025-05-12T17:42:49.000Z"}"# }
        let next = cursor.map { "\"\($0)\"" } ?? "null"
        return .respond(.ok, body: #"{"results":[\#(meetings.joined(separator: ","))],"cursor":\#(next)}"#)
    }

    static func client(_ transport: ScriptedTransport) -> WherebyClient {
        .testing(transport, clock: TestClock())
    }

    @Test func aServerCyclingCursorsEndsTheWalkWithAWherebyError() async throws {
        // A, B, A, B…: the script repeats its last step, so without the check this never ends.
        let transport = ScriptedTransport([
            Self.page([1], cursor: "A"),
            Self.page([2], cursor: "B"),
            Self.page([3], cursor: "A"),
            Self.page([4], cursor: "B"),
        ])
        var ids: [String] = []
        do {
            for try await meeting in Self.client(transport).allMeetings(pageSize: 1) { ids.append(meeting.meetingId) }
            Issue.record("the walk ended without an error")
        } catch WherebyError.paginationCycle(let operation, let cursor, let pages) {
            #expect(operation == "listMeetings")
            #expect(cursor == "A")
            #expect(pages == 3)
        }
        #expect(ids == ["1", "2", "3"])
        #expect(transport.requests.count == 3)
    }

    @Test func theWalkStopsAtItsPageLimitWithTheCursorToResumeFrom() async throws {
        let transport = ScriptedTransport([
            Self.page([1], cursor: "p2"),
            Self.page([2], cursor: "p3"),
            Self.page([3], cursor: "p4"),
        ])
        let whereby = Self.client(transport)
        var ids: [String] = []
        var resumeAt: String?
        do {
            for try await meeting in whereby.allMeetings().maximumPages(2) { ids.append(meeting.meetingId) }
            Issue.record("the walk ended without an error")
        } catch WherebyError.pageLimitReached(let operation, let maximumPages, let nextCursor) {
            #expect(operation == "listMeetings")
            #expect(maximumPages == 2)
            resumeAt = nextCursor
        }
        #expect(ids == ["1", "2"])
        #expect(resumeAt == "p3")
        #expect(transport.requests.count == 2)
    }

    @Test func pageSizeIsSentAsTheListsLimit() async throws {
        let transport = ScriptedTransport([Self.page([1], cursor: nil)])
        for try await _ in Self.client(transport).allMeetings(pageSize: 25) {}
        #expect(transport.requests.map(\.path) == ["/meetings?limit=25"])
    }

    @Test func pagesCarryTheirCursorsAndAStoredCursorResumesThere() async throws {
        let transport = ScriptedTransport([
            Self.page([1, 2], cursor: "p2"),
            Self.page([3], cursor: nil),
        ])
        let whereby = Self.client(transport)
        var first: CursorPage<Meeting>?
        for try await page in whereby.allMeetings(pageSize: 2).pages {
            first = page
            break
        }
        #expect(first?.items.map(\.meetingId) == ["1", "2"])
        #expect(first?.nextCursor == "p2")

        // A later run, from the stored cursor.
        var ids: [String] = []
        for try await meeting in whereby.allMeetings(pageSize: 2, startingAt: first?.nextCursor) { ids.append(meeting.meetingId) }
        #expect(ids == ["3"])
        #expect(transport.requests.map(\.path) == ["/meetings?limit=2", "/meetings?cursor=p2&limit=2"])
    }

    @Test func cancellationBetweenPagesIsAWherebyError() async throws {
        let transport = ScriptedTransport([
            Self.page([1], cursor: "p2"),
            Self.page([2], cursor: nil),
        ])
        let whereby = Self.client(transport)
        let task = Task {
            var iterator = whereby.allMeetings().makeAsyncIterator()
            _ = try await iterator.next()
            withUnsafeCurrentTask { $0?.cancel() }
            _ = try await iterator.next()
        }
        do {
            try await task.value
            Issue.record("the walk went on after its task was cancelled")
        } catch let error as WherebyError {
            guard case .cancelled(let operation) = error else {
                Issue.record("expected .cancelled, got \(error)")
                return
            }
            #expect(operation == "listMeetings")
        }
        #expect(transport.requests.count == 1)
    }

    @Test func codeWrittenAgainstTheProtocolGetsTheClientsErrors() async throws {
        let transport = ScriptedTransport([
            Self.page([1], cursor: "A"),
            Self.page([2], cursor: "A"),
        ])
        func countAll(_ api: some WherebyClientProtocol) async throws -> Int {
            var count = 0
            for try await _ in api.allMeetings() { count += 1 }
            return count
        }
        await #expect(throws: WherebyError.self) { _ = try await countAll(Self.client(transport)) }
        #expect(transport.requests.count == 2)
    }

    @Test func thePaginationErrorsDescribeThemselvesOnOneLineWithoutTheCursor() {
        let cycle = WherebyError.paginationCycle(operation: "listMeetings", cursor: "cursor-A", pages: 3)
        let limit = WherebyError.pageLimitReached(operation: "listMeetings", maximumPages: 1000, nextCursor: "cursor-B")
        #expect(cycle.description == "listMeetings: the server returned a cursor already followed after 3 pages; stopped instead of repeating pages")
        #expect(limit.description == "listMeetings: stopped after 1000 pages, the maximum; resume from nextCursor or raise maximumPages")
        #expect(cycle.operation == "listMeetings" && limit.operation == "listMeetings")
        #expect(cycle.status == nil && limit.status == nil)
    }
}

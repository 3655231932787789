import Testing
import OpenAPIClientSupport

@Suite struct CursorPagesTests {
    /// Serves pages of a fixed list and counts the fetches.
    actor Pages {
        let pages: [String?: ([Int], String?)]
        private(set) var fetched: [String?] = []

        init(_ pages: [String?: ([Int], String?)]) {
            self.pages = pages
        }

        func fetch(_ cursor: String?) -> CursorPage<Int> {
            fetched.append(cursor)
            let page = pages[cursor] ?? ([], nil)
            return CursorPage(items: page.0, nextCursor: page.1)
        }
    }

    /// A server that never ends: page `n` returns item `n` and the fresh cursor `c<n+1>`.
    actor EndlessPages {
        private(set) var fetched = 0

        func fetch(_ cursor: String?) -> CursorPage<Int> {
            let page = cursor.map { Int($0.dropFirst())! } ?? 0
            fetched += 1
            return CursorPage(items: [page], nextCursor: "c\(page + 1)")
        }
    }

    /// The error a client's mapper makes of the runtime's, to see that the sequence uses it.
    struct MappedError: Error {
        let original: APIClientError
    }

    static func sequence(_ pages: Pages, operationID: String = "listThings") -> CursorPages<Int> {
        CursorPages(operationID: operationID, fetch: { await pages.fetch($0) })
    }

    static func collect<S: AsyncSequence>(_ sequence: S, into items: inout [S.Element]) async throws {
        for try await item in sequence { items.append(item) }
    }

    @Test func followsTheCursorUntilItIsNull() async throws {
        let pages = Pages([nil: ([1, 2], "b"), "b": ([3], "c"), "c": ([4, 5], nil)])
        var items: [Int] = []
        try await Self.collect(Self.sequence(pages), into: &items)
        #expect(items == [1, 2, 3, 4, 5])
        #expect(await pages.fetched == [nil, "b", "c"])
    }

    @Test func anEmptyCursorEndsTheList() async throws {
        let pages = Pages([nil: ([1], "")])
        var items: [Int] = []
        try await Self.collect(Self.sequence(pages), into: &items)
        #expect(items == [1])
        #expect(await pages.fetched == [nil])
    }

    @Test func aCursorCycleThrowsAfterTheItemsOfThePagesBeforeIt() async throws {
        // A, B, A, B… : the third page hands back the first cursor again.
        let pages = Pages([nil: ([1], "a"), "a": ([2], "b"), "b": ([3], "a")])
        var items: [Int] = []
        let error = await #expect(throws: APIClientError.self) {
            try await Self.collect(Self.sequence(pages), into: &items)
        }
        guard case .paginationCycle(let operationID, let cursor, let count)? = error else {
            Issue.record("expected paginationCycle, got \(String(describing: error))")
            return
        }
        #expect(operationID == "listThings")
        #expect(cursor == "a")
        #expect(count == 3)
        #expect(items == [1, 2, 3])
        #expect(await pages.fetched == [nil, "a", "b"])
    }

    @Test func aCursorRepeatedAtOnceIsACycleNotASilentEnd() async throws {
        let pages = Pages([nil: ([1], "a"), "a": ([2], "a")])
        var items: [Int] = []
        await #expect(throws: APIClientError.self) {
            try await Self.collect(Self.sequence(pages), into: &items)
        }
        #expect(items == [1, 2])
        #expect(await pages.fetched == [nil, "a"])
    }

    @Test func theStartingCursorCountsAsSeen() async throws {
        let pages = Pages(["a": ([1], "b"), "b": ([2], "a")])
        var items: [Int] = []
        await #expect(throws: APIClientError.self) {
            try await Self.collect(Self.sequence(pages).startingAt("a"), into: &items)
        }
        #expect(items == [1, 2])
    }

    @Test func stopsAtThePageLimitWithTheCursorToResumeFrom() async throws {
        let endless = EndlessPages()
        let sequence = CursorPages(operationID: "listThings", fetch: { await endless.fetch($0) }).maximumPages(3)
        var items: [Int] = []
        let error = await #expect(throws: APIClientError.self) {
            try await Self.collect(sequence, into: &items)
        }
        guard case .pageLimitReached(_, let maximumPages, let nextCursor)? = error else {
            Issue.record("expected pageLimitReached, got \(String(describing: error))")
            return
        }
        #expect(maximumPages == 3)
        #expect(nextCursor == "c3")
        #expect(items == [0, 1, 2])
        #expect(await endless.fetched == 3)

        // Resuming from the error's cursor carries on where the walk stopped.
        var resumed: [Int] = []
        await #expect(throws: APIClientError.self) {
            try await Self.collect(sequence.startingAt(nextCursor), into: &resumed)
        }
        #expect(resumed == [3, 4, 5])
    }

    @Test func theDefaultPageLimitStopsAnEndlessServer() async throws {
        let endless = EndlessPages()
        var count = 0
        await #expect(throws: APIClientError.self) {
            for try await _ in CursorPages(fetch: { await endless.fetch($0) }) { count += 1 }
        }
        #expect(count == CursorPages<Int>.defaultMaximumPages)
        #expect(await endless.fetched == CursorPages<Int>.defaultMaximumPages)
    }

    @Test func pagesYieldsEachPageWithItsNextCursor() async throws {
        let pages = Pages([nil: ([1, 2], "b"), "b": ([], "c"), "c": ([3], nil)])
        var collected: [CursorPage<Int>] = []
        try await Self.collect(Self.sequence(pages).pages, into: &collected)
        #expect(collected == [
            CursorPage(items: [1, 2], nextCursor: "b"),
            CursorPage(items: [], nextCursor: "c"),
            CursorPage(items: [3], nextCursor: nil),
        ])
    }

    @Test func aStoredCursorResumesTheWalkThere() async throws {
        let pages = Pages([nil: ([1], "b"), "b": ([2], "c"), "c": ([3], nil)])
        var items: [Int] = []
        try await Self.collect(Self.sequence(pages).startingAt("b"), into: &items)
        #expect(items == [2, 3])
        #expect(await pages.fetched == ["b", "c"])
    }

    @Test func fetchesANextPageOnlyWhenNeeded() async throws {
        let pages = Pages([nil: ([1, 2], "b"), "b": ([3], nil)])
        var iterator = Self.sequence(pages).makeAsyncIterator()
        #expect(try await iterator.next() == 1)
        #expect(try await iterator.next() == 2)
        #expect(await pages.fetched == [nil])
        #expect(try await iterator.next() == 3)
        #expect(try await iterator.next() == nil)
        #expect(await pages.fetched == [nil, "b"])
    }

    @Test func skipsEmptyPagesInTheMiddle() async throws {
        let pages = Pages([nil: ([], "b"), "b": ([7], nil)])
        var items: [Int] = []
        try await Self.collect(Self.sequence(pages), into: &items)
        #expect(items == [7])
    }

    @Test func cancellationStopsBetweenPagesWithCancellationErrorWithoutAMapper() async throws {
        let pages = Pages([nil: ([1], "b"), "b": ([2], nil)])
        let task = Task {
            var iterator = Self.sequence(pages).makeAsyncIterator()
            let first = try await iterator.next()
            withUnsafeCurrentTask { $0?.cancel() }
            _ = try await iterator.next()
            return first
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(await pages.fetched == [nil])
    }

    @Test func errorsTheSequenceRaisesGoThroughTheMapper() async throws {
        let mapper: CursorPages<Int>.ErrorMapper = { MappedError(original: $0) }
        let pages = Pages([nil: ([1], "b"), "b": ([2], "b")])

        let cancelled = Task {
            var iterator = CursorPages(operationID: "listThings", errorMapper: mapper, fetch: { await pages.fetch($0) }).makeAsyncIterator()
            _ = try await iterator.next()
            withUnsafeCurrentTask { $0?.cancel() }
            _ = try await iterator.next()
        }
        let cancellation = await #expect(throws: MappedError.self) { try await cancelled.value }
        guard case .cancelled(let operationID)? = cancellation?.original else {
            Issue.record("expected the cancellation mapped, got \(String(describing: cancellation))")
            return
        }
        #expect(operationID == "listThings")

        let cycle = await #expect(throws: MappedError.self) {
            for try await _ in CursorPages(operationID: "listThings", errorMapper: mapper, fetch: { await pages.fetch($0) }) {}
        }
        guard case .paginationCycle? = cycle?.original else {
            Issue.record("expected the cycle mapped, got \(String(describing: cycle))")
            return
        }
    }

    @Test func descriptionsOfThePaginationErrorsNameTheOperationOnOneLine() {
        let cycle = APIClientError.paginationCycle(operationID: "listThings", cursor: "a", pages: 3)
        let limit = APIClientError.pageLimitReached(operationID: "listThings", maximumPages: 7, nextCursor: "c7")
        #expect(cycle.description.hasPrefix("listThings: "))
        #expect(cycle.description.contains("3 pages"))
        #expect(limit.description.contains("7 pages"))
        #expect(!cycle.description.contains("\n") && !limit.description.contains("\n"))
    }
}

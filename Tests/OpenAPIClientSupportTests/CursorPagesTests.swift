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

        func fetch(_ cursor: String?) -> (items: [Int], next: String?) {
            fetched.append(cursor)
            let page = pages[cursor] ?? ([], nil)
            return (page.0, page.1)
        }
    }

    @Test func followsTheCursorUntilItIsNull() async throws {
        let pages = Pages([nil: ([1, 2], "b"), "b": ([3], "c"), "c": ([4, 5], nil)])
        var items: [Int] = []
        for try await item in CursorPages(fetch: { await pages.fetch($0) }) { items.append(item) }
        #expect(items == [1, 2, 3, 4, 5])
        #expect(await pages.fetched == [nil, "b", "c"])
    }

    @Test func stopsOnAnEmptyOrRepeatedCursor() async throws {
        let empty = Pages([nil: ([1], "")])
        var count = 0
        for try await _ in CursorPages(fetch: { await empty.fetch($0) }) { count += 1 }
        #expect(count == 1)

        let repeating = Pages([nil: ([1], "a"), "a": ([2], "a")])
        var items: [Int] = []
        for try await item in CursorPages(fetch: { await repeating.fetch($0) }) { items.append(item) }
        #expect(items == [1, 2])
        #expect(await repeating.fetched == [nil, "a"])
    }

    @Test func fetchesANextPageOnlyWhenNeeded() async throws {
        let pages = Pages([nil: ([1, 2], "b"), "b": ([3], nil)])
        var iterator = CursorPages(fetch: { await pages.fetch($0) }).makeAsyncIterator()
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
        for try await item in CursorPages(fetch: { await pages.fetch($0) }) { items.append(item) }
        #expect(items == [7])
    }

    @Test func cancellationStopsBetweenPages() async throws {
        let pages = Pages([nil: ([1], "b"), "b": ([2], nil)])
        let task = Task {
            var iterator = CursorPages(fetch: { await pages.fetch($0) }).makeAsyncIterator()
            let first = try await iterator.next()
            withUnsafeCurrentTask { $0?.cancel() }
            _ = try await iterator.next()
            return first
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(await pages.fetched == [nil])
    }
}

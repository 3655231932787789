/// Every item of a cursor-paginated list, as one asynchronous sequence; ``pages`` walks the same
/// list a page at a time, with each page's cursor.
///
/// Fetches the first page when iteration starts and the next one only when the items of the
/// current page are used up, following the cursor each page returns until it is `nil` or empty.
///
/// A walk cannot run away:
/// - A cursor seen before (a server handing back A, B, A, B…) ends it with
///   ``APIClientError/paginationCycle(operationID:cursor:pages:)`` after the items of the page
///   that returned it: the list cannot be walked to its end, and stopping silently would pass
///   for a complete list.
/// - After ``maximumPages`` pages (``defaultMaximumPages`` unless changed with
///   ``maximumPages(_:)``) it ends with
///   ``APIClientError/pageLimitReached(operationID:maximumPages:nextCursor:)``, which carries
///   the cursor to resume from.
/// - Cancelling the iterating task stops it before the next page is fetched.
///
/// Errors it raises itself (these three) go through the client's error mapper, so a
/// `WherebyClient` throws them as `WherebyError` like every call; without a mapper they are
/// ``APIClientError``, and cancellation is `CancellationError`.
///
/// ```swift
/// for try await meeting in client.allMeetings(pageSize: 100) {
///     print(meeting.meetingId)
/// }
/// ```
public struct CursorPages<Element: Sendable>: AsyncSequence, Sendable {
    /// Fetches the page after `cursor` (nil: the first page).
    public typealias Fetch = @Sendable (_ cursor: String?) async throws -> CursorPage<Element>
    /// What an error the sequence raises itself becomes; `APIRuntime.errorMapper`'s type.
    public typealias ErrorMapper = @Sendable (APIClientError) -> any Error

    /// The most pages a walk fetches unless told otherwise: 1,000, which is 100,000 items at
    /// Whereby's largest page size and at most 1,000 rate-limit points for a runaway server.
    public static var defaultMaximumPages: Int { 1000 }

    /// The operation that fetches the pages, named in the errors the sequence raises.
    public let operationID: String
    /// The cursor of the first page fetched; `nil` for the start of the list.
    public let startCursor: String?
    /// The most pages a walk fetches.
    public let maximumPages: Int
    private let errorMapper: ErrorMapper?
    private let fetch: Fetch

    /// Creates the sequence.
    /// - Parameters:
    ///   - operationID: The list operation, named in errors.
    ///   - cursor: Where to start: `nil` for the first page, or a cursor stored from a page.
    ///   - maximumPages: The most pages to fetch (at least 1).
    ///   - errorMapper: What the errors the sequence raises itself become (a client's
    ///     `runtime.errorMapper`); errors from `fetch` pass through as they are.
    ///   - fetch: Fetches the page after a cursor.
    public init(
        operationID: String = "",
        startingAt cursor: String? = nil,
        maximumPages: Int = defaultMaximumPages,
        errorMapper: ErrorMapper? = nil,
        fetch: @escaping Fetch
    ) {
        self.operationID = operationID
        self.startCursor = cursor.flatMap { $0.isEmpty ? nil : $0 }
        self.maximumPages = Swift.max(1, maximumPages)
        self.errorMapper = errorMapper
        self.fetch = fetch
    }

    /// The same walk, starting at `cursor` (a page's ``CursorPage/nextCursor`` stored earlier).
    public func startingAt(_ cursor: String?) -> CursorPages {
        CursorPages(operationID: operationID, startingAt: cursor, maximumPages: maximumPages, errorMapper: errorMapper, fetch: fetch)
    }

    /// The same walk, fetching at most `count` pages before it throws
    /// ``APIClientError/pageLimitReached(operationID:maximumPages:nextCursor:)``.
    public func maximumPages(_ count: Int) -> CursorPages {
        CursorPages(operationID: operationID, startingAt: startCursor, maximumPages: count, errorMapper: errorMapper, fetch: fetch)
    }

    /// The pages themselves, each with the cursor that continues after it, under the same rules.
    ///
    /// ```swift
    /// for try await page in client.allMeetings(pageSize: 100, startingAt: saved).pages {
    ///     try await store(page.items)
    ///     saved = page.nextCursor  // resume from here after a crash
    /// }
    /// ```
    public var pages: Pages {
        Pages(walk: Walk(sequence: self))
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(walk: Walk(sequence: self))
    }

    /// Every item, page after page.
    public struct Iterator: AsyncIteratorProtocol {
        private var walk: Walk
        private var buffer: [Element] = []
        private var position = 0

        init(walk: Walk) {
            self.walk = walk
        }

        public mutating func next() async throws -> Element? {
            while position == buffer.count {
                guard let page = try await walk.next() else { return nil }
                buffer = page.items
                position = 0
            }
            defer { position += 1 }
            return buffer[position]
        }
    }

    /// The pages of a ``CursorPages``, each with its ``CursorPage/nextCursor``.
    public struct Pages: AsyncSequence, Sendable {
        fileprivate let walk: Walk

        public func makeAsyncIterator() -> Iterator {
            Iterator(walk: walk)
        }

        public struct Iterator: AsyncIteratorProtocol {
            fileprivate var walk: Walk

            public mutating func next() async throws -> CursorPage<Element>? {
                try await walk.next()
            }
        }
    }

    /// The state of one walk: the cursor to fetch next, every cursor seen, the pages fetched.
    struct Walk: Sendable {
        private let sequence: CursorPages
        private var cursor: String?
        private var seen: Set<String> = []
        private var fetched = 0
        private var isFinished = false

        init(sequence: CursorPages) {
            self.sequence = sequence
            cursor = sequence.startCursor
            if let cursor { seen.insert(cursor) }
        }

        mutating func next() async throws -> CursorPage<Element>? {
            guard !isFinished else { return nil }
            if fetched > 0 {
                guard let cursor else {
                    isFinished = true
                    return nil
                }
                if fetched >= sequence.maximumPages {
                    isFinished = true
                    throw sequence.mapped(.pageLimitReached(operationID: sequence.operationID, maximumPages: sequence.maximumPages, nextCursor: cursor))
                }
                if !seen.insert(cursor).inserted {
                    isFinished = true
                    throw sequence.mapped(.paginationCycle(operationID: sequence.operationID, cursor: cursor, pages: fetched))
                }
            }
            if Task.isCancelled {
                isFinished = true
                throw sequence.errorMapper.map { $0(.cancelled(operationID: sequence.operationID)) } ?? CancellationError()
            }
            let page: CursorPage<Element>
            do {
                page = try await sequence.fetch(cursor)
            } catch {
                isFinished = true
                throw error
            }
            fetched += 1
            cursor = page.nextCursor.flatMap { $0.isEmpty ? nil : $0 }
            return CursorPage(items: page.items, nextCursor: cursor)
        }
    }

    fileprivate func mapped(_ error: APIClientError) -> any Error {
        errorMapper?(error) ?? error
    }
}

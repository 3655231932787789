/// Every item of a cursor-paginated list, as one asynchronous sequence.
///
/// Fetches the first page when iteration starts and the next one only when the items of the
/// current page are used up, following the cursor each page returns until it is `nil` or empty.
/// Cancelling the iterating task stops it between pages with `CancellationError`. A server that
/// hands back the cursor it was given would loop forever: the sequence stops instead.
///
/// ```swift
/// for try await meeting in client.allMeetings(limit: 100) {
///     print(meeting.meetingId)
/// }
/// ```
public struct CursorPages<Element: Sendable>: AsyncSequence, Sendable {
    /// Fetches the page after `cursor` (nil: the first page): its items and the next cursor.
    public typealias Fetch = @Sendable (_ cursor: String?) async throws -> (items: [Element], next: String?)

    private let fetch: Fetch

    public init(fetch: @escaping Fetch) {
        self.fetch = fetch
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(fetch: fetch)
    }

    public struct Iterator: AsyncIteratorProtocol {
        private let fetch: Fetch
        private var buffer: [Element] = []
        private var position = 0
        private var cursor: String?
        private var isFinished = false
        private var hasStarted = false

        init(fetch: @escaping Fetch) {
            self.fetch = fetch
        }

        public mutating func next() async throws -> Element? {
            while position == buffer.count {
                guard !isFinished else { return nil }
                try Task.checkCancellation()
                let page = try await fetch(hasStarted ? cursor : nil)
                hasStarted = true
                buffer = page.items
                position = 0
                if let next = page.next, !next.isEmpty, next != cursor {
                    cursor = next
                } else {
                    isFinished = true
                }
            }
            defer { position += 1 }
            return buffer[position]
        }
    }
}

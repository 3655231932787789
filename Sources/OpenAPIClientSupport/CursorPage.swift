/// One page of a cursor-paginated list: its items, and the cursor that continues after it.
///
/// Store ``nextCursor`` to resume a long walk later, from another process if need be, with
/// ``CursorPages/startingAt(_:)`` (or the `startingAt:` argument of a generated `all…` function).
public struct CursorPage<Element: Sendable>: Sendable {
    /// The page's items, in the server's order.
    public var items: [Element]
    /// The cursor of the page after this one; `nil` on the last page.
    public var nextCursor: String?

    public init(items: [Element], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

extension CursorPage: Equatable where Element: Equatable {}
extension CursorPage: Hashable where Element: Hashable {}

import Foundation

/// Where a page ended: the sort value and sequence of its last item. The cursor handed to the
/// client encodes it, so the next page starts after that item even if items before it were
/// deleted meanwhile, as a "delete everything I list" loop does.
struct PageKey: Codable, Sendable {
    let value: JSONValue
    let sequence: Int
}

/// Cursor pagination as the API does it: `{"results": [...], "cursor": "..."}`, with
/// `"cursor": null` on the last page.
struct Paginator: Sendable {
    /// The most items on one page.
    let limit: Int
    let order: SortOrder

    /// The page of `items` after `cursor` (from the first item when `nil`).
    ///
    /// - Parameter sortKey: The value an item sorts by; ``SortOrder/key(of:)`` unless an
    ///   operation derives one.
    /// - Throws: A 400 when `cursor` is not one this stand-in issued.
    func page<Item>(
        of items: [Sequenced<Item>],
        after cursor: String?,
        sortKey: (Item) -> JSONValue
    ) throws -> (items: [Item], cursor: String?) {
        let keyed = items
            .map { (key: PageKey(value: sortKey($0.record), sequence: $0.sequence), item: $0.record) }
            .sorted { order.precedes($0.key, $1.key) }
        var remaining = keyed[...]
        if let cursor {
            let after = try Self.decode(cursor)
            remaining = keyed.drop { !order.precedes(after, $0.key) }
        }
        let page = remaining.prefix(limit)
        let next = remaining.count > page.count ? page.last.map { Self.encode($0.key) } : nil
        return (page.map(\.item), next)
    }

    /// The response body for a page.
    static func body(results: [JSONValue], cursor: String?) -> JSONValue {
        ["results": .array(results), "cursor": cursor.map(JSONValue.string) ?? .null]
    }

    private static func encode(_ key: PageKey) -> String {
        let data = (try? JSONEncoder().encode(key)) ?? Data()
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func decode(_ cursor: String) throws -> PageKey {
        var base64 = cursor
            .replacingOccurrences(of: "-", with: "+")
            .replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard
            let data = Data(base64Encoded: base64),
            let key = try? JSONDecoder().decode(PageKey.self, from: data)
        else {
            throw MockError.badRequest("cursor \"\(cursor)\" is not one this server issued; pass the cursor of the previous page")
        }
        return key
    }
}

/// A request a ``FaultServer`` received, as it arrived.
public struct RecordedRequest: Sendable {
    /// The method, such as `GET`.
    public var method: String
    /// The request target: the path with its query, such as `/v1/meetings?cursor=a`.
    public var target: String
    /// The header fields in the order they arrived.
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: [UInt8]
    /// Which connection it came on: 0 for the server's first connection, then 1, 2, …
    public var connection: Int

    /// The path without the query.
    public var path: String {
        target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? target
    }

    /// The first value of the header field `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

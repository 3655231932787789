/// What a ``FaultServer`` answers to one request: a status, headers and a body, and the fault
/// to inject while sending them.
///
/// ```swift
/// .json(#"{"meetingId":"1"}"#)                                  // 200 with a JSON body
/// .redirect(to: other.url("/v1/meetings/1"))                     // 307 to another origin
/// .json("{}").stallingBeforeHead(for: .seconds(60))            // nothing for a minute
/// .json("{}").stallingAfterHead(for: .seconds(60))             // headers, then nothing
/// .bytes(50_000_000, contentLength: false)                        // 50 MB, chunked encoding
/// .bytes(1_000_000).closingConnection(afterBodyBytes: 1_000)      // cut mid-body
/// ```
public struct FaultResponse: Sendable {
    /// What the body is made of.
    public enum Body: Sendable {
        /// These bytes.
        case bytes([UInt8])
        /// `count` bytes of `a`, written `chunkSize` bytes at a time, each write waiting until
        /// the previous one reached the socket, so the server never holds more than a chunk.
        case generated(count: Int, chunkSize: Int)

        /// The body's length in bytes.
        public var count: Int {
            switch self {
            case .bytes(let bytes): bytes.count
            case .generated(let count, _): count
            }
        }
    }

    /// The status code.
    public var status: Int
    /// Header fields in order; `Content-Length` or `Transfer-Encoding` is added from
    /// ``sendsContentLength``.
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: Body
    /// Whether the head carries `Content-Length` (the default) or the body is sent with
    /// chunked transfer encoding.
    public var sendsContentLength: Bool = true
    /// How long the server waits after the request before sending the head.
    public var delayBeforeHead: Duration = .zero
    /// How long the server waits after sending the head before sending the body.
    public var delayAfterHead: Duration = .zero
    /// When set, the connection is closed after this many body bytes, before the body is
    /// complete.
    public var closeAfterBodyBytes: Int?

    /// A response with the given status, headers and body.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: Body = .bytes([])) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A 200 with a JSON body and `Content-Type: application/json`.
    public static func json(_ text: String, headers: [(name: String, value: String)] = []) -> FaultResponse {
        json(200, text, headers: headers)
    }

    /// A JSON body with `Content-Type: application/json`.
    public static func json(_ status: Int, _ text: String, headers: [(name: String, value: String)] = []) -> FaultResponse {
        FaultResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: .bytes(Array(text.utf8)))
    }

    /// A redirect with `Location: url` and a short body.
    public static func redirect(_ status: Int = 307, to url: String) -> FaultResponse {
        FaultResponse(status: status, headers: [("Location", url), ("Content-Type", "text/plain")], body: .bytes(Array("redirecting".utf8)))
    }

    /// `count` bytes of `a` as `application/octet-stream`, sent in chunks of `chunkSize` bytes.
    public static func bytes(_ count: Int, chunkSize: Int = 64 * 1024, contentLength: Bool = true) -> FaultResponse {
        var response = FaultResponse(
            status: 200,
            headers: [("Content-Type", "application/octet-stream")],
            body: .generated(count: count, chunkSize: max(1, chunkSize))
        )
        response.sendsContentLength = contentLength
        return response
    }

    /// This response, sent only after `duration` has passed (or never, if the connection or the
    /// server closes first).
    public func stallingBeforeHead(for duration: Duration) -> FaultResponse {
        var copy = self
        copy.delayBeforeHead = duration
        return copy
    }

    /// This response with its head sent at once and its body only after `duration`.
    public func stallingAfterHead(for duration: Duration) -> FaultResponse {
        var copy = self
        copy.delayAfterHead = duration
        return copy
    }

    /// This response with the connection closed after `count` body bytes. The head still
    /// announces the whole body, so the client sees it cut short.
    public func closingConnection(afterBodyBytes count: Int) -> FaultResponse {
        var copy = self
        copy.closeAfterBodyBytes = count
        return copy
    }
}

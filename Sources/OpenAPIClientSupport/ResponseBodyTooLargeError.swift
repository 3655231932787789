/// A response body was longer than ``APIRuntime/maximumResponseBodySize``; thrown as the
/// underlying error of ``APIClientError/transportFailed(operationID:underlying:)``.
public struct ResponseBodyTooLargeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The limit, in bytes, that the body exceeded.
    public var limit: Int

    /// Creates the error for a limit.
    public init(limit: Int) {
        self.limit = limit
    }

    public var description: String {
        "the response body is longer than the \(limit)-byte limit"
    }
}

public import HTTPTypes

/// Watches every call an ``APIRuntime`` makes, from before its request is built until its
/// response is decoded or the call fails: the seam that logging, metrics and tracing hook into.
///
/// A runtime without an observer (``APIRuntime/observer`` `nil`, the default) makes no call to
/// one and allocates nothing for it. An observer runs the call itself, so it can time it, wrap it
/// in a span or a task-local value, and see how it ended:
///
/// ```swift
/// struct Timing: APICallObserver {
///     func observe<Result: Sendable>(_ call: APICall, _ perform: () async throws -> Result) async throws -> Result {
///         let start = ContinuousClock.now
///         defer { print(call.operationID, ContinuousClock.now - start) }
///         return try await perform()
///     }
/// }
/// ```
///
/// Errors reach it as the runtime throws them, before ``APIRuntime/errorMapper``:
/// ``APIClientError`` or `CancellationError`.
public protocol APICallObserver: Sendable {
    /// Runs `perform`, the whole call, once, and returns what it returns or throws what it throws.
    func observe<Result: Sendable>(_ call: APICall, _ perform: () async throws -> Result) async throws -> Result
}

/// What an ``APICallObserver`` is told about a call: the operation, never its arguments.
public struct APICall: Sendable, Hashable {
    /// The document's `operationId`.
    public var operationID: String
    /// The HTTP method.
    public var method: HTTPRequest.Method
    /// The path template, with its `{name}` placeholders unfilled: `/meetings/{meetingId}`.
    public var pathTemplate: String

    /// Creates a description of a call.
    public init(operationID: String, method: HTTPRequest.Method, pathTemplate: String) {
        self.operationID = operationID
        self.method = method
        self.pathTemplate = pathTemplate
    }

    /// The call a request makes.
    public init(_ request: APIRequest) {
        self.init(operationID: request.operationID, method: request.method, pathTemplate: request.path)
    }
}

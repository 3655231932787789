import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import OpenAPIClientSupport
import OpenAPIRuntime

/// The delegate of a ``WherebyURLSessionTransport``'s session: it hands each task's response head
/// to the waiting call, streams the body after it, refuses every redirect and stops a body at
/// the size limit.
///
/// Each call ends exactly once: by its response head, or by an error (the task's own, the
/// caller's cancellation, or the size limit). Whatever ends it first removes the task's entry,
/// and only the one that removes it acts, so a task that has finished is never cancelled: a
/// `cancel()` racing a task's completion is what swift-corelibs-foundation cannot survive.
///
/// A task stopped at the size limit may still run to the end of its body on Linux:
/// swift-corelibs-foundation carries out `cancel()` on the session's work queue, the queue that
/// reads the socket, and while a fast server keeps the socket readable that queue never gets to
/// it. Such a transfer then ends as a success and its connection goes back to the session's
/// pool, kept open for the server that sent the oversized body; `keptRefusedConnection` is told,
/// so that the transport retires the session and its pool.
final class SessionTasks: NSObject, URLSessionDataDelegate, Sendable {
    typealias Response = (HTTPResponse, HTTPBody?)

    /// What is known of one task still in flight.
    private struct Entry: Sendable {
        var task: URLSessionTask
        /// Waiting for the response head; `nil` once it was delivered.
        var response: CheckedContinuation<Response, any Error>?
        /// The body stream, once the head was delivered.
        var body: AsyncThrowingStream<HTTPBody.ByteChunk, any Error>.Continuation?
        /// Body bytes received so far.
        var received = 0
    }

    private struct State: Sendable {
        /// The tasks still in flight, by task identifier.
        var entries: [Int: Entry] = [:]
        /// The tasks stopped at the size limit whose completion has not been reported yet.
        var refused: Set<Int> = []
    }

    private let state = Locked(State())
    private let maximumBodySize: Int
    private let keptRefusedConnection: @Sendable (URLSession) -> Void

    /// - Parameter keptRefusedConnection: Called, on the delegate queue, with the session of a
    ///   task that was stopped at the size limit and completed anyway, so that its connection is
    ///   in the session's pool.
    init(maximumBodySize: Int, keptRefusedConnection: @escaping @Sendable (URLSession) -> Void) {
        self.maximumBodySize = maximumBodySize
        self.keptRefusedConnection = keptRefusedConnection
    }

    /// Starts `task` for a call waiting on `continuation`, unless the call is already cancelled.
    func start(_ task: URLSessionTask, continuation: CheckedContinuation<Response, any Error>) {
        let identifier = task.taskIdentifier
        state.withLock { $0.entries[identifier] = Entry(task: task, response: continuation) }
        if Task.isCancelled {
            // The cancellation handler may have run before the entry existed; a task that never
            // ran is cancelled so that the session forgets it.
            finish(identifier, throwing: CancellationError())
        } else {
            task.resume()
        }
    }

    /// Ends the call of task `identifier` with `error` and cancels its task, if it is still in flight.
    func cancel(_ identifier: Int, with error: any Error) {
        finish(identifier, throwing: error)
    }

    /// Ends the call of task `identifier` with ``ResponseBodyTooLargeError`` and cancels its
    /// task, if it is still in flight, remembering that it was refused until it completes.
    private func refuse(_ identifier: Int) {
        finish(identifier, throwing: ResponseBodyTooLargeError(limit: maximumBodySize), refused: true)
    }

    /// Removes the entry, fails whatever waits on it and cancels the task; only when this call
    /// removed it, that is, before the session reported the task complete.
    private func finish(_ identifier: Int, throwing error: any Error, refused: Bool = false) {
        let removed = state.withLock { state -> Entry? in
            guard let entry = state.entries.removeValue(forKey: identifier) else { return nil }
            if refused { state.refused.insert(identifier) }
            return entry
        }
        guard let entry = removed else { return }
        entry.response?.resume(throwing: error)
        entry.body?.finish(throwing: error)
        // Not on the caller's thread: on Linux `cancel()` waits for the session's work queue,
        // which a transfer still streaming can hold for as long as its body lasts. Waiting here
        // would hold the delegate queue too, and every chunk the session still reads would pile
        // up in memory behind it. The decision to cancel was taken above, before the completion
        // was reported; a `cancel()` that lands after it finds the task completed and does nothing.
        let task = entry.task
        DispatchQueue.global().async { task.cancel() }
    }

    // MARK: - URLSessionDataDelegate

    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        // Never follow: the 3xx itself becomes the response, and the client decides.
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession,
        dataTask: URLSessionDataTask,
        didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        completionHandler(.allow)
        let identifier = dataTask.taskIdentifier
        let head: HTTPResponse
        do {
            head = try HTTPResponse(response)
        } catch {
            return cancel(identifier, with: error)
        }
        let (stream, body) = AsyncThrowingStream.makeStream(of: HTTPBody.ByteChunk.self, throwing: (any Error).self)
        body.onTermination = { [weak self] termination in
            // The reader stopped early (the client's own size check, or cancellation).
            if case .cancelled = termination { self?.cancel(identifier, with: CancellationError()) }
        }
        let waiting: CheckedContinuation<Response, any Error>? = state.withLock { state in
            guard var entry = state.entries[identifier], let waiting = entry.response else { return nil }
            entry.response = nil
            entry.body = body
            state.entries[identifier] = entry
            return waiting
        }
        guard let waiting else { return body.finish() }
        let length: HTTPBody.Length = response.expectedContentLength >= 0 ? .known(response.expectedContentLength) : .unknown
        waiting.resume(returning: (head, HTTPBody(stream, length: length, iterationBehavior: .single)))
        // A declared length over the limit is refused now, not after the limit's worth of bytes;
        // a response that has no body whatever its Content-Length says is left alone.
        let hasNoBody = dataTask.originalRequest?.httpMethod == "HEAD" || [204, 304].contains(head.status.code)
        if !hasNoBody, response.expectedContentLength > Int64(maximumBodySize) { refuse(identifier) }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let identifier = dataTask.taskIdentifier
        let limit = maximumBodySize
        let (body, isTooLarge) = state.withLock { state -> (AsyncThrowingStream<HTTPBody.ByteChunk, any Error>.Continuation?, Bool) in
            guard var entry = state.entries[identifier] else { return (nil, false) }
            entry.received += data.count
            state.entries[identifier] = entry
            return (entry.body, entry.received > limit)
        }
        if isTooLarge { return refuse(identifier) }
        // Callbacks come one at a time from the session's serial queue, so chunks stay in order.
        body?.yield(HTTPBody.ByteChunk(data))
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let identifier = task.taskIdentifier
        let (removed, wasRefused) = state.withLock { state in
            (state.entries.removeValue(forKey: identifier), state.refused.remove(identifier) != nil)
        }
        // Cancelled in time, the transfer fails and its connection is closed; a refused transfer
        // that succeeded was read to its end, and its connection is now waiting in the pool.
        if wasRefused, error == nil { keptRefusedConnection(session) }
        guard let entry = removed else { return }
        if let error {
            entry.response?.resume(throwing: error)
            entry.body?.finish(throwing: error)
        } else {
            entry.response?.resume(throwing: URLError(.badServerResponse))
            entry.body?.finish()
        }
    }
}

extension HTTPResponse {
    /// The response head of a `URLResponse`, which must be an HTTP one.
    fileprivate init(_ response: URLResponse) throws {
        guard let response = response as? HTTPURLResponse, (100...999).contains(response.statusCode) else {
            throw URLError(.badServerResponse)
        }
        self.init(status: .init(code: response.statusCode))
        for (key, value) in response.allHeaderFields {
            guard let key = key as? String, let name = HTTPField.Name(key), let value = value as? String else { continue }
            headerFields.append(HTTPField(name: name, value: value))
        }
    }
}

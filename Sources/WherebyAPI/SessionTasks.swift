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

    private let entries = Locked<[Int: Entry]>([:])
    private let maximumBodySize: Int

    init(maximumBodySize: Int) {
        self.maximumBodySize = maximumBodySize
    }

    /// Starts `task` for a call waiting on `continuation`, unless the call is already cancelled.
    func start(_ task: URLSessionTask, continuation: CheckedContinuation<Response, any Error>) {
        let identifier = task.taskIdentifier
        entries.withLock { $0[identifier] = Entry(task: task, response: continuation) }
        if Task.isCancelled {
            // The cancellation handler may have run before the entry existed; a task that never
            // ran is cancelled so that the session forgets it.
            finish(identifier, throwing: CancellationError(), cancelTask: true)
        } else {
            task.resume()
        }
    }

    /// Ends the call of task `identifier` with `error` and cancels its task, if it is still in flight.
    func cancel(_ identifier: Int, with error: any Error) {
        finish(identifier, throwing: error, cancelTask: true)
    }

    /// Removes the entry and fails whatever waits on it; the task is cancelled only when this
    /// call removed it, that is, before the session reported it complete.
    private func finish(_ identifier: Int, throwing error: any Error, cancelTask: Bool) {
        guard let entry = entries.withLock({ $0.removeValue(forKey: identifier) }) else { return }
        entry.response?.resume(throwing: error)
        entry.body?.finish(throwing: error)
        if cancelTask { entry.task.cancel() }
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
        let waiting: CheckedContinuation<Response, any Error>? = entries.withLock { entries in
            guard var entry = entries[identifier], let waiting = entry.response else { return nil }
            entry.response = nil
            entry.body = body
            entries[identifier] = entry
            return waiting
        }
        guard let waiting else { return body.finish() }
        let length: HTTPBody.Length = response.expectedContentLength >= 0 ? .known(response.expectedContentLength) : .unknown
        waiting.resume(returning: (head, HTTPBody(stream, length: length, iterationBehavior: .single)))
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let identifier = dataTask.taskIdentifier
        let limit = maximumBodySize
        let (body, isTooLarge) = entries.withLock { entries -> (AsyncThrowingStream<HTTPBody.ByteChunk, any Error>.Continuation?, Bool) in
            guard var entry = entries[identifier] else { return (nil, false) }
            entry.received += data.count
            entries[identifier] = entry
            return (entry.body, entry.received > limit)
        }
        if isTooLarge { return cancel(identifier, with: ResponseBodyTooLargeError(limit: limit)) }
        // Callbacks come one at a time from the session's serial queue, so chunks stay in order.
        body?.yield(HTTPBody.ByteChunk(data))
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let entry = entries.withLock({ $0.removeValue(forKey: task.taskIdentifier) }) else { return }
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

public import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
public import HTTPTypes
public import OpenAPIRuntime

/// The client's default transport: `URLSession` data tasks driven by a session delegate, on
/// Linux and on Apple platforms alike.
///
/// It differs from swift-openapi-urlsession's `URLSessionTransport()` in three ways a server
/// needs:
///
/// - **It never follows a redirect.** A 3xx comes back to the client as it is, so the client
///   decides: it follows same-origin redirects itself and refuses cross-origin ones, and the
///   `Authorization` header never reaches another origin. (`URLSessionTransport()` follows
///   them; on Linux it sends every header to the new origin.)
/// - **It streams response bodies and stops at a limit.** Bytes reach the client as they
///   arrive; past `Configuration.maximumResponseBodySize` the transfer is cancelled
///   and the body fails, so a huge response costs at most about the limit in memory. (On
///   Linux, `URLSessionTransport` holds the whole body before anyone can check its size.)
///   On Linux the cancellation waits for a pause in the socket reads, so from a server that
///   sends faster than the client reads, the rest of the body is read and dropped until it
///   ends; the transport then replaces its session, which closes that connection instead of
///   keeping it for the next call.
/// - **Its session holds no shared state**: an ephemeral configuration with no URL cache, no
///   cookie storage and no credential storage. Without a URL cache, and cancelling a task only
///   while its completion has not been reported, cancelling a call in flight stays clear of
///   the swift-corelibs-foundation race that stops the process with `Trying to access a
///   behaviour for a task that in not in the registry` (see the README's soak figures).
///
/// Each transport owns one `URLSession` at a time; create one and share it (the client does).
public final class WherebyURLSessionTransport: ClientTransport, Sendable {
    /// How the transport's session is set up.
    public struct Configuration: Sendable {
        /// How long a request may wait for more data before it fails with a timeout, in seconds
        /// (`URLSessionConfiguration.timeoutIntervalForRequest`): 60 by default. The client's
        /// own per-attempt timeout and deadline are the bounds to tune; this is a second line
        /// of defence for other users of the transport. On Linux it is at least one second:
        /// swift-corelibs-foundation truncates timeouts to whole seconds, so a shorter one would
        /// fire at once.
        public var idleTimeout: TimeInterval = 60
        /// The longest a whole request may take, in seconds
        /// (`URLSessionConfiguration.timeoutIntervalForResource`): 300 by default.
        public var resourceTimeout: TimeInterval = 300
        /// The longest response body the transport reads, in bytes (32 MiB, the client's limit,
        /// by default). A longer body is cancelled at the limit and fails with
        /// `ResponseBodyTooLargeError`, as the client's own limit does.
        public var maximumResponseBodySize: Int = 32 * 1024 * 1024
        /// The most connections at once to one host (`httpMaximumConnectionsPerHost`): 16 by
        /// default.
        public var maximumConnectionsPerHost: Int = 16

        /// The defaults.
        public init() {}
    }

    /// The settings the transport was created with.
    public let configuration: Configuration
    /// The session calls go through, with its delegate; `nil` until the next call after the
    /// session was retired.
    private let current = Locked<Session?>(nil)

    private struct Session: Sendable {
        let session: URLSession
        let tasks: SessionTasks
    }

    /// Creates a transport with its own ephemeral `URLSession`.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        current.withLock { $0 = makeSession() }
    }

    deinit {
        // The session holds its delegate strongly until it is invalidated.
        current.withLock { $0 }?.session.finishTasksAndInvalidate()
    }

    /// A task for `request` on the current session (a new one after a retirement), with the
    /// session's delegate. Made under the lock: a retired session is invalidated, and making a
    /// task on an invalidated session stops the process.
    private func dataTask(with request: URLRequest) -> (URLSessionDataTask, SessionTasks) {
        current.withLock { current in
            let live = current ?? makeSession()
            current = live
            return (live.session.dataTask(with: request), live.tasks)
        }
    }

    private func makeSession() -> Session {
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.urlCache = nil
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        sessionConfiguration.httpCookieStorage = nil
        sessionConfiguration.httpShouldSetCookies = false
        sessionConfiguration.httpCookieAcceptPolicy = .never
        sessionConfiguration.urlCredentialStorage = nil
        #if canImport(FoundationNetworking)
        sessionConfiguration.timeoutIntervalForRequest = max(1, configuration.idleTimeout)
        sessionConfiguration.timeoutIntervalForResource = max(1, configuration.resourceTimeout)
        #else
        sessionConfiguration.timeoutIntervalForRequest = configuration.idleTimeout
        sessionConfiguration.timeoutIntervalForResource = configuration.resourceTimeout
        #endif
        sessionConfiguration.httpMaximumConnectionsPerHost = configuration.maximumConnectionsPerHost
        let tasks = SessionTasks(maximumBodySize: configuration.maximumResponseBodySize) { [weak self] session in
            // Off the delegate queue: making a task, under the same lock, can wait on a session
            // queue busy with another transfer.
            guard let self else { return }
            DispatchQueue.global().async { self.retire(session) }
        }
        let queue = OperationQueue()
        queue.name = "WherebyURLSessionTransport"
        queue.maxConcurrentOperationCount = 1
        return Session(session: URLSession(configuration: sessionConfiguration, delegate: tasks, delegateQueue: queue), tasks: tasks)
    }

    /// Takes `session` out of use after a body refused at the size limit was read to its end
    /// anyway and its connection went back to the pool: new calls get a new session, and the
    /// old one, invalidated once its calls in flight have finished, is released with its pool,
    /// which closes the connection.
    private func retire(_ session: URLSession) {
        let retired = current.withLock { current -> URLSession? in
            guard let live = current, live.session === session else { return nil }
            current = nil
            return live.session
        }
        retired?.finishTasksAndInvalidate()
    }

    /// Sends the request and returns the response as soon as its head arrives, with a body
    /// that streams the rest.
    public func send(
        _ request: HTTPRequest,
        body requestBody: HTTPBody?,
        baseURL: URL,
        operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var urlRequest = try URLRequest(request, baseURL: baseURL)
        if let requestBody {
            urlRequest.httpBody = try await Data(collecting: requestBody, upTo: .max)
        }
        try Task.checkCancellation()
        let (task, tasks) = dataTask(with: urlRequest)
        let identifier = task.taskIdentifier
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                tasks.start(task, continuation: continuation)
            }
        } onCancel: {
            tasks.cancel(identifier, with: CancellationError())
        }
    }
}

extension URLRequest {
    /// The request for `request` relative to `baseURL`, with its header fields (repeated fields
    /// joined with commas, cookies with semicolons).
    fileprivate init(_ request: HTTPRequest, baseURL: URL) throws {
        guard var components = URLComponents(string: baseURL.absoluteString),
            let target = URLComponents(string: request.path ?? "")
        else {
            throw WherebyURLSessionTransport.InvalidRequestURL()
        }
        components.percentEncodedPath += target.percentEncodedPath
        components.percentEncodedQuery = target.percentEncodedQuery
        guard let url = components.url else { throw WherebyURLSessionTransport.InvalidRequestURL() }
        self.init(url: url)
        httpMethod = request.method.rawValue
        var fields: [String: String] = [:]
        var order: [String] = []
        for field in request.headerFields {
            let name = field.name.canonicalName
            if let existing = fields[name] {
                fields[name] = existing + (field.name == .cookie ? "; " : ", ") + field.value
            } else {
                fields[name] = field.value
                order.append(name)
            }
        }
        for name in order { setValue(fields[name], forHTTPHeaderField: name) }
    }
}

extension WherebyURLSessionTransport {
    /// The base URL and the request path did not make a URL.
    struct InvalidRequestURL: Error, CustomStringConvertible {
        var description: String { "the request path does not make a valid URL with the server URL" }
    }
}

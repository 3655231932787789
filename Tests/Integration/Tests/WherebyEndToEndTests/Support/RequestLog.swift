import Foundation
import HTTPTypes
import OpenAPIRuntime

/// A `ClientMiddleware` that writes down every attempt a client makes and how it ended.
///
/// Installed through `WherebyClient.Configuration.middlewares`, it runs inside the retry loop and
/// outside the pacing, so it sees each attempt that goes to the server, retries included, and
/// nothing that was refused before sending.
final class RequestLog: ClientMiddleware, @unchecked Sendable {
    /// A name for the calls made within `withValue`, so that the attempts of one call can be told
    /// apart from those of another call of the same operation.
    @TaskLocal static var call: String?

    /// One attempt.
    struct Entry: Sendable {
        /// ``call`` when the attempt was made.
        let call: String?
        let operationID: String
        let method: HTTPRequest.Method
        /// The response status; `nil` when the transport failed.
        let status: Int?
    }

    private let lock = NSLock()
    private var storage: [Entry] = []

    /// Every attempt so far, in the order they ended.
    var entries: [Entry] {
        lock.withLock { storage }
    }

    /// The attempts of `operationID`, with `status` when given.
    func count(_ operationID: String, status: Int? = nil) -> Int {
        entries.filter { $0.operationID == operationID && (status == nil || $0.status == status) }.count
    }

    /// The most attempts any one named ``call`` took.
    var mostAttemptsOfOneCall: Int {
        Dictionary(grouping: entries.compactMap(\.call), by: { $0 }).values.map(\.count).max() ?? 0
    }

    /// The attempts the server answered with `429 Too Many Requests`.
    var throttledCount: Int {
        entries.filter { $0.status == 429 }.count
    }

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        do {
            let (response, responseBody) = try await next(request, body, baseURL)
            record(Entry(call: Self.call, operationID: operationID, method: request.method, status: response.status.code))
            return (response, responseBody)
        } catch {
            record(Entry(call: Self.call, operationID: operationID, method: request.method, status: nil))
            throw error
        }
    }

    private func record(_ entry: Entry) {
        lock.withLock { storage.append(entry) }
    }
}

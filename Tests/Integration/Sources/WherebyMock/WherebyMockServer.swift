public import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A local stand-in for the Whereby REST API v1, serving every operation of `spec/whereby.json`
/// from memory over HTTP.
///
/// It checks bearer keys, spends rate-limit points as the reference describes and answers with
/// its headers, pages lists with cursors, validates parameters and bodies against the document,
/// and starts with the records of a ``Fixture``. State lives as long as the value: every run of
/// the same server sees the same meetings.
///
/// In a test, run it for the duration of a closure on an ephemeral port:
///
/// ```swift
/// let server = WherebyMockServer(configuration: .init(pageSize: 2))
/// try await server.withRunningServer { address in
///     // address.baseURL is http://127.0.0.1:<port>/v1
/// }
/// ```
public struct WherebyMockServer: Sendable {
    /// Where a running server listens.
    public struct BoundAddress: Sendable, Hashable {
        /// The configured host.
        public let host: String
        /// The bound port: the configured one, or the one the system chose for port 0.
        public let port: Int
        /// The API's base URL on this server, `http://<host>:<port>/v1`, the counterpart of
        /// `https://api.whereby.dev/v1`.
        public let baseURL: URL
    }

    /// A run that ended without ever listening, for example because the port was taken.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    public let configuration: Configuration
    private let store: MockStore
    private let rateLimiter: RateLimiter

    /// A server with `configuration`; nothing listens until ``run(onListening:)``.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.store = MockStore(fixture: configuration.fixture)
        self.rateLimiter = RateLimiter(configuration.rateLimit, now: configuration.now)
    }

    /// Listens on the configured host and port and serves until the calling task is cancelled.
    ///
    /// Cancellation shuts the server down gracefully: it stops accepting connections, lets requests
    /// in flight finish, and then returns.
    ///
    /// - Parameter onListening: Called once the socket is bound, with the port it got.
    /// - Throws: When the server cannot bind or fails while running.
    public func run(onListening: @escaping @Sendable (BoundAddress) async -> Void = { _ in }) async throws {
        let logger = {
            var logger = Logger(label: "whereby-mock")
            logger.logLevel = configuration.logsRequests ? .info : .warning
            return logger
        }()
        let api = MockAPI(configuration: configuration, store: store, rateLimiter: rateLimiter)
        let host = configuration.host
        let application = Application(
            router: api.makeRouter(),
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: configuration.port),
                serverName: "whereby-mock"
            ),
            onServerRunning: { channel in
                guard let port = channel.localAddress?.port, let address = BoundAddress(host: host, port: port) else {
                    logger.error("whereby-mock is listening but its address is unknown")
                    return
                }
                await onListening(address)
            },
            logger: logger
        )
        let services = ServiceGroup(configuration: .init(services: [application], logger: logger))
        // Cancelling a ServiceGroup's own task cancels its services, which Hummingbird reports
        // as errors; run it in a task of its own and turn cancellation into a graceful shutdown.
        let serving = Task { try await services.run() }
        try await withTaskCancellationHandler {
            try await serving.value
        } onCancel: {
            Task { await services.triggerGracefulShutdown() }
        }
    }

    /// Runs the server while `body` runs, then stops it.
    ///
    /// - Parameter body: Receives the address once the server listens; its result is returned.
    /// - Throws: ``StartError`` or the server's error when it cannot start, or what `body` throws.
    public func withRunningServer<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (BoundAddress) async throws -> Result
    ) async throws -> Result {
        let (addresses, continuation) = AsyncStream.makeStream(of: BoundAddress.self)
        return try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { group in
            group.addTask {
                defer { continuation.finish() }
                try await run { address in continuation.yield(address) }
            }
            var iterator = addresses.makeAsyncIterator()
            guard let address = await iterator.next(isolation: isolation) else {
                // The server stopped before it listened: surface its error.
                try await group.next()
                throw StartError(description: "whereby-mock stopped before it was listening")
            }
            defer { group.cancelAll() }
            return try await body(address)
        }
    }

    /// The image last uploaded for a room's theme, or `nil` when none was (or the last update
    /// chose a preset through JSON); for tests that check what a client sent.
    public func uploadedImage(_ image: RoomThemeImage, roomName: String) async -> UploadedImage? {
        guard case .image(let uploaded) = await store.themeSetting(for: image.rawValue, roomName: roomName) else {
            return nil
        }
        return uploaded
    }
}

extension WherebyMockServer.BoundAddress {
    /// The address for `host` and `port`; `nil` when they make no URL.
    init?(host: String, port: Int) {
        let urlHost = host.contains(":") ? "[\(host)]" : host
        guard let url = URL(string: "http://\(urlHost):\(port)/v1") else { return nil }
        self.host = host
        self.port = port
        self.baseURL = url
    }
}

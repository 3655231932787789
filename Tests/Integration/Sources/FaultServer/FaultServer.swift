public import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A fault-injecting HTTP/1.1 server on 127.0.0.1, for tests of what a client does when the
/// server misbehaves: stalls, redirects, huge bodies, connections cut mid-body.
///
/// Each server listens on its own ephemeral port and answers every request with what its
/// script returns; it records every request it received, headers included, so a test can
/// check that a second server (another origin) never saw a header:
///
/// ```swift
/// let other = try await FaultServer.start { _ in .json("{}") }
/// let server = try await FaultServer.start { _ in .redirect(to: other.url("/v1/meetings/1")) }
/// defer { Task { await server.shutdown(); await other.shutdown() } }
/// // … call server.baseURL …
/// #expect(other.requests.allSatisfy { $0.header("Authorization") == nil })
/// ```
///
/// The script runs on the server's event loop: keep it quick and free of waits. Stalls end
/// when their time is up, when the client closes the connection, or at ``shutdown()``.
public final class FaultServer: Sendable {
    /// Decides the response to a request.
    public typealias Script = @Sendable (RecordedRequest) -> FaultResponse

    /// The port the server listens on, on 127.0.0.1.
    public let port: Int
    let script: Script
    private let serverChannel: any Channel
    private let state = NIOLockedValueBox(State())

    private struct State {
        var requests: [RecordedRequest] = []
        var connections: [ObjectIdentifier: any Channel] = [:]
        var connectionCount = 0
        var isShutDown = false
    }

    /// Starts a server that answers every request with what `script` returns.
    public static func start(_ script: @escaping Script) async throws -> FaultServer {
        let box = NIOLockedValueBox<FaultServer?>(nil)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                guard let server = box.withLockedValue({ $0 }) else {
                    return channel.close()
                }
                return server.accept(channel)
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        let server = FaultServer(channel: channel, script: script)
        box.withLockedValue { $0 = server }
        return server
    }

    /// Starts a server that answers the requests with `responses` in turn, repeating the last
    /// once they run out.
    public static func start(responses: [FaultResponse]) async throws -> FaultServer {
        precondition(!responses.isEmpty, "a FaultServer needs at least one response")
        let next = NIOLockedValueBox(0)
        return try await start { _ in
            let index = next.withLockedValue { index in
                defer { index += 1 }
                return index
            }
            return responses[min(index, responses.count - 1)]
        }
    }

    private init(channel: any Channel, script: @escaping Script) {
        self.serverChannel = channel
        self.port = channel.localAddress?.port ?? 0
        self.script = script
    }

    /// `http://127.0.0.1:<port>`.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// The URL of `path` (which starts with `/`) on this server, as a string.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Every request received so far, in the order each was complete.
    public var requests: [RecordedRequest] { state.withLockedValue { $0.requests } }

    /// How many connections the server has accepted.
    public var connectionCount: Int { state.withLockedValue { $0.connectionCount } }

    /// How many connections are open now.
    public var openConnectionCount: Int { state.withLockedValue { $0.connections.count } }

    /// Stops listening and closes every open connection, ending any stall.
    public func shutdown() async {
        let connections = state.withLockedValue { state in
            state.isShutDown = true
            return Array(state.connections.values)
        }
        try? await serverChannel.close()
        for connection in connections { try? await connection.close() }
    }

    // MARK: - Connections

    private func accept(_ channel: any Channel) -> EventLoopFuture<Void> {
        let connection: Int? = state.withLockedValue { state in
            guard !state.isShutDown else { return nil }
            state.connections[ObjectIdentifier(channel)] = channel
            defer { state.connectionCount += 1 }
            return state.connectionCount
        }
        guard let connection else { return channel.close() }
        channel.closeFuture.whenComplete { [weak self] _ in
            self?.state.withLockedValue { _ = $0.connections.removeValue(forKey: ObjectIdentifier(channel)) }
        }
        return channel.eventLoop.makeCompletedFuture {
            let sync = channel.pipeline.syncOperations
            try sync.configureHTTPServerPipeline(withPipeliningAssistance: true, withErrorHandling: true)
            try sync.addHandler(FaultServerHandler(server: self, connection: connection))
        }
    }

    func record(_ request: RecordedRequest) {
        state.withLockedValue { $0.requests.append(request) }
    }
}

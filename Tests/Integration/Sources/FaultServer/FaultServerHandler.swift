import NIOCore
import NIOHTTP1

/// Reads requests on one connection and writes what the server's script says, faults and all.
final class FaultServerHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let server: FaultServer
    private let connection: Int
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    /// Delayed steps still to run; cancelled when the connection closes.
    private var scheduled: [Scheduled<Void>] = []
    private var isActive = true

    init(server: FaultServer, connection: Int) {
        self.server = server
        self.connection = connection
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
        case .body(var buffer):
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            guard let head else { return }
            self.head = nil
            let request = RecordedRequest(
                method: head.method.rawValue,
                target: head.uri,
                headers: head.headers.map { (name: $0.name, value: $0.value) },
                body: body,
                connection: connection
            )
            server.record(request)
            respond(context: context, with: server.script(request), keepAlive: head.isKeepAlive)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        isActive = false
        for task in scheduled { task.cancel() }
        scheduled = []
        context.fireChannelInactive()
    }

    // MARK: - Responding

    private func respond(context: ChannelHandlerContext, with response: FaultResponse, keepAlive: Bool) {
        after(response.delayBeforeHead, context: context) {
            self.writeHead(context: context, response: response, keepAlive: keepAlive)
            self.after(response.delayAfterHead, context: context) {
                self.writeBody(context: context, response: response, keepAlive: keepAlive)
            }
        }
    }

    private func writeHead(context: ChannelHandlerContext, response: FaultResponse, keepAlive: Bool) {
        var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
        if response.sendsContentLength {
            headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        } else {
            headers.replaceOrAdd(name: "Transfer-Encoding", value: "chunked")
        }
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        let head = HTTPResponseHead(version: .http1_1, status: .init(statusCode: response.status), headers: headers)
        context.writeAndFlush(wrapOutboundOut(.head(head)), promise: nil)
    }

    private func writeBody(context: ChannelHandlerContext, response: FaultResponse, keepAlive: Bool) {
        let total = response.closeAfterBodyBytes.map { min($0, response.body.count) } ?? response.body.count
        let chunkSize: Int
        switch response.body {
        case .bytes(let bytes): chunkSize = max(1, bytes.count)
        case .generated(_, let size): chunkSize = size
        }
        writeChunks(context: context, response: response, from: 0, to: total, chunkSize: chunkSize) {
            if response.closeAfterBodyBytes != nil {
                context.close(promise: nil)
            } else if keepAlive {
                context.writeAndFlush(self.wrapOutboundOut(.end(nil)), promise: nil)
            } else {
                context.writeAndFlush(self.wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
                    context.close(promise: nil)
                }
            }
        }
    }

    /// Writes body bytes `offset..<end` a chunk at a time, each after the previous one was
    /// written to the socket, then calls `done`.
    private func writeChunks(
        context: ChannelHandlerContext,
        response: FaultResponse,
        from offset: Int,
        to end: Int,
        chunkSize: Int,
        done: @escaping () -> Void
    ) {
        guard isActive else { return }
        guard offset < end else { return done() }
        let count = min(chunkSize, end - offset)
        var buffer = context.channel.allocator.buffer(capacity: count)
        switch response.body {
        case .bytes(let bytes): buffer.writeBytes(bytes[offset..<(offset + count)])
        case .generated: buffer.writeRepeatingByte(UInt8(ascii: "a"), count: count)
        }
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(buffer)))).assumeIsolated().whenComplete { result in
            guard case .success = result else { return context.close(promise: nil) }
            // Through the loop, so a socket that takes every write at once does not recurse.
            context.eventLoop.assumeIsolated().execute {
                self.writeChunks(context: context, response: response, from: offset + count, to: end, chunkSize: chunkSize, done: done)
            }
        }
    }

    /// Runs `step` now when `delay` is zero, else after `delay` unless the connection closes first.
    private func after(_ delay: Duration, context: ChannelHandlerContext, _ step: @escaping () -> Void) {
        guard isActive else { return }
        guard delay > .zero else { return step() }
        let (seconds, attoseconds) = delay.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        let task = context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(nanoseconds)) {
            guard self.isActive else { return }
            step()
        }
        scheduled.append(task)
    }
}

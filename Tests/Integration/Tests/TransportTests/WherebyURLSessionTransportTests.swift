import FaultServer
import Foundation
import HTTPTypes
import OpenAPIClientSupport
import OpenAPIRuntime
import Testing
import WherebyAPI

/// The default transport over loopback: redirects come back unfollowed, bodies stream and stop
/// at the limit, and calls end promptly when cancelled or stalled.
@Suite struct WherebyURLSessionTransportTests {
    private func get(
        _ transport: some ClientTransport,
        _ server: FaultServer,
        path: String = "/v1/meetings/1",
        headers: HTTPFields = [:]
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: path, headerFields: headers)
        return try await transport.send(request, body: nil, baseURL: server.baseURL, operationID: "getMeeting")
    }

    @Test func returnsACrossOriginRedirectWithoutFollowingIt() async throws {
        let other = try await FaultServer.start { _ in .json(#"{"meetingId":"from-the-other-origin"}"#) }
        let server = try await FaultServer.start { _ in .redirect(307, to: other.url("/v1/meetings/1")) }
        let transport = WherebyURLSessionTransport()

        let (response, body) = try await get(transport, server, headers: [.authorization: "Bearer secret-key"])
        let text = try await String(collecting: try #require(body), upTo: 1024)
        await server.shutdown()
        await other.shutdown()

        #expect(response.status.code == 307)
        #expect(response.headerFields[.location] == other.url("/v1/meetings/1"))
        #expect(text == "redirecting")
        #expect(server.requests.count == 1)
        #expect(other.requests.isEmpty)
    }

    @Test func returnsASameOriginRedirectWithoutFollowingItEither() async throws {
        let server = try await FaultServer.start { request in
            request.path == "/v1/old" ? .redirect(308, to: "/v1/new") : .json("{}")
        }
        let (response, _) = try await get(WherebyURLSessionTransport(), server, path: "/v1/old")
        await server.shutdown()
        #expect(response.status.code == 308)
        #expect(server.requests.map(\.path) == ["/v1/old"])
    }

    @Test func sendsTheMethodHeadersQueryAndBody() async throws {
        let server = try await FaultServer.start { _ in .json(201, #"{"ok":true}"#) }
        var fields: HTTPFields = [.contentType: "application/json", .authorization: "Bearer k"]
        fields.append(HTTPField(name: .accept, value: "application/json"))
        fields.append(HTTPField(name: .accept, value: "text/plain"))
        let request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/meetings?fields=hostRoomUrl", headerFields: fields)
        let (response, body) = try await WherebyURLSessionTransport().send(
            request,
            body: HTTPBody(#"{"endDate":"2030-01-01T00:00:00Z"}"#),
            baseURL: URL(string: server.url("/v1"))!,
            operationID: "createMeeting"
        )
        let text = try await String(collecting: try #require(body), upTo: 1024)
        await server.shutdown()

        #expect(response.status.code == 201)
        #expect(text == #"{"ok":true}"#)
        let received = try #require(server.requests.first)
        #expect(received.method == "POST")
        #expect(received.target == "/v1/meetings?fields=hostRoomUrl")
        #expect(received.header("Authorization") == "Bearer k")
        #expect(received.header("Accept") == "application/json, text/plain")
        #expect(String(decoding: received.body, as: UTF8.self) == #"{"endDate":"2030-01-01T00:00:00Z"}"#)
    }

    @Test func returnsTheHeadWhileTheBodyIsStillStalled() async throws {
        // The body comes after a minute; a transport that waits for it cannot return in time.
        let server = try await FaultServer.start { _ in .json(#"{"late":true}"#).stallingAfterHead(for: .seconds(60)) }
        let transport = WherebyURLSessionTransport()
        let status = try await withThrowingTaskGroup(of: Int?.self) { group in
            group.addTask { try await get(transport, server).0.status.code }
            group.addTask {
                try await Task.sleep(for: .seconds(30))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        await server.shutdown()
        #expect(status == 200)
    }

    @Test(arguments: [true, false])
    func stopsReadingABodyAtTheLimit(contentLength: Bool) async throws {
        let limit = 1_000_000
        let server = try await FaultServer.start { _ in .bytes(40_000_000, chunkSize: 16 * 1024, contentLength: contentLength) }
        var configuration = WherebyURLSessionTransport.Configuration()
        configuration.maximumResponseBodySize = limit
        let (_, body) = try await get(WherebyURLSessionTransport(configuration: configuration), server)
        var received = 0
        let start = ContinuousClock.now
        await #expect(throws: ResponseBodyTooLargeError(limit: limit)) {
            for try await chunk in try #require(body) { received += chunk.count }
        }
        let elapsed = ContinuousClock.now - start
        await server.shutdown()
        #expect(received <= limit)
        #expect(elapsed < .seconds(30))
    }

    /// The ordering that left a refused 400 MB body's connection open one run in thirty: the
    /// whole body is read before the cancellation at the limit reaches the transfer (on Linux it
    /// waits behind the socket reads on the session's queue), so the task succeeds and its
    /// connection goes back to the pool. A body that arrives in one write forces that ordering
    /// every time; the connection must be closed all the same, and the transport still work.
    @Test(arguments: [true, false])
    func closesTheConnectionOfARefusedBodyThatArrivedWhole(contentLength: Bool) async throws {
        let limit = 1_000
        let server = try await FaultServer.start(responses: [
            .bytes(200_000, chunkSize: 200_000, contentLength: contentLength),
            .json("{}"),
        ])
        var configuration = WherebyURLSessionTransport.Configuration()
        configuration.maximumResponseBodySize = limit
        let transport = WherebyURLSessionTransport(configuration: configuration)
        let (_, body) = try await get(transport, server)
        await #expect(throws: ResponseBodyTooLargeError(limit: limit)) {
            for try await _ in try #require(body) {}
        }
        let start = ContinuousClock.now
        while server.openConnectionCount > 0, ContinuousClock.now - start < .seconds(10) {
            try await Task.sleep(for: .milliseconds(20))
        }
        let stillOpen = server.openConnectionCount
        let (response, next) = try await get(transport, server)
        let text = try await String(collecting: try #require(next), upTo: 100)
        await server.shutdown()
        #expect(stillOpen == 0)
        #expect(response.status == .ok)
        #expect(text == "{}")
        #expect(server.connectionCount == 2)
    }

    @Test func cancellingACallWaitingForItsHeadEndsItAtOnce() async throws {
        let server = try await FaultServer.start { _ in .json("{}").stallingBeforeHead(for: .seconds(60)) }
        let transport = WherebyURLSessionTransport()
        let call = Task { try await get(transport, server) }
        // Cancel once the request is on the wire, however busy the machine is.
        let sent = ContinuousClock.now
        while server.requests.isEmpty, ContinuousClock.now - sent < .seconds(30) {
            try await Task.sleep(for: .milliseconds(10))
        }
        let start = ContinuousClock.now
        call.cancel()
        let result = await call.result
        let elapsed = ContinuousClock.now - start
        await server.shutdown()

        #expect(throws: CancellationError.self) { try result.get() }
        #expect(elapsed < .seconds(15))
        #expect(server.requests.count == 1)
    }

    @Test func droppingABodyHalfReadCancelsItsTransfer() async throws {
        let server = try await FaultServer.start { _ in .bytes(200_000_000, chunkSize: 16 * 1024, contentLength: false) }
        let transport = WherebyURLSessionTransport()
        do {
            let (_, body) = try await get(transport, server)
            var received = 0
            for try await chunk in try #require(body) {
                received += chunk.count
                if received > 100_000 { break }
            }
        }
        // The server sees its connection closed long before 200 MB could have been sent.
        let start = ContinuousClock.now
        while server.requests.isEmpty || server.openConnectionCount > 0 {
            guard ContinuousClock.now - start < .seconds(30) else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let stillOpen = server.openConnectionCount
        await server.shutdown()
        #expect(stillOpen == 0)
    }

    @Test func aConnectionCutMidBodyFailsTheBody() async throws {
        let server = try await FaultServer.start { _ in .bytes(1_000_000).closingConnection(afterBodyBytes: 10_000) }
        let (response, body) = try await get(WherebyURLSessionTransport(), server)
        #expect(response.status.code == 200)
        await #expect(throws: (any Error).self) {
            _ = try await Data(collecting: try #require(body), upTo: 2_000_000)
        }
        await server.shutdown()
    }

    #if canImport(FoundationNetworking)
    @Test func aSubSecondIdleTimeoutStillWaitsASecondOnLinux() async throws {
        // swift-corelibs-foundation would truncate 0.2 s to nothing and fail at once. A loaded
        // machine may let the 0.4 s stall outlast the one-second floor, so a timeout is accepted
        // as long as it came after that second.
        let server = try await FaultServer.start { _ in .json("{}").stallingAfterHead(for: .milliseconds(400)) }
        var configuration = WherebyURLSessionTransport.Configuration()
        configuration.idleTimeout = 0.2
        let transport = WherebyURLSessionTransport(configuration: configuration)
        let start = ContinuousClock.now
        do {
            let (response, body) = try await get(transport, server)
            let text = try await String(collecting: try #require(body), upTo: 1024)
            #expect(response.status.code == 200)
            #expect(text == "{}")
        } catch let error as URLError where error.code == .timedOut {
            #expect(ContinuousClock.now - start >= .milliseconds(950))
        }
        await server.shutdown()
    }
    #endif

    @Test func theIdleTimeoutEndsAResponseThatNeverStarts() async throws {
        let server = try await FaultServer.start { _ in .json("{}").stallingBeforeHead(for: .seconds(60)) }
        var configuration = WherebyURLSessionTransport.Configuration()
        configuration.idleTimeout = 1
        let start = ContinuousClock.now
        await #expect(throws: URLError.self) {
            _ = try await get(WherebyURLSessionTransport(configuration: configuration), server)
        }
        let elapsed = ContinuousClock.now - start
        await server.shutdown()
        #expect(elapsed < .seconds(30))
    }
}

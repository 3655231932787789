import FaultServer
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The fault server itself, seen from a plain `URLSession`, so the transport tests can trust it.
@Suite struct FaultServerTests {
    private func session(timeout: TimeInterval = 10) -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = timeout
        return URLSession(configuration: configuration)
    }

    @Test func answersWithTheScriptedResponseAndRecordsTheRequestHeaders() async throws {
        let server = try await FaultServer.start { request in
            .json(201, #"{"path":"\#(request.target)"}"#, headers: [("X-Request-Id", "r-1")])
        }
        var request = URLRequest(url: URL(string: server.url("/v1/meetings?cursor=a"))!)
        request.setValue("Bearer secret", forHTTPHeaderField: "Authorization")
        let (data, response) = try await session().data(for: request)
        await server.shutdown()

        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 201)
        #expect(http.value(forHTTPHeaderField: "X-Request-Id") == "r-1")
        #expect(String(decoding: data, as: UTF8.self) == #"{"path":"/v1/meetings?cursor=a"}"#)
        let recorded = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(recorded.method == "GET")
        #expect(recorded.path == "/v1/meetings")
        #expect(recorded.header("authorization") == "Bearer secret")
    }

    @Test func servesResponsesInTurnRepeatingTheLast() async throws {
        let server = try await FaultServer.start(responses: [.json(500, "{}"), .json(200, "{}")])
        var statuses: [Int] = []
        for _ in 0..<3 {
            let (_, response) = try await session().data(from: server.baseURL)
            statuses.append((response as? HTTPURLResponse)?.statusCode ?? 0)
        }
        await server.shutdown()
        #expect(statuses == [500, 200, 200])
    }

    @Test func sendsAGeneratedBodyInChunksWithoutContentLength() async throws {
        let server = try await FaultServer.start { _ in .bytes(3_000_000, chunkSize: 10_000, contentLength: false) }
        let (data, response) = try await session().data(from: server.baseURL)
        await server.shutdown()
        #expect((response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Length") == nil)
        #expect(data.count == 3_000_000)
        #expect(data.allSatisfy { $0 == UInt8(ascii: "a") })
    }

    @Test func closesTheConnectionMidBody() async throws {
        let server = try await FaultServer.start { _ in .bytes(100_000).closingConnection(afterBodyBytes: 1_000) }
        await #expect(throws: (any Error).self) {
            _ = try await session().data(from: server.baseURL)
        }
        await server.shutdown()
    }

    @Test func stallsBeforeTheHeadUntilTheClientGivesUp() async throws {
        let server = try await FaultServer.start { _ in .json("{}").stallingBeforeHead(for: .seconds(60)) }
        let start = ContinuousClock.now
        let error = await #expect(throws: URLError.self) {
            _ = try await session(timeout: 1).data(from: server.baseURL)
        }
        #expect(error?.code == .timedOut)
        let elapsed = ContinuousClock.now - start
        await server.shutdown()
        #expect(elapsed < .seconds(30))
        #expect(server.requests.count == 1)
    }

    @Test func stallsTheBodyAfterSendingTheHead() async throws {
        let server = try await FaultServer.start { _ in .json("{}").stallingAfterHead(for: .milliseconds(700)) }
        let start = ContinuousClock.now
        let (data, _) = try await session().data(from: server.baseURL)
        let elapsed = ContinuousClock.now - start
        await server.shutdown()
        #expect(String(decoding: data, as: UTF8.self) == "{}")
        #expect(elapsed >= .milliseconds(600))
    }
}

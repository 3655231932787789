import AsyncHTTPClient
import FaultServer
import Foundation
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime
import Testing
import TransportSoak
import WherebyAPI

/// Thousands of calls through each transport, concurrent, most cancelled or timed out while on
/// the wire. A transport that can crash under this takes the whole test process down, so the
/// suite fails by not finishing; `Benchmarks/run.py --only transport` counts crashes over many
/// processes instead.
///
/// `TRANSPORT_SOAK_CALLS=20000 swift test --package-path Tests/Integration --filter TransportSoakTests`
/// runs a longer soak.
@Suite(.serialized) struct TransportSoakTests {
    private static let calls = ProcessInfo.processInfo.environment["TRANSPORT_SOAK_CALLS"].flatMap { Int($0) } ?? 2000

    private func soak(_ transport: any ClientTransport) async throws -> TransportSoak.Tally {
        let server = try await TransportSoak.startServer()
        let tally = await TransportSoak(calls: Self.calls, lanes: 4).run(through: transport, server: server)
        await server.shutdown()
        return tally
    }

    private func expectSurvived(_ tally: TransportSoak.Tally) {
        #expect(tally.calls == Self.calls)
        #expect(tally.failed == 0, "unexpected failures: \(tally.failures)")
        #expect(tally.completed + tally.cancelled + tally.timedOut == tally.calls)
        // The mix really cancelled calls in flight, and really completed others.
        #expect(tally.interruptions >= Self.calls / 3)
        #expect(tally.completed >= Self.calls / 10)
    }

    @Test func theDefaultTransportSurvivesThousandsOfCallsCancelledInFlight() async throws {
        expectSurvived(try await soak(WherebyURLSessionTransport()))
    }

    @Test func asyncHTTPClientSurvivesThousandsOfCallsCancelledInFlight() async throws {
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
        let tally = try await soak(AsyncHTTPClientTransport(configuration: .init(client: client)))
        try await client.shutdown()
        expectSurvived(tally)
    }
}

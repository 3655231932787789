// transport-probe: measures the transports a WherebyClient can send through, one process per
// measurement, for Benchmarks/benchlib/transport.py.
//
//   transport-probe serve                         a fault server in its own process; prints its port
//   transport-probe memory TRANSPORT URL          one call that gets a huge body; prints peak memory
//   transport-probe soak TRANSPORT CALLS LANES    a soak with cancellations; prints the tally
//
// TRANSPORT is `default` (WherebyURLSessionTransport), `urlsession` (swift-openapi-urlsession's
// URLSessionTransport(), the client's default before issue 12) or `ahc` (AsyncHTTPClientTransport
// over an HTTPClient that does not follow redirects, as the README shows it). Results are JSON
// on standard output. A soak that crashes the process is seen by the caller as a signal.

import AsyncHTTPClient
import FaultServer
import Foundation
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime
import OpenAPIURLSession
import TransportSoak
import WherebyAPI

enum Probe {
    static func transport(named name: String) -> (any ClientTransport, shutdown: @Sendable () async -> Void) {
        switch name {
        case "default":
            return (WherebyURLSessionTransport(), {})
        case "urlsession":
            return (URLSessionTransport(), {})
        case "ahc":
            let client = HTTPClient(
                eventLoopGroupProvider: .singleton,
                configuration: HTTPClient.Configuration(redirectConfiguration: .disallow)
            )
            return (AsyncHTTPClientTransport(configuration: .init(client: client)), { try? await client.shutdown() })
        default:
            fail("unknown transport \(name): default, urlsession or ahc")
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("transport-probe: \(message)\n".utf8))
        exit(64)
    }

    static func printJSON(_ value: [String: Any]) {
        let data = try! JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    /// A value in kB from /proc/self/status, such as `VmHWM` or `VmRSS`.
    static func status(_ field: String) -> Int {
        let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return 0
    }

    /// Resets VmHWM to the current resident size (Linux 4.0 and later).
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// The server half of `memory`: 50 MB bodies with and without Content-Length, and a small
    /// meeting for the warm-up call.
    static func serve() async throws {
        let bytes = Int(ProcessInfo.processInfo.environment["PROBE_BODY_BYTES"] ?? "") ?? 50_000_000
        let server = try await FaultServer.start { request in
            if request.path.hasSuffix("/chunked") { return .bytes(bytes, contentLength: false) }
            if request.path.hasSuffix("/length") { return .bytes(bytes) }
            return .json(#"{"meetingId":"1","roomUrl":"https://x.whereby.com/r","startDate":"2030-01-01T00:00:00Z","endDate":"2030-01-01T01:00:00Z"}"#)
        }
        FileHandle.standardOutput.write(Data("\(server.port)\n".utf8))
        // Until the caller closes standard input.
        while FileHandle.standardInput.availableData.count > 0 {}
        await server.shutdown()
    }

    /// One `getMeeting` whose body is huge, through a client on `transportName`; the peak
    /// resident memory it added over the process's size after a warm-up call.
    static func memory(transportName: String, serverURL: URL, meetingID: String) async {
        let (transport, shutdown) = transport(named: transportName)
        let whereby = WherebyClient(apiKey: "probe", configuration: .init(
            serverURL: serverURL, transport: transport, retry: .never, rateLimit: .disabled
        ))
        _ = try? await whereby.getMeeting(meetingId: "warm-up")
        let baseline = status("VmRSS")
        resetPeak()
        let start = ContinuousClock.now
        var outcome = "returned"
        do {
            _ = try await whereby.getMeeting(meetingId: meetingID)
        } catch {
            outcome = String(describing: error).replacingOccurrences(of: "\n", with: " ")
        }
        let elapsed = ContinuousClock.now - start
        let peak = status("VmHWM")
        await shutdown()
        printJSON([
            "transport": transportName, "body": meetingID, "baselineKiB": baseline, "peakKiB": peak,
            "addedKiB": peak - baseline, "seconds": Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            "outcome": String(outcome.prefix(300)),
        ])
    }

    static func soak(transportName: String, calls: Int, lanes: Int, seed: UInt64) async throws {
        let (transport, shutdown) = transport(named: transportName)
        let server = try await TransportSoak.startServer()
        let start = ContinuousClock.now
        let tally = await TransportSoak(calls: calls, lanes: lanes, seed: seed).run(through: transport, server: server)
        let elapsed = ContinuousClock.now - start
        await shutdown()
        await server.shutdown()
        printJSON([
            "transport": transportName, "calls": tally.calls, "completed": tally.completed, "cancelled": tally.cancelled,
            "timedOut": tally.timedOut, "failed": tally.failed, "interruptions": tally.interruptions,
            "failures": tally.failures, "seconds": Double(elapsed.components.seconds),
        ])
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "serve":
    try await Probe.serve()
case "memory" where arguments.count == 4:
    guard let url = URL(string: arguments[2]) else { Probe.fail("not a URL: \(arguments[2])") }
    await Probe.memory(transportName: arguments[1], serverURL: url, meetingID: arguments[3])
case "soak" where arguments.count >= 4:
    guard let calls = Int(arguments[2]), let lanes = Int(arguments[3]) else { Probe.fail("soak TRANSPORT CALLS LANES [SEED]") }
    let seed = arguments.count > 4 ? UInt64(arguments[4]) ?? 12 : 12
    try await Probe.soak(transportName: arguments[1], calls: calls, lanes: lanes, seed: seed)
default:
    Probe.fail("usage: transport-probe serve | memory TRANSPORT URL MEETING | soak TRANSPORT CALLS LANES [SEED]")
}

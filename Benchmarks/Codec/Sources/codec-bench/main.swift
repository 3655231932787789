import Foundation

// codec-bench [--batches N] [--only NAME --iterations N]
//
// Prints the median time per page of every case as JSON. With --only, runs that one case
// --iterations times untimed and prints nothing, for profilers:
//
//     valgrind --tool=callgrind codec-bench --only ours.decode --iterations 100
//
// The profiling path of the decode and encode cases never starts the concurrency runtime,
// whose threads valgrind cannot run.

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
}
func fail(_ message: String, status: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data("codec-bench: \(message)\n".utf8))
    exit(status)
}

let cases: [BenchmarkCase]
do {
    cases = try BenchmarkCase.all()
} catch {
    fail("\(error)")
}

if let only = option("--only") {
    guard let chosen = cases.first(where: { $0.name == only }) else {
        fail("unknown case \(only); cases: \(cases.map(\.name).joined(separator: ", "))", status: 64)
    }
    let iterations = option("--iterations").flatMap(Int.init) ?? 1000
    if let run = chosen.runSynchronously {
        do {
            for _ in 0..<iterations { try run() }
        } catch {
            fail("\(error)")
        }
        exit(0)
    }
    Task {
        do {
            for _ in 0..<iterations { try await chosen.run() }
        } catch {
            fail("\(error)")
        }
        exit(0)
    }
} else {
    let batches = option("--batches").flatMap(Int.init) ?? 101
    Task {
        do {
            var results: [String: Timing] = [:]
            for benchmarkCase in cases {
                let timing = try await Timing.measure(batches: batches, benchmarkCase.run)
                results[benchmarkCase.name] = timing
                FileHandle.standardError.write(Data("\(benchmarkCase.name): \(Int(timing.medianNanoseconds / 1000)) µs\n".utf8))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            let output = Output(meetings: Page.meetingCount, pageBytes: Page.json.count, cases: results)
            FileHandle.standardOutput.write(try encoder.encode(output))
            FileHandle.standardOutput.write(Data("\n".utf8))
        } catch {
            fail("\(error)")
        }
        exit(0)
    }
}
dispatchMain()

struct Output: Encodable {
    var meetings: Int
    var pageBytes: Int
    var cases: [String: Timing]
}

import Foundation
import OpenAPIClientSupport
import Testing
import TestSupport

/// Damaged and intact JSON through both decoders: whatever Foundation's `JSONDecoder` reads,
/// the runtime's decoder must read the same, and what one rejects the other must reject.
@Suite("JSON decoding against JSONDecoder")
struct JSONDecodingDifferentialTests {
    private static let seedDocument = #"""
        {"results":[{"meetingId":"9cf691bf","roomName":"/room-prefix","roomUrl":"https://x.whereby.com/r",
        "startDate":"2025-05-12T16:42:49.123Z","endDate":"2025-05-12T17:42:49Z","count":-12,"size":1.5e3,
        "flags":[true,false,null],"nested":{"a":[[],{}],"b":"caf\u00e9 \"q\" \\ \/","c":0.25}}],"cursor":null}
        """#

    /// A small deterministic generator, so a failure names a seed that reproduces it.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private static let splices: [[UInt8]] = ["{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "-", "0", "1e", ".", "null", "true", " ", "\n", "\u{00}", "é", "\\ud83d"].map { Array($0.utf8) }

    private static func mutate(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let position = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: bytes[position] = UInt8.random(in: 0x20...0x7E, using: &random)
            case 1: bytes.remove(at: position)
            case 2: bytes.insert(contentsOf: splices.randomElement(using: &random)!, at: position)
            default:
                let end = min(bytes.count, position + Int.random(in: 1...12, using: &random))
                bytes.removeSubrange(position..<end)
            }
            if bytes.isEmpty { bytes = [UInt8(ascii: "0")] }
        }
        return bytes
    }

    /// `JSON_FUZZ_ITERATIONS=100000 JSON_FUZZ_SEED=7 swift test --filter JSONDecodingDifferentialTests`
    /// runs a longer campaign.
    @Test func agreesWithJSONDecoderOnDamagedDocuments() async throws {
        try await onOwnThread { Self.compareDecoders() }
    }

    private static func compareDecoders() {
        let environment = ProcessInfo.processInfo.environment
        let iterations = environment["JSON_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 3000
        var random = SplitMix64(state: environment["JSON_FUZZ_SEED"].flatMap(UInt64.init) ?? 5)
        let seed = Array(Self.seedDocument.utf8)
        var accepted = 0
        for iteration in 0..<iterations {
            let bytes = iteration == 0 ? seed : Self.mutate(seed, using: &random)
            let data = Data(bytes)
            let ours = Result { try JSONCoding.default.decode(JSONValue.self, from: data) }
            let theirs = Result { try JSONCoding.default.makeDecoder().decode(JSONValue.self, from: data) }
            switch (ours, theirs) {
            case (.success(let a), .success(let b)):
                accepted += 1
                #expect(a == b, "iteration \(iteration): \(String(decoding: bytes, as: UTF8.self))")
            case (.failure, .failure):
                break
            default:
                Issue.record("iteration \(iteration): ours \(ours), JSONDecoder \(theirs) for \(String(decoding: bytes, as: UTF8.self))")
            }
        }
        #expect(accepted > 100)
    }
}

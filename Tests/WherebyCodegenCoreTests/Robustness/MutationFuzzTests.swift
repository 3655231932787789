import Foundation
import Testing
import TestSupport
@testable import WherebyCodegenCore

/// A seeded mutation loop over reading and resolution: thousands of damaged versions of real
/// documents go through the pipeline; each must generate or fail with located errors. A crash
/// or a hang kills the test run, so a pass means none happened. Deterministic: same seed, same inputs.
@Suite struct MutationFuzzTests {
    /// SplitMix64: small, fast, and the same on every platform.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Tokens that tend to reach deep into a parser when spliced into a document.
    static let tokens: [[UInt8]] = ["{", "}", "[", "]", ",", ":", "\"", "\\u", "$ref", "#/", "&a", "*a", "- ", "\n  ", "\t", "null", "-1e999", "'", "!!", "type", "allOf", "oneOf", "{}", "[]", "~1"].map { Array($0.utf8) }

    static func mutate(_ input: [UInt8], _ random: inout Generator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
            let position = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0: bytes[position] = UInt8.random(in: 0...255, using: &random)
            case 1: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...64, using: &random)))
            case 2:
                let end = min(bytes.count, position + Int.random(in: 1...256, using: &random))
                bytes.insert(contentsOf: bytes[position..<end], at: Int.random(in: 0...bytes.count, using: &random))
            case 3: bytes.insert(contentsOf: tokens.randomElement(using: &random) ?? [], at: position)
            default: bytes.removeSubrange(position...)
            }
        }
        return bytes
    }

    /// Runs `iterations` mutations of each seed document; returns how many generated and how many failed.
    static func run(iterations: Int, seed: UInt64) throws -> (generated: Int, failed: Int) {
        let seeds = [
            ("whereby.json", try Array(Data(contentsOf: URL(fileURLWithPath: repositoryPath("spec/whereby.json"))))),
            ("whereby.yaml", try Array(Data(contentsOf: URL(fileURLWithPath: repositoryPath("Tests/WherebyCodegenCoreTests/Fixtures/whereby.yaml"))))),
            ("composition.yaml", try Array(Data(contentsOf: URL(fileURLWithPath: repositoryPath("Tests/Corpus/documents/composition.yaml"))))),
        ]
        var random = Generator(state: seed)
        var generated = 0
        var failed = 0
        for iteration in 0..<iterations {
            let (name, original) = seeds[iteration % seeds.count]
            let bytes = mutate(original, &random)
            let file = SourceFile(path: name, bytes: bytes)
            // Every position a diagnostic names is inside the damaged document.
            let lines = bytes.count { $0 == UInt8(ascii: "\n") } + 1
            func isInside(_ diagnostic: Diagnostic) -> Bool {
                guard let location = diagnostic.location, location.file == name else { return false }
                guard let position = location.position else { return true }
                return (1...lines).contains(position.line) && position.column >= 1
            }
            do {
                let output = try GeneratorPipeline().run(file)
                generated += 1
                #expect(output.diagnostics.allSatisfy(isInside), "a warning outside \(name): \(output.diagnostics.filter { !isInside($0) })")
            } catch {
                failed += 1
                #expect(error.diagnostics.contains { $0.severity == .error }, "failed without an error: \(error)")
                #expect(error.diagnostics.allSatisfy(isInside), "an error outside \(name) (\(lines) lines): \(error.diagnostics.filter { !isInside($0) }.map { "\($0.location?.file ?? "-") \($0.location?.position.map { "\($0.line):\($0.column)" } ?? "-")" })")
            }
        }
        return (generated, failed)
    }

    /// `FUZZ_ITERATIONS=100000 FUZZ_SEED=7 swift test --filter MutationFuzzTests` runs a longer campaign.
    static let iterations = ProcessInfo.processInfo.environment["FUZZ_ITERATIONS"].flatMap(Int.init) ?? 600
    static let seed = ProcessInfo.processInfo.environment["FUZZ_SEED"].flatMap(UInt64.init) ?? 0x5EED

    @Test func damagedDocumentsNeverCrash() async throws {
        let result = try await onOwnThread { try Self.run(iterations: Self.iterations, seed: Self.seed) }
        print("mutation fuzz: \(Self.iterations) inputs from seed \(Self.seed): \(result.generated) generated, \(result.failed) failed with located errors")
        #expect(result.failed > 0, "the mutations should break some documents")
        #expect(result.generated > 0, "some mutations should leave a usable document")
    }
}

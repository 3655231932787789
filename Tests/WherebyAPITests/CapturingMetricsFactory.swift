import CoreMetrics
import Foundation

/// A swift-metrics factory that records every value every metric it made received, with the
/// metric's kind, label and dimensions.
final class CapturingMetricsFactory: MetricsFactory, @unchecked Sendable {
    enum Kind: String, Sendable {
        case counter, recorder, gauge, timer
    }

    struct Sample: Sendable, CustomStringConvertible {
        var kind: Kind
        var label: String
        var dimensions: [String: String]
        /// The increment, the recorded value, or nanoseconds for a timer.
        var value: Double

        var description: String {
            let dimensions = dimensions.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            return "\(kind.rawValue) \(label){\(dimensions)} \(value)"
        }
    }

    private let lock = NSLock()
    private var _samples: [Sample] = []
    private var _made = 0

    var samples: [Sample] {
        lock.lock()
        defer { lock.unlock() }
        return _samples
    }

    /// How many metric handlers were made.
    var made: Int {
        lock.lock()
        defer { lock.unlock() }
        return _made
    }

    /// The samples of metrics with `label`, in order.
    func samples(_ label: String) -> [Sample] {
        samples.filter { $0.label == label }
    }

    fileprivate func record(_ sample: Sample) {
        lock.lock()
        _samples.append(sample)
        lock.unlock()
    }

    private func handler(_ kind: Kind, _ label: String, _ dimensions: [(String, String)]) -> Handler {
        lock.lock()
        _made += 1
        lock.unlock()
        return Handler(factory: self, kind: kind, label: label, dimensions: Dictionary(dimensions, uniquingKeysWith: { _, last in last }))
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        handler(.counter, label, dimensions)
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        handler(aggregate ? .recorder : .gauge, label, dimensions)
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        handler(.timer, label, dimensions)
    }

    func destroyCounter(_ handler: any CounterHandler) {}
    func destroyRecorder(_ handler: any RecorderHandler) {}
    func destroyTimer(_ handler: any TimerHandler) {}

    final class Handler: CounterHandler, RecorderHandler, TimerHandler, @unchecked Sendable {
        let factory: CapturingMetricsFactory
        let kind: Kind
        let label: String
        let dimensions: [String: String]

        init(factory: CapturingMetricsFactory, kind: Kind, label: String, dimensions: [String: String]) {
            self.factory = factory
            self.kind = kind
            self.label = label
            self.dimensions = dimensions
        }

        func increment(by amount: Int64) { record(Double(amount)) }
        func reset() {}
        func record(_ value: Int64) { record(Double(value)) }
        func record(_ value: Double) { factory.record(Sample(kind: kind, label: label, dimensions: dimensions, value: value)) }
        func recordNanoseconds(_ duration: Int64) { record(Double(duration)) }
    }
}

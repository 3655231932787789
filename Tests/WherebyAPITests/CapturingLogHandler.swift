import Foundation
import Logging

/// Every log event a ``CapturingLogHandler`` received, in order; its logger logs everything,
/// `trace` and up.
final class LogCapture: @unchecked Sendable {
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata

        /// The value of one metadata key, as text.
        subscript(key: String) -> String? {
            metadata[key].map { "\($0)" }
        }

        /// The event as a log line would show it: level, message and every metadata pair.
        var rendered: String {
            let pairs = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return ([level.rawValue, message] + pairs).joined(separator: " ")
        }
    }

    private let lock = NSLock()
    private var _entries: [Entry] = []

    var entries: [Entry] {
        lock.lock()
        defer { lock.unlock() }
        return _entries
    }

    func append(_ entry: Entry) {
        lock.lock()
        _entries.append(entry)
        lock.unlock()
    }

    /// A logger whose events land here; its own metadata is passed on with each event.
    func logger(label: String = "whereby-test", metadata: Logger.Metadata = [:]) -> Logger {
        var logger = Logger(label: label) { _ in CapturingLogHandler(capture: self) }
        logger.logLevel = .trace
        for (key, value) in metadata { logger[metadataKey: key] = value }
        return logger
    }
}

/// A swift-log handler that records every event into a ``LogCapture``.
struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        capture.append(LogCapture.Entry(level: event.level, message: "\(event.message)", metadata: merged))
    }
}

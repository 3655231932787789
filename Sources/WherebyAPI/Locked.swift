import Foundation

/// State shared between concurrent calls, guarded by a lock.
///
/// `Synchronization.Mutex` would do, but needs macOS 15 / iOS 18 and the package supports
/// macOS 14 / iOS 17. Critical sections here are short and never suspend.
final class Locked<State: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var state: State

    init(_ state: State) {
        self.state = state
    }

    func withLock<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}

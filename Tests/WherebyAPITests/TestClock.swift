import Foundation
import Testing
import WherebyAPI

/// A simulated clock for the retry and rate-limit middlewares: no test sleeps for real.
///
/// In `.automatic` mode a sleep advances the clock and returns at once, which is exact for a
/// single task. In `.manual` mode sleepers wait until the test advances the clock past their
/// deadline (``advanceToNextDeadline()``), so many concurrent tasks see one consistent time.
///
/// Timers (the client's timeouts) never advance the clock themselves, in either mode: they
/// fire when a sleep or the test moves the time past their end.
final class TestClock: @unchecked Sendable {
    enum Mode { case automatic, manual }

    private struct Sleeper {
        var id: Int
        var deadline: Duration
        var isTimer: Bool
        var continuation: CheckedContinuation<Void, any Error>
    }

    private let lock = NSLock()
    private let mode: Mode
    private let origin = ContinuousClock.now
    /// The simulated date at elapsed zero: 2025-05-12T16:00:00Z, a whole second.
    static let originDate = Date(timeIntervalSince1970: 1_747_065_600)
    private var _elapsed = Duration.zero
    private var _sleeps: [Duration] = []
    private var sleepers: [Sleeper] = []
    private var cancelledIDs: Set<Int> = []
    private var nextID = 0

    init(_ mode: Mode = .automatic) {
        self.mode = mode
    }

    private func locked<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Simulated time since the clock was made.
    var elapsed: Duration { locked { _elapsed } }
    /// Every duration a middleware asked to sleep for, in order.
    var sleeps: [Duration] { locked { _sleeps } }
    /// How many tasks are waiting for the clock to advance in a sleep (not a timer).
    var sleeperCount: Int { locked { sleepers.count(where: { !$0.isTimer }) } }
    /// How many timeouts are running.
    var timerCount: Int { locked { sleepers.count(where: { $0.isTimer }) } }
    /// Every timer duration started, in order.
    var timers: [Duration] { locked { _timers } }
    private var _timers: [Duration] = []
    /// The simulated date.
    var date: Date { Self.originDate.addingTimeInterval(Self.seconds(elapsed)) }

    /// The clock to inject into a configuration.
    var clock: ClientClock {
        ClientClock(
            now: { self.origin + self.elapsed },
            date: { self.date },
            sleep: { try await self.sleep(for: $0) },
            timer: { try await self.timer(for: $0) }
        )
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        let id: Int = locked {
            _sleeps.append(duration)
            nextID += 1
            return nextID
        }
        guard duration > .zero else { return }
        if mode == .automatic {
            let due: [Sleeper] = locked {
                _elapsed += duration
                return takeDue()
            }
            for sleeper in due { sleeper.continuation.resume() }
            return
        }
        try await wait(id: id, for: duration, isTimer: false)
    }

    /// A timeout: waits until the time passes its end, whoever moves it.
    func timer(for duration: Duration) async throws {
        try Task.checkCancellation()
        let id: Int = locked {
            _timers.append(duration)
            nextID += 1
            return nextID
        }
        try await wait(id: id, for: duration, isTimer: true)
    }

    private func wait(id: Int, for duration: Duration, isTimer: Bool) async throws {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let cancelled: Bool = locked {
                    if cancelledIDs.contains(id) { return true }
                    sleepers.append(Sleeper(id: id, deadline: _elapsed + duration, isTimer: isTimer, continuation: continuation))
                    return false
                }
                if cancelled { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            let sleeper: Sleeper? = locked {
                cancelledIDs.insert(id)
                guard let index = sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Removes and returns the sleepers due by now; call with the lock held.
    private func takeDue() -> [Sleeper] {
        let due = sleepers.filter { $0.deadline <= _elapsed }
        sleepers.removeAll { $0.deadline <= _elapsed }
        return due
    }

    /// Moves the clock to the earliest deadline and wakes every sleeper due by then.
    func advanceToNextDeadline() {
        let due: [Sleeper] = locked {
            guard let next = sleepers.map(\.deadline).min() else { return [] }
            _elapsed = max(_elapsed, next)
            return takeDue()
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Runs `count` concurrent calls to completion on the manual clock: whenever every call
    /// is either finished or asleep, time jumps to the next deadline.
    func drive(_ count: Int, finished: Counter) async {
        var spins = 0
        while finished.value < count {
            if sleeperCount + finished.value == count {
                advanceToNextDeadline()
            } else {
                spins += 1
                if spins > 5_000_000 {
                    Issue.record("\(count - finished.value) calls neither finished nor slept")
                    return
                }
                await Task.yield()
            }
        }
    }
}

/// A thread-safe count.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }
}

import Foundation

/// The pacing schedule behind ``RateLimitMiddleware``: which points were (or will be) spent
/// when, and what the server last said about the organization's count.
///
/// Each call reserves a moment to send at, in the order calls arrive, so waiting calls keep
/// their turn and a cheap read cannot starve a write. The moment is the earliest at which
/// - the points spent in the window before it, plus the call's, fit the budget (a sliding
///   window: no span of `window` ever holds more than the budget, whatever way the server
///   counts), and
/// - before the server's reported reset, the points spent since its last report fit what it
///   said remains.
///
/// Calls that were in flight when the server wrote its report are not in it yet; a 429 that
/// this causes is retried by ``RetryMiddleware``, and the schedule learns from it.
final class RateLimiter: Sendable {
    typealias Instant = ContinuousClock.Instant

    /// Points spent (or to be spent) at a moment.
    struct Spend: Sendable {
        var id: UInt64
        var time: Instant
        var cost: Int
    }

    /// What the server last said: `remaining` points until `resetsAt`, not counting the spends
    /// reserved after it said so (those numbered `firstUncounted` and up).
    struct ServerCount: Sendable {
        var remaining: Int
        var firstUncounted: UInt64
        var resetsAt: Instant
    }

    struct State: Sendable {
        var spends: [Spend] = []
        var server: ServerCount?
        var nextID: UInt64 = 0
        var latest: RateLimitStatus?
    }

    let policy: RateLimitPolicy
    let clock: ClientClock
    /// The schedule: this limiter's own, or one shared by every client of the same
    /// organization (see ``RateLimitRegistry``).
    private let state: Locked<State>

    init(policy: RateLimitPolicy, clock: ClientClock, schedule: Locked<State>? = nil) {
        self.policy = policy
        self.clock = clock
        self.state = schedule ?? Locked(State())
    }

    /// The status of the latest response observed.
    var latestStatus: RateLimitStatus? {
        state.withLock { $0.latest }
    }

    /// Waits until `cost` points may be spent, and spends them.
    /// - Parameters:
    ///   - maxWait: The longest wait accepted; a call that would wait longer (or as long, with
    ///     `inclusive` false) is not queued at all.
    ///   - willWait: Told the wait just before a wait that is accepted.
    /// - Returns: How long it waited.
    /// - Throws: ``QueueWaitTooLong`` at once when the wait would pass `maxWait`, and
    ///   `CancellationError` when the task is cancelled while waiting; either way the points
    ///   are given back, so the calls behind keep their turn.
    @discardableResult
    func acquire(
        cost: Int,
        maxWait: Duration? = nil,
        inclusive: Bool = true,
        willWait: ((Duration) -> Void)? = nil
    ) async throws -> Duration {
        guard policy.paces else { return .zero }
        let now = clock.now()
        let (id, wait) = state.withLock { state in
            reserve(cost: cost, now: now, in: &state)
        }
        guard wait > .zero else { return .zero }
        if let maxWait, inclusive ? wait > maxWait : wait >= maxWait {
            state.withLock { $0.spends.removeAll { $0.id == id } }
            throw QueueWaitTooLong(wait: wait)
        }
        willWait?(wait)
        do {
            try await clock.sleep(wait)
        } catch {
            state.withLock { $0.spends.removeAll { $0.id == id } }
            throw error
        }
        return wait
    }

    /// Waiting for points would take longer than a call may wait.
    struct QueueWaitTooLong: Error {
        var wait: Duration
    }

    /// Records what a response said: its headers, and for a 429 the delay it asked for.
    ///
    /// A reset further away than one window is taken to be one window away: the count cannot
    /// outlast its window, and calls held back longer would wait without bound, silently. A call
    /// sent early meets a 429, which ``RetryMiddleware`` bounds and reports.
    func observe(_ status: RateLimitStatus?, retryAfter: Duration?) {
        let now = clock.now()
        let date = clock.date()
        state.withLock { state in
            if let status { state.latest = status }
            guard policy.followsServerHeaders else { return }
            if let retryAfter {
                let resetsAt = now + min(retryAfter, policy.window)
                state.server = ServerCount(remaining: 0, firstUncounted: state.nextID, resetsAt: resetsAt)
            } else if let status, let remaining = status.remaining {
                let delay = status.resetDate.map { RateLimitHeaders.delay(until: $0, from: date) } ?? policy.window
                let resetsAt = now + min(delay, policy.window)
                state.server = ServerCount(remaining: remaining, firstUncounted: state.nextID, resetsAt: resetsAt)
            }
        }
    }

    /// Finds the earliest moment at or after `now` (and after every earlier reservation) at
    /// which `cost` points may be spent, and records the spend there.
    func reserve(cost requested: Int, now: Instant, in state: inout State) -> (id: UInt64, wait: Duration) {
        prune(&state, now: now)
        // A request that costs more than the whole budget goes alone in its window.
        let cost = min(max(0, requested), policy.budget ?? requested)
        var time = max(now, state.spends.last?.time ?? now)
        var moved = true
        while moved {
            moved = false
            if let budget = policy.budget {
                let inWindow = state.spends.drop(while: { $0.time <= time - policy.window })
                var used = inWindow.reduce(0) { $0 + $1.cost }
                if used + cost > budget {
                    for spend in inWindow {
                        used -= spend.cost
                        if used + cost <= budget {
                            time = spend.time + policy.window
                            moved = true
                            break
                        }
                    }
                }
            }
            if let server = state.server, policy.followsServerHeaders, time < server.resetsAt {
                let spentSince = state.spends.reduce(0) { $0 + ($1.id >= server.firstUncounted ? $1.cost : 0) }
                if spentSince + cost > server.remaining {
                    time = server.resetsAt
                    moved = true
                }
            }
        }
        let id = state.nextID
        state.nextID += 1
        state.spends.append(Spend(id: id, time: time, cost: cost))
        return (id, time - now)
    }

    /// Forgets spends no rule can need any more, and a server count whose reset has passed.
    private func prune(_ state: inout State, now: Instant) {
        if let server = state.server, server.resetsAt <= now { state.server = nil }
        let horizon = now - policy.window
        let firstUncounted = state.server?.firstUncounted
        let keepFrom = state.spends.firstIndex { spend in
            spend.time > horizon || firstUncounted.map { spend.id >= $0 } == true
        }
        state.spends.removeFirst(keepFrom ?? state.spends.count)
    }
}

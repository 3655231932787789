public import Foundation

/// The time source of ``RetryMiddleware`` and ``RateLimitMiddleware`` and of every timeout: a
/// monotonic clock to measure and wait with, and the wall clock to read the server's
/// `X-RateLimit-Reset` dates against.
///
/// ``system`` is the real thing. Tests pass a clock whose `sleep` advances its own time and
/// returns at once, so a minute of pacing or a `Retry-After: 30` takes no real time:
///
/// ```swift
/// let clock = ClientClock(now: { fake.now }, date: { fake.date }, sleep: { fake.advance(by: $0) })
/// ```
///
/// Timeouts (``Timeouts``) are timers raced against the work they bound; they wait with
/// ``timer``, which is ``sleep`` unless given. A simulated clock whose `sleep` returns at once
/// passes a `timer` that waits until the test moves its time past the timer's end, so a timeout
/// fires only when the simulated time says so.
public struct ClientClock: Sendable {
    /// The current instant on a monotonic scale; only differences between instants matter.
    public var now: @Sendable () -> ContinuousClock.Instant
    /// The current date, to turn the dates in response headers into delays.
    public var date: @Sendable () -> Date
    /// Waits for a duration; throws `CancellationError` when the calling task is cancelled
    /// meanwhile, as `Task.sleep(for:)` does.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// Waits for a timeout to fire: returns after the duration, or throws `CancellationError`
    /// when the work it bounds finished first and cancelled it.
    public var timer: @Sendable (Duration) async throws -> Void
    /// Tells clocks apart, so that clients share a rate-limit schedule only when they measure
    /// time with the same clock (the schedule holds instants of it).
    let identity = ClockIdentity()

    /// Creates a clock from its readings.
    /// - Parameters:
    ///   - now: The current instant on a monotonic scale.
    ///   - date: The current date.
    ///   - sleep: Waits for a duration (retry and rate-limit waits).
    ///   - timer: Waits for a timeout to fire; `nil` uses `sleep`.
    public init(
        now: @escaping @Sendable () -> ContinuousClock.Instant,
        date: @escaping @Sendable () -> Date,
        sleep: @escaping @Sendable (Duration) async throws -> Void,
        timer: (@Sendable (Duration) async throws -> Void)? = nil
    ) {
        self.now = now
        self.date = date
        self.sleep = sleep
        self.timer = timer ?? sleep
    }

    /// `ContinuousClock`, `Date()` and `Task.sleep(for:)`.
    public static let system = ClientClock(
        now: { ContinuousClock.now },
        date: { Date() },
        sleep: { duration in try await Task.sleep(for: duration) }
    )
}

/// The identity of a ``ClientClock``: copies of a clock share it, separately made clocks do not.
final class ClockIdentity: Sendable {}

extension ClientClock: CustomStringConvertible {
    public var description: String { "ClientClock" }
}

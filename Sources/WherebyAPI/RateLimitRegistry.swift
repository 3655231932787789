import Foundation

/// The rate-limit schedules of the clients alive in this process, one per organization, so a
/// second client for the same API key does not split the organization's points in two.
///
/// Clients made by ``WherebyClient/init(apiKey:configuration:)`` with the same server URL, the
/// same API key and the same clock (``ClientClock/system`` by default) share one schedule:
/// their calls wait their turn in one queue and see the same server reports, each paced by its
/// own ``RateLimitPolicy`` (give them the same one). A schedule lives as long as a client
/// that uses it. ``WherebyClient/Configuration/sharesRateLimitBudget`` set to `false` gives a
/// client a schedule of its own.
enum RateLimitRegistry {
    /// What identifies an organization's schedule. The key is held only here, as it already is
    /// in the clients' credentials, and never described.
    private struct Key: Hashable {
        var serverURL: String
        var apiKey: String
        var clock: ObjectIdentifier
    }

    private final class WeakSchedule: @unchecked Sendable {
        weak var schedule: Locked<RateLimiter.State>?
        init(_ schedule: Locked<RateLimiter.State>) { self.schedule = schedule }
    }

    private static let schedules = Locked<[Key: WeakSchedule]>([:])

    /// The schedule the clients of `apiKey` on `serverURL` with `clock` share, made if none is alive.
    static func schedule(serverURL: URL, apiKey: String, clock: ClientClock) -> Locked<RateLimiter.State> {
        let key = Key(serverURL: serverURL.absoluteString, apiKey: apiKey, clock: ObjectIdentifier(clock.identity))
        return schedules.withLock { schedules in
            if let schedule = schedules[key]?.schedule { return schedule }
            // Forget the organizations whose clients are all gone.
            schedules = schedules.filter { $0.value.schedule != nil }
            let schedule = Locked(RateLimiter.State())
            schedules[key] = WeakSchedule(schedule)
            return schedule
        }
    }
}

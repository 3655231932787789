/// Runs work against a timer and returns as soon as either ends, even when the work ignores
/// its cancellation (a transport stuck in a system call): the work runs in a task of its own,
/// which is cancelled and left behind when the timer fires first.
enum ClockRace {
    /// The result of `work`, or `timeout()` thrown when `limit` passes first on `clock`'s
    /// timer; `CancellationError` at once when the calling task is cancelled.
    static func run<Value: Sendable>(
        limit: Duration,
        clock: ClientClock,
        timeout: @escaping @Sendable () -> any Error,
        _ work: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        let race = Race<Value>()
        // The timer ends at an instant, so a timer task that starts late still fires on time.
        let end = clock.now() + limit
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
                // Cancelled before it started: nothing is sent.
                guard race.start(continuation) else { return }
                let worker = Task {
                    do {
                        let value = try await work()
                        race.finish(.success(value))
                    } catch {
                        race.finish(.failure(error))
                    }
                }
                let timer = Task {
                    do {
                        try await clock.timer(max(.zero, clock.now().duration(to: end)))
                    } catch {
                        return  // the work finished first and cancelled the timer
                    }
                    race.finish(.failure(timeout()))
                }
                race.track(worker: worker, timer: timer)
            }
        } onCancel: {
            race.finish(.failure(CancellationError()))
        }
    }

    /// The state of one race: who finished first, and the tasks to cancel when it is over.
    private final class Race<Value: Sendable>: Sendable {
        struct State: Sendable {
            var continuation: CheckedContinuation<Value, any Error>?
            var outcome: Result<Value, any Error>?
            var tasks: [Task<Void, Never>] = []
        }

        private let state = Locked(State())

        /// Hands the race its caller; `false` (after resuming it) when the race is already over.
        func start(_ continuation: CheckedContinuation<Value, any Error>) -> Bool {
            let outcome: Result<Value, any Error>? = state.withLock { state in
                if state.outcome == nil { state.continuation = continuation }
                return state.outcome
            }
            guard let outcome else { return true }
            continuation.resume(with: outcome)
            return false
        }

        func track(worker: Task<Void, Never>, timer: Task<Void, Never>) {
            let over = state.withLock { state in
                state.tasks = [worker, timer]
                return state.outcome != nil
            }
            if over {
                worker.cancel()
                timer.cancel()
            }
        }

        /// Records the first outcome and resumes the caller with it; later ones are dropped.
        func finish(_ outcome: Result<Value, any Error>) {
            let (continuation, tasks): (CheckedContinuation<Value, any Error>?, [Task<Void, Never>]) = state.withLock { state in
                guard state.outcome == nil else { return (nil, []) }
                state.outcome = outcome
                defer { state.continuation = nil }
                return (state.continuation, state.tasks)
            }
            for task in tasks { task.cancel() }
            continuation?.resume(with: outcome)
        }
    }
}

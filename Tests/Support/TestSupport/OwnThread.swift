import Foundation

/// Runs CPU-bound test work on a thread of its own instead of a Swift concurrency thread.
///
/// Swift Testing runs every test of the process on the cooperative pool, one thread per core. A
/// test that computes for seconds without suspending (a fuzz campaign, four centuries of dates)
/// holds one of those threads throughout, and two of them on a 2-core machine stop every other
/// test: the timers and loopback servers of the transport tests go unserved and their deadlines
/// pass for no fault of theirs. Here the work runs on a new thread, as a job of a task executor
/// made for it, so the pool stays free. The task inherits the test's task-local values, so
/// they travel with it and `#expect` and `Issue.record` inside `work` report to the test as usual.
public func onOwnThread<Value: Sendable>(
    _ work: @escaping @Sendable () throws -> Value
) async throws -> Value {
    // A child task would start where its parent runs; an unstructured task with an executor
    // preference starts on that executor, and `Task.init` copies the test's task-local values.
    try await Task(executorPreference: ThreadPerJobExecutor.shared) { try work() }.value
}

/// A task executor that runs each job it is given on a thread started for that job.
///
/// A test's work is one long job, so a thread per job costs one thread start per test.
private final class ThreadPerJobExecutor: TaskExecutor {
    static let shared = ThreadPerJobExecutor()

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        Thread { job.runSynchronously(on: executor) }.start()
    }
}

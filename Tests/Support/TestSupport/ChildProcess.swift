public import Foundation

/// Runs a program to completion from a test without holding a Swift concurrency thread.
///
/// Swift Testing runs tests on the cooperative pool, which has one thread per core. A test that
/// waits for a child process with `waitUntilExit()` or `readDataToEndOfFile()` holds one of
/// them for as long as the child runs (a `swiftc -typecheck` takes seconds, more on a loaded
/// machine), and two such tests on a 2-core machine stop every other test: timers do not fire
/// and loopback servers are not read, so tests with deadlines fail for no fault of theirs.
/// Here the pipes are drained on threads of their own and the exit is awaited, so the pool
/// stays free; both pipes are drained at once, so a child that fills one while the other is
/// read cannot deadlock; and a child that outlives `timeout` is terminated.
public enum ChildProcess {
    /// How a run ended and what it printed.
    public struct Result: Sendable {
        /// The exit status, or the signal number when the child was terminated by one.
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
        /// Whether the child was still running at the timeout and was terminated.
        public var timedOut: Bool
    }

    /// Runs `executable` with `arguments` in `directory` and returns once it has exited and both
    /// of its output pipes are closed.
    public static func run(
        _ executable: URL,
        _ arguments: [String],
        in directory: URL? = nil,
        timeout: Duration = .seconds(600)
    ) async throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        let error = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = error
        let (exits, exited) = AsyncStream.makeStream(of: Int32.self)
        process.terminationHandler = { process in
            exited.yield(process.terminationStatus)
            exited.finish()
        }
        try process.run()
        let child = Child(process)

        async let outputData = drain(output.fileHandleForReading)
        async let errorData = drain(error.fileHandleForReading)
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            child.terminate()
        }
        var status: Int32 = -1
        for await code in exits { status = code }
        watchdog.cancel()
        let timedOut = await watchdog.result.isSuccess
        return Result(
            status: status,
            standardOutput: String(decoding: await outputData, as: UTF8.self),
            standardError: String(decoding: await errorData, as: UTF8.self),
            timedOut: timedOut
        )
    }

    /// Everything `handle` delivers until its end, read on a thread of its own.
    public static func drain(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: handle.readDataToEndOfFile()) }.start()
        }
    }

    /// The text `handle` delivers up to and including its first newline (or its end), read on a
    /// thread of its own; the rest stays unread.
    public static func firstLine(of handle: FileHandle) async -> String {
        await withCheckedContinuation { continuation in
            Thread {
                var text = ""
                while !text.contains("\n") {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    text += String(decoding: chunk, as: UTF8.self)
                }
                continuation.resume(returning: text)
            }.start()
        }
    }

    /// A running process, which `Process` is not declared safe to share; it is only told to stop.
    private final class Child: @unchecked Sendable {
        private let process: Process
        init(_ process: Process) { self.process = process }
        func terminate() { if process.isRunning { process.terminate() } }
    }
}

extension Swift.Result {
    fileprivate var isSuccess: Bool {
        if case .success = self { true } else { false }
    }
}

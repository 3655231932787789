#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Android)
import Android
#endif

/// The bytes of one input document and the path diagnostics show for it.
///
/// Reading a file is the only I/O the reading stage does; everything after works on `bytes`,
/// so tests and tools can build a `SourceFile` from memory and get the same diagnostics.
public struct SourceFile: Sendable {
    /// The path as diagnostics print it (`spec/whereby.json`), usually as the user wrote it.
    public let path: String
    /// The raw contents, not yet validated as UTF-8.
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Reads the whole file at `path`.
    ///
    /// - Throws: `unreadable-file` located at the file (`path: error: cannot read file: no such file or directory`)
    ///   when the file is missing, a directory, or cannot be read.
    public static func load(path: String) throws(DiagnosticError) -> SourceFile {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw unreadable(path, errorNumber: errno) }
        defer { _ = close(descriptor) }

        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw unreadable(path, errorNumber: errno) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw unreadable(path, errorNumber: EISDIR) }

        // One spare byte so that a file that grew since `fstat` is noticed rather than cut short.
        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 1 << 16)))
            }
            let result = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return read(descriptor, base + count, buffer.count - count)
            }
            if result > 0 {
                count += result
            } else if result == 0 {
                break
            } else if errno != EINTR {
                throw unreadable(path, errorNumber: errno)
            }
        }
        bytes.removeSubrange(count...)
        return SourceFile(path: path, bytes: bytes)
    }

    private static func unreadable(_ path: String, errorNumber: Int32) -> DiagnosticError {
        DiagnosticError(.error(.unreadableFile, "cannot read file: \(reason(for: errorNumber))", at: .init(file: path)))
    }

    /// The system's description of `errno`, lower-cased to read as part of a diagnostic.
    private static func reason(for errorNumber: Int32) -> String {
        guard let text = strerror(errorNumber) else { return "error \(errorNumber)" }
        let reason = String(cString: text)
        guard let first = reason.first else { return "error \(errorNumber)" }
        return first.lowercased() + reason.dropFirst()
    }
}

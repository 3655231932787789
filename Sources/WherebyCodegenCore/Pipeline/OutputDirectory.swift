#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Musl)
import Musl
private let systemWrite = Musl.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes generated files into a folder: only those that changed, each through a temporary
/// file and an atomic rename, so a failed run never leaves a half-written file behind. Files an
/// earlier run generated that this one does not (from an older layout) are removed, so they are
/// not compiled beside their replacements.
public struct OutputDirectory: Sendable {
    public struct WriteSummary: Sendable, Equatable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
    }

    public var path: String

    public init(path: String) {
        self.path = path
    }

    /// The current contents of `name` in the folder, or nil when it does not exist.
    public func contents(of name: String) -> String? {
        guard let data = FileManager.default.contents(atPath: filePath(name)) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    public func write(_ files: [GeneratedFile]) throws(DiagnosticError) -> WriteSummary {
        var summary = WriteSummary()
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(.error("unwritable-output", "cannot create the output folder: \(Self.reason(error))", at: .init(file: path)))
        }
        for file in files {
            if contents(of: file.name) == file.contents {
                summary.unchanged.append(file.name)
                continue
            }
            let destination = filePath(file.name)
            let temporary = filePath(".\(file.name).\(ProcessInfo.processInfo.processIdentifier).tmp")
            do {
                try Self.createFile(atPath: temporary, contents: file.contents)
                if rename(temporary, destination) != 0 {
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
            } catch {
                try? FileManager.default.removeItem(atPath: temporary)
                throw DiagnosticError(.error("unwritable-output", "cannot write the file: \(Self.reason(error))", at: .init(file: destination)))
            }
            summary.written.append(file.name)
        }
        for name in obsoleteFiles(keeping: files) {
            do {
                try FileManager.default.removeItem(atPath: filePath(name))
            } catch {
                throw DiagnosticError(.error("unwritable-output", "cannot remove the file no longer generated: \(Self.reason(error))", at: .init(file: filePath(name))))
            }
            summary.removed.append(name)
        }
        return summary
    }

    /// The Swift files in the folder, by name, that the generator wrote (their header says so)
    /// and that are not among `files`; a folder that does not exist has none.
    public func obsoleteFiles(keeping files: [GeneratedFile]) -> [String] {
        let kept = Set(files.map(\.name))
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".swift") && !$0.hasPrefix(".") && !kept.contains($0) && isGenerated($0) }.sorted()
    }

    /// Whether the file's header carries the generator's marker.
    private func isGenerated(_ name: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: filePath(name)) else { return false }
        return String(decoding: data.prefix(512), as: UTF8.self).contains("// " + EmitterNames.generatedMarker)
    }

    /// Writes `contents` to a new file at `path`. Not synced to disk (`Data.write` syncs each
    /// file, a third of the writing): the rename that follows makes the replacement atomic, and
    /// generated files can always be made again.
    private static func createFile(atPath path: String, contents: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var contents = contents
        let failure: Int32? = contents.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        let closed = close(descriptor)
        if let failure { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
        if closed != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// Why a file operation failed, in the system's words: `permission denied`.
    private static func reason(_ error: any Error) -> String {
        guard let posix = (error as? POSIXError) ?? ((error as? CocoaError)?.underlying as? POSIXError) else {
            return "\(error)"
        }
        return String(cString: strerror(posix.code.rawValue)).lowercased()
    }

    /// The files whose contents in the folder differ from `files`, each with a unified diff; a
    /// file no longer generated differs by all of its lines.
    public func differences(from files: [GeneratedFile]) -> [FileDifference] {
        let obsolete = obsoleteFiles(keeping: files).map { name in
            let diff = UnifiedDiff.make(old: contents(of: name) ?? "", new: "", oldName: filePath(name), newName: "/dev/null")
            return FileDifference(name: name, isMissing: false, diff: diff)
        }
        return files.compactMap { file in
            let current = contents(of: file.name)
            guard current != file.contents else { return nil }
            let diff = UnifiedDiff.make(
                old: current ?? "",
                new: file.contents,
                oldName: current == nil ? "/dev/null" : filePath(file.name),
                newName: filePath(file.name) + " (generated)"
            )
            return FileDifference(name: file.name, isMissing: current == nil, diff: diff)
        } + obsolete
    }

    private func filePath(_ name: String) -> String {
        path.hasSuffix("/") ? path + name : path + "/" + name
    }
}

/// A generated file that differs from what is on disk.
public struct FileDifference: Sendable, Equatable {
    public var name: String
    public var isMissing: Bool
    public var diff: String
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Writes generated files into a folder: only those that changed, each through a temporary
/// file and an atomic rename, so a failed run never leaves a half-written file behind.
public struct OutputDirectory: Sendable {
    public struct WriteSummary: Sendable, Equatable {
        public var written: [String] = []
        public var unchanged: [String] = []
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
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: temporary))
                if rename(temporary, destination) != 0 {
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
            } catch {
                try? FileManager.default.removeItem(atPath: temporary)
                throw DiagnosticError(.error("unwritable-output", "cannot write the file: \(Self.reason(error))", at: .init(file: destination)))
            }
            summary.written.append(file.name)
        }
        return summary
    }

    /// Why a file operation failed, in the system's words: `permission denied`.
    private static func reason(_ error: any Error) -> String {
        guard let posix = (error as? POSIXError) ?? ((error as? CocoaError)?.underlying as? POSIXError) else {
            return "\(error)"
        }
        return String(cString: strerror(posix.code.rawValue)).lowercased()
    }

    /// The files whose contents in the folder differ from `files`, each with a unified diff.
    public func differences(from files: [GeneratedFile]) -> [FileDifference] {
        files.compactMap { file in
            let current = contents(of: file.name)
            guard current != file.contents else { return nil }
            let diff = UnifiedDiff.make(
                old: current ?? "",
                new: file.contents,
                oldName: current == nil ? "/dev/null" : filePath(file.name),
                newName: filePath(file.name) + " (generated)"
            )
            return FileDifference(name: file.name, isMissing: current == nil, diff: diff)
        }
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

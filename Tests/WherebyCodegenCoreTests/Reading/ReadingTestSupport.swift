import Testing
@testable import WherebyCodegenCore

/// Reads JSON text as a file named `test.json`.
func readJSON(_ text: String, limits: ReaderLimits = .default) throws(DiagnosticError) -> Node {
    try DocumentReader.read(SourceFile(path: "test.json", bytes: Array(text.utf8)), format: .json, limits: limits)
}

/// Reads YAML text as a file named `test.yaml`.
func readYAML(_ text: String, limits: ReaderLimits = .default) throws(DiagnosticError) -> Node {
    try DocumentReader.read(SourceFile(path: "test.yaml", bytes: Array(text.utf8)), format: .yaml, limits: limits)
}

/// The one diagnostic reading `bytes` fails with, or `nil` when it reads.
func readingDiagnostic(_ bytes: [UInt8], as format: DocumentFormat, limits: ReaderLimits = .default) -> Diagnostic? {
    let path = format == .json ? "test.json" : "test.yaml"
    do {
        _ = try DocumentReader.read(SourceFile(path: path, bytes: bytes), format: format, limits: limits)
        return nil
    } catch {
        return error.diagnostics.count == 1 ? error.diagnostics[0] : nil
    }
}

func readingDiagnostic(_ text: String, as format: DocumentFormat, limits: ReaderLimits = .default) -> Diagnostic? {
    readingDiagnostic(Array(text.utf8), as: format, limits: limits)
}

func at(_ line: Int, _ column: Int) -> WherebyCodegenCore.SourceLocation {
    WherebyCodegenCore.SourceLocation(line: line, column: column)
}

/// A reading error a test expects: its id, where it is, and its message.
struct ExpectedReadingError: Sendable, CustomTestStringConvertible {
    var name: String
    var input: [UInt8]
    var id: Diagnostic.ID
    var location: WherebyCodegenCore.SourceLocation
    var message: String

    init(_ name: String, _ input: String, _ id: Diagnostic.ID, at location: WherebyCodegenCore.SourceLocation, _ message: String) {
        self.init(name, bytes: Array(input.utf8), id, at: location, message)
    }

    init(_ name: String, bytes: [UInt8], _ id: Diagnostic.ID, at location: WherebyCodegenCore.SourceLocation, _ message: String) {
        self.name = name
        self.input = bytes
        self.id = id
        self.location = location
        self.message = message
    }

    var testDescription: String { name }
}

/// The package's root folder, found from this file's path.
let packageRoot: String = {
    var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(4)  // Tests/WherebyCodegenCoreTests/Reading/ReadingTestSupport.swift
    return components.joined(separator: "/")
}()

extension Node {
    /// Where two trees differ in anything but locations, as `pointer: description`, or `nil`
    /// when they hold the same values in the same order.
    func firstStructuralDifference(from other: Node, at pointer: JSONPointer = .root) -> String? {
        switch (value, other.value) {
        case (.sequence(let items), .sequence(let otherItems)):
            guard items.count == otherItems.count else {
                return "\(pointer): \(items.count) items against \(otherItems.count)"
            }
            for (index, (item, otherItem)) in zip(items, otherItems).enumerated() {
                if let difference = item.firstStructuralDifference(from: otherItem, at: pointer.appending(index)) {
                    return difference
                }
            }
            return nil
        case (.mapping(let entries), .mapping(let otherEntries)):
            guard entries.map(\.key) == otherEntries.map(\.key) else {
                return "\(pointer): keys \(entries.map(\.key)) against \(otherEntries.map(\.key))"
            }
            for (entry, otherEntry) in zip(entries, otherEntries) {
                if let difference = entry.value.firstStructuralDifference(from: otherEntry.value, at: pointer.appending(entry.key)) {
                    return difference
                }
            }
            return nil
        default:
            return value == other.value ? nil : "\(pointer): \(value) against \(other.value)"
        }
    }
}

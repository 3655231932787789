/// What regenerating changed, read from the generated files before and after: the operations and
/// top-level types added, removed and changed. For reviewing a new vendor document at a glance;
/// `APIDiff` judges which changes break clients.
public struct GeneratedChangeSummary: Sendable, Equatable {
    public struct Changes: Sendable, Equatable {
        public var added: [String] = []
        public var removed: [String] = []
        public var changed: [String] = []

        var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
    }

    public var operations = Changes()
    public var types = Changes()

    /// Compares the files in place (by name; missing ones left out) with the fresh ones.
    ///
    /// Files are taken by what their names start with (`Operations`, `Types`) and read in name
    /// order as one text, so a type moving from one part to the next is no change, and a folder
    /// written in an older layout (one `Types.swift`) compares with the new one.
    public init(old: [String: String], new: [GeneratedFile]) {
        let fresh = Dictionary(new.map { ($0.name, $0.contents) }, uniquingKeysWith: { first, _ in first })
        operations = Self.compare(Self.functions(Self.joined(old, "Operations")), Self.functions(Self.joined(fresh, "Operations")))
        types = Self.compare(Self.topLevelTypes(Self.joined(old, "Types")), Self.topLevelTypes(Self.joined(fresh, "Types")))
    }

    /// The files whose names start with `prefix`, in the order of their numbers, as one text
    /// without the lines that only say where code sits: headers, imports, blank lines, and the
    /// top-level `extension … {` and `}` lines that wrap a part's functions or a type's nested
    /// types (which a large type has in extensions, a small one inline).
    private static func joined(_ files: [String: String], _ prefix: String) -> String {
        files.keys.filter { $0.hasPrefix(prefix) }
            .sorted { ($0.count, $0) < ($1.count, $1) }
            .flatMap { name in
                files[name, default: ""].split(separator: "\n").filter { line in
                    !line.hasPrefix("//") && !line.hasPrefix("import ") && !line.hasPrefix("extension ") && line != "}"
                }
            }
            .joined(separator: "\n")
    }

    public var isEmpty: Bool { operations.isEmpty && types.isEmpty }

    /// `operations: 1 added (archiveMeeting), 0 removed, 2 changed (createMeeting, getMeeting)`, and the same for types.
    public var report: String {
        func line(_ title: String, _ changes: Changes) -> String {
            func part(_ names: [String], _ verb: String) -> String {
                names.isEmpty ? "0 \(verb)" : "\(names.count) \(verb) (\(names.joined(separator: ", ")))"
            }
            return "\(title): \(part(changes.added, "added")), \(part(changes.removed, "removed")), \(part(changes.changed, "changed"))"
        }
        return line("operations", operations) + "\n" + line("types", types) + "\n"
    }

    private static func compare(_ old: [(String, String)], _ new: [(String, String)]) -> Changes {
        let before = Dictionary(old, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new, uniquingKeysWith: { first, _ in first })
        var changes = Changes()
        changes.added = new.map(\.0).filter { before[$0] == nil }
        changes.removed = old.map(\.0).filter { after[$0] == nil }
        changes.changed = new.map(\.0).filter { before[$0] != nil && before[$0] != after[$0] }
        return changes
    }

    /// Each endpoint function's name and text, from `func name(` to the end of its body.
    ///
    /// The first function of each name only: the client's. The protocol after the functions
    /// repeats each as a requirement and some as a call without optional arguments, and these
    /// change only when the client's function does.
    static func functions(_ text: String) -> [(String, String)] {
        var seen: Set<String> = []
        return blocks(text, indentation: "    ") { line in
            guard let range = line.firstRange(of: " func ") else { return nil }
            let rest = line[range.upperBound...]
            return rest.firstIndex(of: "(").map { String(rest[..<$0]) }
        }.filter { seen.insert($0.0).inserted }
    }

    /// Each top-level type's name and text, from its declaration to the next one.
    static func topLevelTypes(_ text: String) -> [(String, String)] {
        blocks(text, indentation: "") { line in
            for keyword in ["struct ", "enum ", "typealias ", "indirect enum "] {
                guard let range = line.firstRange(of: keyword), !line.hasPrefix(" "), !line.hasPrefix("extension") else { continue }
                let name = line[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                if !name.isEmpty { return String(name) }
            }
            return nil
        }
    }

    /// Splits `text` at lines with exactly `indentation` that `name` recognises as declarations.
    private static func blocks(_ text: String, indentation: String, name: (Substring) -> String?) -> [(String, String)] {
        var result: [(String, String)] = []
        var current: (name: String, lines: [Substring])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // Code further out than the declarations sought (the protocol after the client's
            // functions) ends the one before: it is not part of its text.
            if !indentation.isEmpty, !line.isEmpty, !line.hasPrefix(" ") {
                if let current { result.append((current.name, current.lines.joined(separator: "\n"))) }
                current = nil
                continue
            }
            let atLevel = line.hasPrefix(indentation) && !line.dropFirst(indentation.count).hasPrefix(" ")
            if atLevel, !line.dropFirst(indentation.count).hasPrefix("//"), let found = name(line) {
                if let current { result.append((current.name, current.lines.joined(separator: "\n"))) }
                current = (found, [line])
            } else if !line.drop(while: { $0 == " " }).hasPrefix("///") {
                // Doc comments precede the next declaration; only code counts as a change.
                current?.lines.append(line)
            }
        }
        if let current { result.append((current.name, current.lines.joined(separator: "\n"))) }
        return result
    }
}

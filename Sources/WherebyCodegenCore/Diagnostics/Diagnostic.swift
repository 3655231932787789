/// One problem found in the input, an error or a warning, with where it is and what was done about it.
///
/// Printed the way compilers print theirs, so that SwiftPM, Xcode and editors show it in place:
/// `spec/whereby.json:1:2345: warning: message [#/paths/~1meetings/post]`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case note
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs.rank < rhs.rank
        }

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }
    }

    /// Where a diagnostic points: the file, the 1-based position, and the JSON pointer of the node.
    public struct Location: Hashable, Sendable {
        public var file: String
        public var position: SourceLocation?
        public var pointer: JSONPointer?

        public init(file: String, position: SourceLocation? = nil, pointer: JSONPointer? = nil) {
            self.file = file
            self.position = position
            self.pointer = pointer
        }
    }

    public var severity: Severity
    /// A stable identifier of the kind of problem (`missing-operation-id`), for tests and tooling.
    public var id: ID
    /// One line, lower case, no secrets, saying what is wrong and what the generator did about it.
    public var message: String
    public var location: Location?
    public var notes: [String]

    public init(_ severity: Severity, _ id: ID, _ message: String, at location: Location? = nil, notes: [String] = []) {
        self.severity = severity
        self.id = id
        self.message = message
        self.location = location
        self.notes = notes
    }

    public static func error(_ id: ID, _ message: String, at location: Location? = nil) -> Diagnostic {
        Diagnostic(.error, id, message, at: location)
    }

    public static func warning(_ id: ID, _ message: String, at location: Location? = nil) -> Diagnostic {
        Diagnostic(.warning, id, message, at: location)
    }

    public var description: String {
        var text = ""
        if let location {
            text += location.file
            if let position = location.position {
                text += ":\(position.line):\(position.column)"
            }
            text += ": "
        }
        text += "\(severity.rawValue): \(message)"
        if let pointer = location?.pointer {
            text += " [\(pointer)]"
        }
        for note in notes {
            text += "\n"
            if let file = location?.file { text += "\(file): " }
            text += "note: \(note)"
        }
        return text
    }
}

extension Diagnostic {
    /// A stable identifier for a kind of diagnostic.
    public struct ID: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
        public var rawValue: String

        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        public init(stringLiteral value: String) {
            self.rawValue = value
        }

        public var description: String { rawValue }
    }
}

/// Thrown by a stage that found errors; carries everything the stage found, warnings included.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

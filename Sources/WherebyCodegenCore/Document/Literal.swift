/// A JSON value written in the document: an enum case, a `const`, a `default` or an example.
///
/// Numbers keep their text, as the reader does, so that nothing is rounded on the way to Swift.
public indirect enum Literal: Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(String)
    case number(String)
    case string(String)
    case array([Literal])
    case object([(key: String, value: Literal)])

    public static func == (lhs: Literal, rhs: Literal) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .integer(let value), .number(let value), .string(let value): hasher.combine(value)
        case .array(let values): hasher.combine(values)
        case .object(let entries):
            for entry in entries {
                hasher.combine(entry.key)
                hasher.combine(entry.value)
            }
        }
    }

    public init(_ node: Node) {
        switch node.value {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .integer(let text): self = .integer(text)
        case .number(let text): self = .number(text)
        case .string(let text): self = .string(text)
        case .sequence(let items): self = .array(items.map(Literal.init))
        case .mapping(let entries): self = .object(entries.map { ($0.key, Literal($0.value)) })
        }
    }

    /// The string of a string literal.
    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}

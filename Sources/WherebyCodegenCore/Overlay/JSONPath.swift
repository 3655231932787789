/// A JSONPath query (RFC 9535), the subset overlays use to name their targets.
///
/// Supported: the root `$`; members `.name`, `['name']`, `["name"]` and several at once
/// `['a','b']`; wildcards `.*` and `[*]`; indexes `[0]`, `[-1]`; descendants `..name`, `..*`;
/// and filters `[?@.key]`, `[?!@.key]`, `[?@.key == 'value']`, `[?@.key != 1]`, joined with `&&` or `||`,
/// where `@.a.b` may walk into the candidate.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a node's address: a mapping key or a sequence index.
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    enum Selector: Hashable, Sendable {
        case name(String)
        case wildcard
        case index(Int)
        case filter(Filter)
    }

    struct Segment: Hashable, Sendable {
        var selectors: [Selector]
        var isDescendant: Bool
    }

    indirect enum Filter: Hashable, Sendable {
        case exists([String])
        case equals([String], Literal, negated: Bool)
        case and(Filter, Filter)
        case or(Filter, Filter)
        case not(Filter)
    }

    let segments: [Segment]
    public let text: String

    /// Parses `text`; throws a message saying where it stopped making sense.
    public init(_ text: String) throws(JSONPathError) {
        var parser = JSONPathParser(text)
        segments = try parser.parse()
        self.text = text
    }

    public var description: String { text }

    /// The addresses of every node the query selects, in document order.
    public func select(in root: Node) -> [[Component]] {
        var current: [(Node, [Component])] = [(root, [])]
        for segment in segments {
            var next: [(Node, [Component])] = []
            for (node, address) in current {
                if segment.isDescendant {
                    for (descendant, descendantAddress) in Self.selfAndDescendants(node, address) {
                        next += Self.apply(segment.selectors, to: descendant, at: descendantAddress)
                    }
                } else {
                    next += Self.apply(segment.selectors, to: node, at: address)
                }
            }
            current = next
        }
        var seen: Set<[Component]> = []
        return current.map(\.1).filter { seen.insert($0).inserted }
    }

    private static func apply(_ selectors: [Selector], to node: Node, at address: [Component]) -> [(Node, [Component])] {
        var result: [(Node, [Component])] = []
        for selector in selectors {
            switch (selector, node.value) {
            case (.name(let name), .mapping(let entries)):
                if let entry = entries.first(where: { $0.key == name }) { result.append((entry.value, address + [.key(name)])) }
            case (.wildcard, _), (.filter, _):
                for (child, component) in children(of: node) {
                    if case .filter(let filter) = selector, !matches(filter, child) { continue }
                    result.append((child, address + [component]))
                }
            case (.index(let index), .sequence(let items)):
                let resolved = index < 0 ? items.count + index : index
                if items.indices.contains(resolved) { result.append((items[resolved], address + [.index(resolved)])) }
            default:
                break
            }
        }
        return result
    }

    private static func children(of node: Node) -> [(Node, Component)] {
        switch node.value {
        case .mapping(let entries): entries.map { ($0.value, .key($0.key)) }
        case .sequence(let items): items.enumerated().map { ($1, .index($0)) }
        default: []
        }
    }

    private static func selfAndDescendants(_ node: Node, _ address: [Component]) -> [(Node, [Component])] {
        var result = [(node, address)]
        for (child, component) in children(of: node) {
            result += selfAndDescendants(child, address + [component])
        }
        return result
    }

    private static func matches(_ filter: Filter, _ node: Node) -> Bool {
        switch filter {
        case .exists(let path): return value(at: path, in: node) != nil
        case .equals(let path, let literal, let negated):
            let found = value(at: path, in: node).map(Literal.init)
            return (found == literal) != negated
        case .and(let lhs, let rhs): return matches(lhs, node) && matches(rhs, node)
        case .or(let lhs, let rhs): return matches(lhs, node) || matches(rhs, node)
        case .not(let inner): return !matches(inner, node)
        }
    }

    private static func value(at path: [String], in node: Node) -> Node? {
        var current = node
        for key in path {
            guard let child = current[key] else { return nil }
            current = child
        }
        return current
    }
}

/// A JSONPath that cannot be parsed.
public struct JSONPathError: Error, Sendable, Hashable {
    public var message: String
}

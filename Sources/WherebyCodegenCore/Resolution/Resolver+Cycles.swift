/// Recursive schemas: a struct that holds itself, directly or through others, has no finite size.
extension Resolver {
    /// Marks the properties and one-of enums on a cycle of by-value containment, so the emitter
    /// stores them out of line. Arrays and dictionaries already store their elements out of line.
    func breakCycles() {
        let indexByPath = Dictionary(declarations.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })

        /// The declared struct or one-of a type holds by value, following aliases.
        func heldByValue(_ type: TypeReference) -> Int? {
            var current = type
            for _ in 0..<32 {
                guard case .named(let path) = current, let index = indexByPath[path] else { return nil }
                switch declarations[index].kind {
                case .structure, .oneOf: return index
                case .typeAlias(let target): current = target
                default: return nil
                }
            }
            return nil
        }

        var edges: [[Int]] = Array(repeating: [], count: declarations.count)
        for (index, declaration) in declarations.enumerated() {
            switch declaration.kind {
            case .structure(let properties): edges[index] = properties.compactMap { heldByValue($0.type) }
            case .oneOf(let model): edges[index] = model.cases.compactMap { heldByValue($0.type) }
            default: break
            }
        }
        let component = Self.stronglyConnectedComponents(edges)
        var sizes: [Int: Int] = [:]
        for id in component { sizes[id, default: 0] += 1 }

        for index in declarations.indices {
            let cyclic = sizes[component[index], default: 0] > 1 || edges[index].contains(index)
            guard cyclic else { continue }
            switch declarations[index].kind {
            case .structure(var properties):
                for property in properties.indices {
                    if let target = heldByValue(properties[property].type), component[target] == component[index] {
                        properties[property].isIndirect = true
                    }
                }
                declarations[index].kind = .structure(properties)
            case .oneOf:
                declarations[index].isIndirect = true
            default:
                break
            }
        }
    }

    /// Tarjan's algorithm, iterative so that deep graphs cannot overflow the stack: the
    /// component number of each vertex.
    static func stronglyConnectedComponents(_ edges: [[Int]]) -> [Int] {
        let count = edges.count
        var index = Array(repeating: -1, count: count)
        var lowLink = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var component = Array(repeating: -1, count: count)
        var stack: [Int] = []
        var nextIndex = 0
        var nextComponent = 0
        for root in 0..<count where index[root] == -1 {
            var work: [(vertex: Int, edge: Int)] = [(root, 0)]
            index[root] = nextIndex
            lowLink[root] = nextIndex
            nextIndex += 1
            stack.append(root)
            onStack[root] = true
            while let (vertex, edge) = work.last {
                if edge < edges[vertex].count {
                    work[work.count - 1].edge += 1
                    let next = edges[vertex][edge]
                    if index[next] == -1 {
                        index[next] = nextIndex
                        lowLink[next] = nextIndex
                        nextIndex += 1
                        stack.append(next)
                        onStack[next] = true
                        work.append((next, 0))
                    } else if onStack[next] {
                        lowLink[vertex] = min(lowLink[vertex], index[next])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.vertex {
                    lowLink[parent] = min(lowLink[parent], lowLink[vertex])
                }
                if lowLink[vertex] == index[vertex] {
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component[member] = nextComponent
                        if member == vertex { break }
                    }
                    nextComponent += 1
                }
            }
        }
        return component
    }
}

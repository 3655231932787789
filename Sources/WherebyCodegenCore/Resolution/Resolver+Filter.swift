/// The configuration's filter: some operations, and only the types they need.
extension Resolver {
    /// The operations every present list of the filter selects: a tag, a path, a name or operationId.
    func filter(_ operations: [OperationModel], _ filter: GeneratorConfiguration.Filter) -> [OperationModel] {
        operations.filter { operation in
            (filter.tags.isEmpty || !Set(filter.tags).isDisjoint(with: operation.tags))
                && (filter.paths.isEmpty || filter.paths.contains(operation.path))
                && (filter.operations.isEmpty || filter.operations.contains(SwiftNaming.unescaped(operation.swiftName)) || filter.operations.contains(operation.operationID))
        }
    }

    /// The top-level declarations the operations reach, directly or through other types.
    func keepReachable(_ types: [TypeDeclaration], from operations: [OperationModel]) -> [TypeDeclaration] {
        var byPath: [TypePath: TypeDeclaration] = [:]
        var pending = types
        while let declaration = pending.popLast() {
            byPath[declaration.path] = declaration
            pending += declaration.nested
        }
        var reached: Set<String> = []
        var queue: [TypeReference] = []
        for operation in operations {
            queue += operation.parameters.map(\.type)
            switch operation.body?.content {
            case .single(_, _, let type)?: queue.append(type)
            case .alternatives(let type, let cases)?: queue.append(type); queue += cases.map(\.type)
            case nil: break
            }
            if case .json(let type) = operation.success.result { queue.append(type) }
            if let pagination = operation.pagination { queue.append(pagination.itemType) }
        }
        var visited: Set<TypePath> = []
        while let type = queue.popLast() {
            switch type {
            case .array(let element), .dictionary(let element): queue.append(element)
            case .named(let path):
                guard visited.insert(path).inserted, let declaration = byPath[path] else { continue }
                if let root = path.components.first { reached.insert(root) }
                switch declaration.kind {
                case .structure(let properties): queue += properties.map(\.type)
                case .oneOf(let model): queue += model.cases.map(\.type)
                case .bodyAlternatives(let cases): queue += cases.map(\.type)
                case .typeAlias(let target): queue.append(target)
                case .stringEnum, .integerEnum: break
                }
                // A nested type's enclosing types are kept with it.
                for length in 1..<path.components.count {
                    queue.append(.named(TypePath(Array(path.components.prefix(length)))))
                }
            default: break
            }
        }
        return types.filter { reached.contains($0.name) }
    }
}

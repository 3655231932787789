/// What requests need beyond their types: which types they carry, what to validate, how to page.
extension Resolver {
    /// Marks every type a request can carry, and among them those with constraints to check.
    /// Elsewhere an absent value and `null` read the same, so `Nullable` is kept to request types.
    func markRequestTypes(_ operations: [OperationModel]) {
        var pending: [TypeReference] = []
        for operation in operations {
            pending += operation.parameters.map(\.type)
            switch operation.body?.content {
            case .single(_, _, let type)?: pending.append(type)
            case .alternatives(let type, let cases)?: pending.append(type); pending += cases.map(\.type)
            case nil: break
            }
        }
        var marked: Set<TypePath> = []
        let indexByPath = Dictionary(declarations.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        while let type = pending.popLast() {
            switch type {
            case .array(let element), .dictionary(let element): pending.append(element)
            case .named(let path):
                guard marked.insert(path).inserted, let index = indexByPath[path] else { continue }
                declarations[index].isUsedInRequests = true
                switch declarations[index].kind {
                case .structure(let properties): pending += properties.map(\.type)
                case .oneOf(let model): pending += model.cases.map(\.type)
                case .bodyAlternatives(let cases): pending += cases.map(\.type)
                case .typeAlias(let target): pending.append(target)
                case .stringEnum, .integerEnum: break
                }
            default: break
            }
        }
        for index in declarations.indices where !declarations[index].isUsedInRequests {
            guard case .structure(var properties) = declarations[index].kind else { continue }
            for property in properties.indices where properties[property].presence == .optionalNullable {
                properties[property].presence = .optional
            }
            declarations[index].kind = .structure(properties)
        }
        markValidatedTypes(indexByPath)
    }

    /// A request struct is validated when a property has constraints or holds a validated struct;
    /// found by iterating to a fixed point, since types can hold each other.
    private func markValidatedTypes(_ indexByPath: [TypePath: Int]) {
        func validatedStruct(_ type: TypeReference) -> Bool {
            switch type {
            case .named(let path):
                guard let index = indexByPath[path] else { return false }
                if case .structure = declarations[index].kind { return declarations[index].isValidated }
                return false
            case .array(let element), .dictionary(let element): return validatedStruct(element)
            default: return false
            }
        }
        var changed = true
        while changed {
            changed = false
            for index in declarations.indices where declarations[index].isUsedInRequests && !declarations[index].isValidated {
                guard case .structure(let properties) = declarations[index].kind else { continue }
                if properties.contains(where: { !$0.constraints.isEmpty || validatedStruct($0.type) }) {
                    declarations[index].isValidated = true
                    changed = true
                }
            }
        }
    }

    /// Finds the cursor-paginated lists: a `cursor` query parameter, and a response object with
    /// an array of items and a string `cursor` for the next page.
    func paginate(_ operations: inout [OperationModel]) {
        let indexByPath = Dictionary(declarations.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        var taken = Set(operations.map { SwiftNaming.unescaped($0.swiftName) })
        for index in operations.indices {
            let operation = operations[index]
            guard operation.body == nil,
                  let cursorParameter = operation.parameters.first(where: { $0.location == .query && Self.cursorNames.contains($0.name) }),
                  case .json(.named(let path)) = operation.success.result,
                  let declaration = indexByPath[path].map({ declarations[$0] }),
                  case .structure(let properties) = declaration.kind,
                  let cursor = properties.first(where: { Self.cursorNames.contains($0.jsonName) && $0.type == .string }),
                  let items = Self.itemsProperty(properties),
                  case .array(let element) = items.type
            else { continue }
            let bare = SwiftNaming.unescaped(operation.swiftName)
            var name = bare.hasPrefix("list") && bare.count > 4 ? "all" + bare.dropFirst(4) : bare + "Items"
            while taken.contains(name) { name += "Items" }
            taken.insert(name)
            operations[index].pagination = PaginationModel(
                functionName: name,
                cursorParameter: cursorParameter.swiftName,
                itemsProperty: items.swiftName,
                cursorProperty: cursor.swiftName,
                itemsAreOptional: items.presence != .required,
                itemType: element
            )
            operations[index].pagination?.pageSizeParameter = operation.parameters.first { parameter in
                guard case .integer = parameter.type else { return false }
                return parameter.location == .query && Self.pageSizeNames.contains(parameter.name)
            }?.swiftName
        }
    }

    static let pageSizeNames: Set<String> = ["limit", "pageSize", "page_size", "perPage", "per_page", "maxResults", "max_results"]

    static let cursorNames: Set<String> = ["cursor", "nextCursor", "next_cursor", "pageToken", "page_token", "nextPageToken"]

    /// The array of items: `results`, `items` or `data`, else the only array property.
    private static func itemsProperty(_ properties: [PropertyModel]) -> PropertyModel? {
        let arrays = properties.filter { if case .array = $0.type { true } else { false } }
        return arrays.first { ["results", "items", "data"].contains($0.jsonName) } ?? (arrays.count == 1 ? arrays.first : nil)
    }
}

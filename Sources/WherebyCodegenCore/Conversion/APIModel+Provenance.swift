/// Provenance remarks that name the place in a converted Swagger 2.0 document as it was written.
extension APIModel {
    /// The model with every provenance pointer mapped back through `map`
    /// (`#/components/schemas/Pet` → `#/definitions/Pet`).
    func mappingProvenance(through map: PointerMap) -> APIModel {
        var copy = self
        copy.types = types.map { $0.mappingProvenance(through: map) }
        copy.operations = operations.map { operation in
            var operation = operation
            operation.documentation.mapProvenance(through: map)
            operation.parameters = operation.parameters.map { parameter in
                var parameter = parameter
                parameter.documentation.mapProvenance(through: map)
                return parameter
            }
            return operation
        }
        return copy
    }
}

extension TypeDeclaration {
    fileprivate func mappingProvenance(through map: PointerMap) -> TypeDeclaration {
        var copy = self
        copy.documentation.mapProvenance(through: map)
        if case .structure(let properties) = kind {
            copy.kind = .structure(properties.map { property in
                var property = property
                property.documentation.mapProvenance(through: map)
                return property
            })
        }
        copy.nested = nested.map { $0.mappingProvenance(through: map) }
        return copy
    }
}

extension Documentation {
    fileprivate mutating func mapProvenance(through map: PointerMap) {
        guard let provenance, let pointer = JSONPointer(fragment: provenance) else { return }
        self.provenance = map.original(for: pointer).description
    }
}

/// Path items and operations written as `$ref`s.
///
/// A path item may be a `$ref` by the specification. An operation may not, but vendors who split
/// a document into many files write `get: { $ref: "resources/pets/list.yml" }` all the same; the
/// generator follows both, reading the target in the file it is in, so that the references
/// written there are relative to that file.
extension DocumentParser {
    /// `node`, or when it is a `$ref`, the node it points at (through any chain of references)
    /// with the scope of the file that holds it; nil when a reference leads nowhere, which has
    /// been reported as an error.
    ///
    /// - Parameter isOperation: Whether `node` is an operation, whose references are counted
    ///   for the one warning ``reportOperationReferences()`` gives.
    func followingReferences(_ node: Node, _ scope: Scope, isOperation: Bool) -> (node: Node, scope: Scope)? {
        var (node, scope) = (node, scope)
        var seen: Set<String> = []
        while let refNode = node["$ref"] {
            guard let reference = reference(refNode, scope.child("$ref")) else { return nil }
            if isOperation && seen.isEmpty { operationReferences.append(reference) }
            guard seen.insert(reference.key).inserted else {
                diagnostics.emit(.error("ref-cycle", "'$ref' '\(reference.text)' is part of a cycle of references that never reaches \(isOperation ? "an operation" : "a path item")", at: reference.origin.location))
                return nil
            }
            guard let target = target(of: reference) else { return nil }
            (node, scope) = target
        }
        return (node, scope)
    }

    /// One warning for every operation written as a `$ref`, at the first of them: a document
    /// split this way has hundreds, and each is the same choice of its author.
    func reportOperationReferences() {
        guard let first = operationReferences.first else { return }
        let count = operationReferences.count
        let followed = count == 1 ? "followed it" : "followed all \(count) of them"
        diagnostics.emit(.warning(
            "operation-ref",
            "an operation written as a '$ref' is not standard OpenAPI (only path items, parameters, request bodies, responses and the like may be references); \(followed)",
            at: first.origin.location
        ))
    }
}

/// A rule between parameters that no single parameter's schema states.
extension Validation {
    /// Fails unless at least one of the parameters `names` was given (`given` holds, in the same
    /// order, whether each was): the document's `x-required-any-of`, for a description such as
    /// "either roomSessionId or externalId is required".
    public static func requireAny(of names: [String], given: [Bool]) throws(ValidationFailure) {
        guard !given.contains(true) else { return }
        throw ValidationFailure(path: names.joined(separator: " or "), reason: "is required: none of them was given")
    }
}

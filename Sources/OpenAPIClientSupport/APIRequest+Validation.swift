/// Checking arguments against the document's constraints before a request spends anything.
extension APIRequest {
    /// Runs the checks in `body` and turns a failure into this operation's
    /// ``APIClientError/invalidParameter(operationID:name:reason:)``.
    ///
    /// ```swift
    /// try request.validate {
    ///     try Validation.check(limit, at: "limit", minimum: 1, maximum: 100)
    ///     try Validation.check(body, at: "body")
    /// }
    /// ```
    public func validate(_ checks: () throws -> Void) throws {
        do {
            try checks()
        } catch let failure as ValidationFailure {
            throw APIClientError.invalidParameter(operationID: operationID, name: failure.path, reason: failure.reason)
        }
    }
}

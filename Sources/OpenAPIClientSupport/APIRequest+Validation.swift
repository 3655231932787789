/// Checking arguments against the document's constraints before a request spends anything.
extension APIRequest {
    /// Runs the checks in `body`; a failure becomes the request's ``problem``, an
    /// ``APIClientError/invalidParameter(operationID:name:reason:)`` that `send` throws (through
    /// the runtime's error mapper) before anything is sent or any rate-limit point is spent.
    ///
    /// ```swift
    /// try request.validate {
    ///     try Validation.check(limit, at: "limit", minimum: 1, maximum: 100)
    ///     try Validation.check(body, at: "body")
    /// }
    /// ```
    public mutating func validate(_ checks: () throws -> Void) rethrows {
        do {
            try checks()
        } catch let failure as ValidationFailure {
            recordInvalidParameter(failure.path, reason: failure.reason)
        }
    }
}

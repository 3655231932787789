import Testing
import OpenAPIClientSupport

@Suite struct ValidationTests {
    struct Inner: Validatable {
        var colour: String?
        func validate(at path: String) throws(ValidationFailure) {
            try Validation.check(colour, at: path + ".colour", pattern: "^#[a-fA-F0-9]{6}$")
        }
    }

    @Test func numericBoundsAreInclusiveUnlessExclusive() throws {
        try Validation.check(1, at: "limit", minimum: 1, maximum: 100)
        try Validation.check(100, at: "limit", minimum: 1, maximum: 100)
        try Validation.check(Int?.none, at: "limit", minimum: 1)
        #expect(throws: ValidationFailure(path: "limit", reason: "must be at most 100, got 101")) {
            try Validation.check(101, at: "limit", minimum: 1, maximum: 100)
        }
        #expect(throws: ValidationFailure(path: "limit", reason: "must be at least 1, got 0")) {
            try Validation.check(0, at: "limit", minimum: 1, maximum: 100)
        }
        #expect(throws: ValidationFailure(path: "ratio", reason: "must be greater than 0, got 0.0")) {
            try Validation.check(0.0, at: "ratio", exclusiveMinimum: 0)
        }
    }

    @Test func stringLengthCountsCharactersAndPatternsSearchUnlessAnchored() throws {
        try Validation.check("héllo", at: "s", maxLength: 5)
        #expect(throws: ValidationFailure(path: "s", reason: "must be at most 3 characters long, got 5")) {
            try Validation.check("héllo", at: "s", maxLength: 3)
        }
        try Validation.check("x#112233y", at: "c", pattern: "#[a-fA-F0-9]{6}")
        #expect(throws: ValidationFailure(path: "c", reason: "must match the pattern #[a-fA-F0-9]{6}")) {
            try Validation.check("red", at: "c", pattern: "#[a-fA-F0-9]{6}")
        }
        try Validation.check("anything", at: "c", pattern: "([")
    }

    @Test func nestedModelsAndArraysNameTheFailingValue() {
        #expect(throws: ValidationFailure(path: "body.items[1].colour", reason: "must match the pattern ^#[a-fA-F0-9]{6}$")) {
            try Validation.check([Inner(colour: "#aabbcc"), Inner(colour: "blue")], at: "body.items")
        }
        #expect(throws: ValidationFailure(path: "body", reason: "must have at most 1 items, got 2")) {
            try Validation.check([1, 2], at: "body", maxItems: 1)
        }
    }

    @Test func everyWrapperOfAModelIsCheckedThroughOneOverload() {
        let bad = Inner(colour: "blue")
        let good = Inner(colour: "#aabbcc")
        let reason = "must match the pattern ^#[a-fA-F0-9]{6}$"
        #expect(throws: ValidationFailure(path: "v.colour", reason: reason)) { try Validation.check(Optional(bad), at: "v") }
        #expect(throws: ValidationFailure(path: "v.colour", reason: reason)) { try Validation.check(Nullable.value(bad), at: "v") }
        #expect(throws: ValidationFailure(path: "v.colour", reason: reason)) { try Validation.check(Nullable<Inner>?.some(.value(bad)), at: "v") }
        #expect(throws: ValidationFailure(path: "v[1].colour", reason: reason)) { try Validation.check(Nullable<[Inner]>?.some(.value([good, bad])), at: "v") }
        #expect(throws: ValidationFailure(path: #"v["b"].colour"#, reason: reason)) { try Validation.check(["a": good, "b": bad], at: "v") }
        #expect(throws: ValidationFailure(path: #"v["k"][0][1].colour"#, reason: reason)) {
            try Validation.check(Nullable<[String: [[Inner]]]>?.some(.value(["k": [[good, bad]]])), at: "v")
        }
        #expect(throws: ValidationFailure(path: #"v[0]["x"].colour"#, reason: reason)) { try Validation.check([["x": bad]] as [[String: Inner]]?, at: "v") }
    }

    @Test func absentNullAndEmptyWrappersHaveNothingToCheck() throws {
        try Validation.check(Inner?.none, at: "v")
        try Validation.check(Nullable<Inner>.null, at: "v")
        try Validation.check(Nullable<[String: Inner]>?.none, at: "v")
        try Validation.check(Nullable<[Inner]>?.some(.null), at: "v")
        try Validation.check([String: [Inner]](), at: "v")
    }

    @Test func dictionariesAreCheckedInTheOrderOfTheirKeys() {
        let values = ["b": Inner(colour: "b"), "a": Inner(colour: "a"), "c": Inner(colour: "#aabbcc")]
        #expect(throws: ValidationFailure(path: #"v["a"].colour"#, reason: "must match the pattern ^#[a-fA-F0-9]{6}$")) {
            try Validation.check(values, at: "v")
        }
    }

    @Test func theConstraintsOfANullableValueApplyToTheValueInside() throws {
        let items: Nullable<[Inner]>? = .value([Inner(colour: nil), Inner(colour: nil)])
        #expect(throws: ValidationFailure(path: "items", reason: "must have at most 1 items, got 2")) {
            try Validation.check(items?.value, at: "items", maxItems: 1)
        }
        let limit: Nullable<Int>? = .value(0)
        #expect(throws: ValidationFailure(path: "limit", reason: "must be at least 1, got 0")) {
            try Validation.check(limit?.value, at: "limit", minimum: 1)
        }
        let none: Nullable<Int>? = .null
        try Validation.check(none?.value, at: "limit", minimum: 1)
    }

    @Test func requestValidationRecordsAnInvalidParameterOfTheOperation() throws {
        var request = APIRequest(operationID: "listMeetings", method: .get, path: "/meetings")
        try request.validate { try Validation.check(500, at: "limit", maximum: 100) }
        guard case .invalidParameter(let operation, let name, let reason)? = request.problem else {
            Issue.record("expected an invalid parameter, got \(String(describing: request.problem))")
            return
        }
        #expect(operation == "listMeetings")
        #expect(name == "limit")
        #expect(reason == "must be at most 100, got 500")
    }
}

import Testing
@testable import WherebyCodegenCore

/// Constraint checks for every shape a value can take: the wrappers, and what they hold.
@Suite struct ValidationEmissionTests {
    /// A request body whose one property has `schema`, in 3.1.
    func requestTypes(property schema: String, required: Bool = false) throws -> String {
        try generate(document(version: "3.1.0", paths: """
            /a:
              post:
                operationId: send
                requestBody:
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [\(required ? "value" : "")]
                        properties:
                          value: \(schema)
                responses: { "204": { description: sent } }
            """, components: """
            schemas:
              Checked: { type: object, properties: { name: { type: string, maxLength: 5 } } }
            """)).text(of: .types)
    }

    @Test func aNullableArrayOfModelsChecksItsCountAndEachModel() throws {
        let types = try requestTypes(property: #"{ type: [array, "null"], maxItems: 3, items: { $ref: '#/components/schemas/Checked' } }"#)
        #expect(types.contains("public var value: Nullable<[Checked]>?"))
        #expect(types.contains(#"try Validation.check(self.value?.value, at: path + ".value", maxItems: 3)"#))
        #expect(types.contains(#"try Validation.check(self.value, at: path + ".value")"#))
    }

    @Test func aNullablePrimitiveChecksTheValueInside() throws {
        let types = try requestTypes(property: #"{ type: [integer, "null"], minimum: 1 }"#)
        #expect(types.contains(#"try Validation.check(self.value?.value, at: path + ".value", minimum: 1)"#))
    }

    @Test func aDictionaryOfModelsChecksEachModel() throws {
        let types = try requestTypes(property: "{ type: object, additionalProperties: { type: array, items: { $ref: '#/components/schemas/Checked' } } }", required: true)
        #expect(types.contains("public var value: [String: [Checked]]"))
        #expect(types.contains(#"try Validation.check(self.value, at: path + ".value")"#))
    }

    @Test func aBooleanEnumIsABool() throws {
        let output = try generate(document(version: "3.1.0", components: """
            schemas:
              Sample:
                type: object
                properties:
                  accepted: { type: boolean, enum: [true] }
                  either: { type: boolean, enum: [true, false] }
                  maybe: { type: [boolean, "null"], enum: [false, null] }
              Flag: { type: boolean, enum: [true] }
            """))
        let sample = try #require(output.type("Sample"))
        #expect(sample.property("accepted")?.type == .bool)
        #expect(sample.property("either")?.type == .bool)
        #expect(sample.property("maybe")?.type == .bool)
        #expect(output.text(of: .types).contains("public typealias Flag = Bool"))
    }

    @Test func anEnumThatMixesBooleansAndStringsIsStillAJSONValue() throws {
        let output = try generate(document(components: """
            schemas:
              Sample:
                type: object
                properties:
                  mixed: { enum: [true, "yes"] }
            """), expecting: ["mixed-enum"])
        #expect(output.type("Sample")?.property("mixed")?.type == .jsonValue)
    }
}

import Testing
@testable import WherebyCodegenCore

@Suite struct JSONPointerTests {
    @Test(arguments: [
        ("#", [String]()),
        ("#/", [""]),
        ("#/paths/~1m~0x/get", ["paths", "/m~x", "get"]),
        ("#/components/schemas/Caf%C3%A9", ["components", "schemas", "Café"]),
        ("#/a//b", ["a", "", "b"]),
    ])
    func fragmentsParseIntoUnescapedTokens(fragment: String, tokens: [String]) {
        #expect(JSONPointer(fragment: fragment)?.tokens == tokens)
    }

    @Test func descriptionEscapesTildeAndSlashOnly() {
        let pointer = JSONPointer(["paths", "/rooms/{roomName}", "a~b", "Café"])
        #expect(pointer.description == "#/paths/~1rooms~1{roomName}/a~0b/Café")
        #expect(JSONPointer(fragment: pointer.description) == pointer)
    }

    @Test func fragmentsThatAreNoPointerAreRejected() {
        #expect(JSONPointer(fragment: "#components") == nil)
        #expect(JSONPointer(fragment: "#/bad%zz") == nil)
    }
}

import Testing
@testable import WherebyCodegenCore

/// The prose-nullable guess fires on statements that a value can be null, never on a mere
/// mention of the word.
@Suite struct ProseNullabilityTests {
    /// Descriptions that state the value can be null. The last ones are Whereby's own.
    static let statements: [String] = [
        "The end date. Can be null.",
        "May be null if the room was never used.",
        "The parent folder, or null for the root.",
        "Is null when the meeting has not started.",
        "Null if the user has no avatar.",
        "null when unknown",
        "Returns null for deleted accounts.",
        "Either a URL or `null`.",
        "Will be **null** until processing finishes.",
        "The value is also null for guests.",
        "Set it to null to remove the limit.",
        "Defaults to null.",
        "A null value means the setting is inherited.",
        "Null means no expiry.",
        "null is returned when the session is still running",
        "- `null` - inherit the organization's choice\n- `none` - no recording",
        "`null`: the organization's default",
        "If this is not required, or should\nbe inherited, it should be set to null.\n",
        "If there are no more results, the value returned is `null`.\n",
        "Specify the condition when live streaming should be started.- `null` - Should be passed when this is not required",
        "What language should be used for the Session Transcription.\n- `null` - The value should be taken from the organization settings\n",
    ]

    /// Descriptions that mention null without saying the value can be it.
    static let mentions: [String] = [
        "A non-null identifier.",
        "Not null.",
        "This field is never null.",
        "Null values are omitted from the response.",
        "Cannot be null.",
        "Must not be null or empty.",
        "Must not be empty or null.",
        "The value will not be null once the meeting ends.",
        "Does not return null.",
        "An empty string rather than null when there is no name.",
        "A null-terminated string.",
        "Use the nullable field instead.",
        "See the null object pattern.",
        "Omitted when null.",
        "The SQL NULL marker is not supported.",
        "Annulled orders are kept for a year.",
        "",
        "No mention at all.",
    ]

    @Test(arguments: statements)
    func fires(_ description: String) {
        #expect(ProseNullability.statesNullable(description))
    }

    @Test(arguments: mentions)
    func doesNotFire(_ description: String) {
        #expect(!ProseNullability.statesNullable(description))
    }

    @Test func wordsAreLowerCasedWithCodeMarksDroppedAndHyphenatedWordsKept() {
        #expect(ProseNullability.tokenize("Is `null` - non-null, can't") == [
            .word("is"), .word("null"), .mark("-"), .word("non-null"), .mark(","), .word("can't"),
        ])
        #expect(ProseNullability.tokenize("a\n\nb") == [.word("a"), .lineBreak, .word("b")])
    }

    @Test func aPropertyWhoseDescriptionMerelyMentionsNullStaysAsDeclared() throws {
        let output = try generate(document(components: """
            schemas:
              A:
                type: object
                required: [id, parent]
                properties:
                  id: { type: string, description: "A non-null identifier; null values are never sent." }
                  parent: { type: string, description: "The parent's id, or null for the root." }
            """), expecting: ["undeclared-null"])
        #expect(output.type("A")?.property("id")?.presence == .required)
        #expect(output.type("A")?.property("parent")?.presence == .requiredNullable)
    }
}

import Testing
@testable import WherebyCodegenCore

@Suite struct SwiftNamingTests {
    @Test func asciiAndOtherNamesSplitIntoWordsAlike() {
        // ASCII names take a byte path; one non-ASCII letter sends the same name down the general one.
        #expect(SwiftNaming.words("roomName2Id_x-URLValue") == ["room", "Name2", "Id", "x", "URLValue"])
        #expect(SwiftNaming.words("roomName2Id_x-URLValueé") == ["room", "Name2", "Id", "x", "URLValueé"])
    }

    @Test(arguments: [
        ("meeting", "Meeting"),
        ("room-sessions", "RoomSessions"),
        ("access_link", "AccessLink"),
        ("2fa method", "_2faMethod"),
        ("X-RateLimit-Limit", "XRateLimitLimit"),
        ("", "Unnamed"),
        ("Type", "Type_"),
        ("Protocol", "Protocol_"),
        ("café crème", "CaféCrème"),
        ("class", "Class"),
    ])
    func typeNamesAreUpperCamelCaseIdentifiers(raw: String, expected: String) {
        #expect(SwiftNaming.typeName(raw) == expected)
    }

    @Test(arguments: [
        ("meetingId", "meetingId"),
        ("hostRoomUrl", "hostRoomUrl"),
        ("room-name", "roomName"),
        ("X-Request-ID", "xRequestID"),
        ("URL", "url"),
        ("default", "`default`"),
        ("self", "self_"),
        ("1st", "_1st"),
        ("with space.and.dots", "withSpaceAndDots"),
        ("a\u{202E}b", "aB"),
    ])
    func memberNamesKeepValidIdentifiersAndEscapeKeywords(raw: String, expected: String) {
        #expect(SwiftNaming.memberName(raw) == expected)
    }

    @Test(arguments: [
        ("in_progress", "inProgress"),
        ("LIVE_TRANSCRIPTION", "liveTranscription"),
        ("automatic-2nd-participant", "automatic2ndParticipant"),
        ("Extended SOAP", "extendedSOAP"),
        ("SOAP", "soap"),
        ("en-US", "enUS"),
        ("default", "`default`"),
        ("", "empty"),
    ])
    func enumCaseNamesReadScreamingSnakeAsWords(raw: String, expected: String) {
        #expect(SwiftNaming.caseName(raw) == expected)
    }

    @Test func generatedNamesAreValidIdentifiers() {
        let hostile = ["*/", "\"\"\"", "#\"", "\\(x)", "a\nb", "\u{0}", "\u{202E}evil", "👍", "ünïcode", "--", "9"]
        for raw in hostile {
            let member = SwiftNaming.unescaped(SwiftNaming.memberName(raw))
            let type = SwiftNaming.typeName(raw)
            #expect(SwiftNaming.isIdentifier(member), "\(raw.debugDescription) → \(member)")
            #expect(SwiftNaming.isIdentifier(type), "\(raw.debugDescription) → \(type)")
        }
    }

    @Test func nameScopeNumbersCollisionsInRequestOrder() {
        var scope = NameScope(reserved: ["unknown"])
        #expect(scope.claim("en") == "en")
        #expect(scope.claim("en") == "en2")
        #expect(scope.claim("en") == "en3")
        #expect(scope.claim("unknown") == "unknown2")
        #expect(scope.claim("`default`") == "`default`")
        #expect(scope.claim("`default`") == "default2")
    }

    @Test(arguments: [("results", "result"), ("summaries", "summary"), ("access", "access"), ("status", "status"), ("boxes", "box"), ("tags", "tag")])
    func singularOfPluralPropertyNames(plural: String, singular: String) {
        #expect(SwiftNaming.singular(plural) == singular)
    }
}

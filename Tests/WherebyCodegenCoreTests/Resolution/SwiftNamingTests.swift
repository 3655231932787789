import Testing
@testable import WherebyCodegenCore

@Suite struct SwiftNamingTests {
    @Test func asciiAndOtherNamesSplitIntoWordsAlike() {
        // ASCII names take a byte path; one non-ASCII letter sends the same name down the general one.
        #expect(SwiftNaming.words("roomName2Id_x-URLValue") == ["room", "Name2", "Id", "x", "URL", "Value"])
        #expect(SwiftNaming.words("roomName2Id_x-URLValueé") == ["room", "Name2", "Id", "x", "URL", "Valueé"])
        #expect(SwiftNaming.words("userIDs_HTTPCode") == ["user", "IDs", "HTTP", "Code"])
        #expect(SwiftNaming.words("userIDs_HTTPCodeé") == ["user", "IDs", "HTTP", "Codeé"])
    }

    @Test(arguments: [
        ("meeting", "Meeting"),
        ("room-sessions", "RoomSessions"),
        ("access_link", "AccessLink"),
        ("File--Mini", "FileMini"),
        ("file_mini", "FileMini"),
        ("SCREAMING_TYPE", "ScreamingType"),
        ("URL", "URL"),
        ("HTTPCode", "HTTPCode"),
        ("user_ID", "UserID"),
        ("2fa method", "_2faMethod"),
        ("_links", "Links"),
        ("X-RateLimit-Limit", "XRateLimitLimit"),
        ("", "Unnamed"),
        ("Type", "Type_"),
        ("Protocol", "Protocol_"),
        ("café crème", "CaféCrème"),
        ("class", "Class"),
    ])
    func typeNamesAreUpperCamelCaseIdentifiers(raw: String, expected: String) {
        #expect(SwiftNaming.typeName(raw) == expected)
        #expect(SwiftNaming.typeName(expected) == expected || expected.hasSuffix("_") || raw.isEmpty, "a type name converts to itself")
    }

    /// One table per convention a document spells its names in.
    @Test(arguments: [
        // Already lowerCamelCase: kept as written.
        ("meetingId", "meetingId"), ("hostRoomUrl", "hostRoomUrl"), ("roomUrl", "roomUrl"), ("userID", "userID"), ("iOS", "iOS"),
        // snake_case
        ("access_token", "accessToken"), ("expires_in", "expiresIn"), ("sequence_id", "sequenceId"), ("iOS_version", "iOSVersion"),
        // kebab-case
        ("room-name", "roomName"), ("sequence-id", "sequenceId"), ("automatic-2nd-participant", "automatic2ndParticipant"),
        // SCREAMING_SNAKE_CASE
        ("ACCESS_TOKEN", "accessToken"), ("SCREAMING_NAME", "screamingName"), ("HTTP_CODE", "httpCode"),
        // UpperCamelCase
        ("RoomName", "roomName"), ("MeetingID", "meetingID"),
        // Dots and spaces
        ("dotted.name", "dottedName"), ("sort.order", "sortOrder"), ("with space.and.dots", "withSpaceAndDots"),
        // Acronyms: lowercased when they lead, kept after
        ("HTTPCode", "httpCode"), ("user_ID", "userID"), ("URL", "url"), ("URLs", "urls"), ("IDs", "ids"),
        ("URLValue", "urlValue"), ("X-Request-ID", "xRequestID"), ("x-api-key", "xApiKey"),
        // Leading digits and underscores
        ("1st", "_1st"), ("2fa_method", "_2faMethod"), ("_links", "links"), ("__typename", "typename"), ("_id", "id"),
        // Reserved words
        ("default", "`default`"), ("class", "`class`"), ("self", "self_"), ("Self", "self_"), ("init", "init_"), ("Type", "type"), ("_", "unnamed"),
        // Not identifiers at all
        ("a\u{202E}b", "aB"), ("$ref", "ref"), ("@type", "type"),
    ])
    func memberNamesAreLowerCamelCase(raw: String, expected: String) {
        #expect(SwiftNaming.memberName(raw) == expected)
    }

    @Test(arguments: [
        ("access_token", "access_token"), ("HTTPCode", "HTTPCode"), ("_links", "_links"), ("SCREAMING_NAME", "SCREAMING_NAME"),
        ("roomUrl", "roomUrl"), ("default", "`default`"), ("self", "self_"), ("Type", "Type_"),
        // Not identifiers: the one rule makes them so.
        ("sequence-id", "sequenceId"), ("dotted.name", "dottedName"), ("2fa_method", "_2faMethod"),
    ])
    func documentStyleKeepsIdentifiersAsWritten(raw: String, expected: String) {
        #expect(SwiftNaming.memberName(raw, style: .document) == expected)
    }

    @Test(arguments: [
        ("in_progress", "inProgress"),
        ("LIVE_TRANSCRIPTION", "liveTranscription"),
        ("IMAGE_FILE", "imageFile"),
        ("automatic-2nd-participant", "automatic2ndParticipant"),
        ("Extended SOAP", "extendedSOAP"),
        ("SOAP", "soap"),
        ("en-US", "enUS"),
        ("in.progress", "inProgress"),
        ("3d_model", "_3dModel"),
        ("default", "`default`"),
        ("None", "noneValue"),
        ("", "empty"),
    ])
    func enumCaseNamesReadScreamingSnakeAsWords(raw: String, expected: String) {
        #expect(SwiftNaming.caseName(raw) == expected)
    }

    @Test func documentStyleCaseNamesKeepIdentifiersButNeverOptionalsCases() {
        #expect(SwiftNaming.caseName("IMAGE_FILE", style: .document) == "IMAGE_FILE")
        #expect(SwiftNaming.caseName("in.progress", style: .document) == "inProgress")
        #expect(SwiftNaming.caseName("none", style: .document) == "noneValue")
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

    @Test func nameScopeSaysWhichDocumentNameTookTheNameFirst() {
        var scope = NameScope(reserved: ["unknown"])
        #expect(scope.claim("accessToken", for: "access_token").collidesWith == nil)
        let second = scope.claim("accessToken", for: "accessToken")
        #expect(second.name == "accessToken2")
        #expect(second.collidesWith == "access_token")
        // A numbered name is the later name's: a document name that makes it again collides with that one.
        #expect(scope.claim("accessToken2", for: "ACCESS_TOKEN_2").collidesWith == "accessToken")
        // A reserved name is numbered without a collision to report.
        let reserved = scope.claim("unknown", for: "UNKNOWN")
        #expect(reserved.name == "unknown2")
        #expect(reserved.collidesWith == nil)
    }

    @Test(arguments: [("results", "result"), ("summaries", "summary"), ("access", "access"), ("status", "status"), ("boxes", "box"), ("tags", "tag")])
    func singularOfPluralPropertyNames(plural: String, singular: String) {
        #expect(SwiftNaming.singular(plural) == singular)
    }
}

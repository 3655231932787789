import Foundation

/// The body of `POST /meetings`, validated against the document.
struct CreateMeetingRequest: Sendable {
    let endDate: Date
    let isLocked: Bool
    let roomMode: String
    /// The prefix with spaces removed, as the document says the API does; empty when not given.
    let roomNamePrefix: String
    let roomNamePattern: String
    let templateType: String?
    let fields: Set<Meeting.Field>

    /// Reads and validates `body`; `now` is the earliest acceptable `endDate`.
    init(body: JSONValue, now: Date) throws {
        let reader = try JSONObjectReader(body: body)
        guard let endDate = try reader.dateTime("endDate", required: true) else {
            throw MockError.badRequest("endDate is required")
        }
        guard endDate >= now else {
            throw MockError.badRequest(
                "endDate must not be in the past: \(Timestamp.format(endDate)) is before \(Timestamp.format(now))"
            )
        }
        self.endDate = endDate
        // Deprecated and ignored by the API, but still declared a date-time.
        _ = try reader.dateTime("startDate")

        self.templateType = try reader.enumeration("templateType", ["viewerMode"])
        let isViewerMode = templateType == "viewerMode"
        // A viewer-mode room is locked and in group mode whatever the body says.
        let requestedLock = try reader.bool("isLocked") ?? false
        self.isLocked = requestedLock || isViewerMode
        let roomMode = try reader.enumeration("roomMode", ["group", "normal"]) ?? "normal"
        self.roomMode = isViewerMode ? "group" : roomMode
        self.roomNamePrefix = try Self.roomNamePrefix(reader)
        self.roomNamePattern = try reader.enumeration("roomNamePattern", ["uuid", "human-short"]) ?? "uuid"
        let fieldNames = try reader.strings("fields", allowed: Meeting.Field.allCases.map(\.rawValue)) ?? []
        self.fields = Set(fieldNames.compactMap(Meeting.Field.init(rawValue:)))

        try Self.validateRecording(reader.object("recording"))
        try Self.validateLiveTranscription(reader.object("liveTranscription"))
        try Self.validateStreaming(reader.object("streaming"))
    }

    /// `roomNamePrefix`: at most 39 characters, lower case. The document's pattern
    /// `[a-z0-9]{0,39}` is unanchored and its own example is `example-prefix`, so hyphens are
    /// accepted besides letters and digits; spaces are removed first, as the document says. The
    /// client checks the same rule (the overlay's `^[a-z0-9 -]*$` and `maxLength: 39`).
    private static func roomNamePrefix(_ reader: JSONObjectReader) throws -> String {
        guard let given = try reader.string("roomNamePrefix") else { return "" }
        guard given.count <= 39 else {
            throw MockError.badRequest("roomNamePrefix must be at most 39 characters, got \(given.count)")
        }
        let prefix = given.replacingOccurrences(of: " ", with: "")
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        guard prefix.allSatisfy(allowed.contains) else {
            throw MockError.badRequest(
                "roomNamePrefix must be lower-case letters, digits and hyphens, got \"\(given)\""
            )
        }
        return prefix
    }

    private static func validateRecording(_ recording: JSONObjectReader?) throws {
        guard let recording else { return }
        _ = try recording.enumeration("type", ["none", "local", "cloud"], required: true)
        if let destination = try recording.object("destination", required: true, nullable: true) {
            _ = try destination.enumeration("provider", ["s3", "whereby"], required: true)
            _ = try destination.enumeration("authenticationType", ["accessKey", "roleBased"])
            for key in ["bucket", "accessKeyId", "accessKeySecret", "oidcRoleArn"] {
                _ = try destination.string(key)
            }
            _ = try destination.enumeration("fileFormat", ["mkv", "mp4"])
        }
        _ = try recording.enumeration(
            "startTrigger", ["none", "prompt", "automatic", "automatic-2nd-participant"], required: true, nullable: true
        )
    }

    private static func validateLiveTranscription(_ transcription: JSONObjectReader?) throws {
        guard let transcription else { return }
        if let destination = try transcription.object("destination", required: true, nullable: true) {
            _ = try destination.enumeration("provider", ["s3", "whereby"], required: true)
            _ = try destination.enumeration("authenticationType", ["accessKey", "roleBased"])
            for key in ["bucket", "accessKeyId", "accessKeySecret", "region", "oidcRoleArn"] {
                _ = try destination.string(key)
            }
        }
        _ = try transcription.enumeration(
            "startTrigger", ["none", "manual", "automatic", "automatic-2nd-participant"], required: true, nullable: true
        )
        _ = try transcription.enumeration("language", transcriptionLanguages, nullable: true)
        _ = try transcription.bool("liveCaptions")
    }

    /// The document lists its language codes with a trailing comma (`"en,"`), evidently a typo;
    /// both spellings are accepted.
    private static let transcriptionLanguages: [String] = {
        let codes = [
            "ca", "zh", "zh-TW", "cs", "da", "nl", "en", "en-US", "en-GB", "fi", "fr", "de", "de-CH", "el", "hi", "id",
            "it", "ja", "ko", "lv", "ms", "no", "pl", "pt", "pt-BR", "ro", "ru", "sk", "es", "sv", "th", "uk", "vi",
        ]
        return codes + codes.map { $0 + "," }
    }()

    private static func validateStreaming(_ streaming: JSONObjectReader?) throws {
        guard let streaming else { return }
        if let destination = try streaming.object("destination", required: true, nullable: true) {
            _ = try destination.string("url", required: true)
        }
        _ = try streaming.enumeration("startTrigger", ["none", "prompt", "automatic"], required: true, nullable: true)
    }
}

/// The meeting content the API stores for an organization: what `GET`, `DELETE` and bulk
/// delete act on, and the member that identifies each record.
enum ContentKind: String, Sendable, CaseIterable {
    case recording
    case transcription
    case summary

    /// The member holding a record's identifier: `recordingId`, `transcriptionId`, `summaryId`.
    var idKey: String { "\(rawValue)Id" }
}

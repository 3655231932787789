public import Foundation

/// The records the stand-in starts with: recordings, transcriptions and summaries (which the API
/// can list, read and delete but not make from nothing) and the read-only insights.
///
/// Records are JSON objects served exactly as written, so a fixture can carry fields and enum
/// values the document does not describe. ``standard`` is the bundled `fixture.json`; a fixture of
/// the same shape can be loaded with ``init(json:)``:
///
/// ```json
/// {
///   "recordings": [{"recordingId": "…", "roomSessionId": "…", "filename": "…", …}],
///   "transcriptions": [{"transcriptionId": "…", …}],
///   "summaries": [{"summaryId": "…", …}],
///   "roomInsights": [{"roomName": "/…", …}],
///   "roomSessionInsights": [{"roomSessionId": "…", "roomName": "/…", …}],
///   "participants": [{"roomSessionId": "…", "participantId": "…", …}],
///   "participantDetails": [{"roomSessionId": "…", "participantId": "…", "details": [{…}]}]
/// }
/// ```
///
/// Every list is optional. Each record must be an object with its string identifier
/// (`recordingId`, `transcriptionId`, `summaryId`, `roomName`, `roomSessionId`, `participantId`).
public struct Fixture: Sendable {
    let recordings: [JSONValue]
    let transcriptions: [JSONValue]
    let summaries: [JSONValue]
    let roomInsights: [JSONValue]
    let roomSessionInsights: [JSONValue]
    let participants: [JSONValue]
    let participantDetails: [ParticipantDetails]

    /// Samples of one participant in one session, the answer of `GET /insights/participant`.
    struct ParticipantDetails: Sendable {
        let roomSessionId: String
        let participantId: String
        let details: [JSONValue]
    }

    /// No records at all: every list is empty and every lookup a 404.
    public static let empty = Fixture(
        recordings: [], transcriptions: [], summaries: [],
        roomInsights: [], roomSessionInsights: [], participants: [], participantDetails: []
    )

    /// The bundled fixture: five recordings (one self-hosted), four transcriptions (one `failed`,
    /// one in a state the document does not list, `queued`, with an undocumented `language`
    /// field), three summaries, and insights for three rooms. Its identifiers include the
    /// document's examples, such as recording `a56f6ad7-37fe-4a37-9319-3174630ba57a`.
    public static let standard: Fixture = {
        do {
            guard let url = Bundle.module.url(forResource: "fixture", withExtension: "json") else {
                throw FixtureError(message: "fixture.json is missing from the WherebyMock resources")
            }
            return try Fixture(json: Data(contentsOf: url))
        } catch {
            // The bundled file is part of this package, not input; the test suite loads it.
            preconditionFailure("the bundled fixture.json is invalid: \(error)")
        }
    }()

    /// Reads a fixture from JSON of the shape shown above.
    /// - Throws: ``FixtureError`` naming the first record that is not usable.
    public init(json data: Data) throws {
        let root: JSONValue
        do {
            root = try JSONValue(parsing: data)
        } catch {
            throw FixtureError(message: "the fixture is not valid JSON")
        }
        guard case .object = root else {
            throw FixtureError(message: "the fixture must be a JSON object")
        }
        func records(_ list: String, identifiedBy keys: String...) throws -> [JSONValue] {
            guard let value = root[list] else { return [] }
            guard let records = value.arrayValue else {
                throw FixtureError(message: "\(list) must be an array")
            }
            for (index, record) in records.enumerated() {
                for key in keys where record[key]?.stringValue == nil {
                    throw FixtureError(message: "\(list)[\(index)] needs a string \"\(key)\"")
                }
            }
            return records
        }
        self.recordings = try records("recordings", identifiedBy: "recordingId")
        self.transcriptions = try records("transcriptions", identifiedBy: "transcriptionId")
        self.summaries = try records("summaries", identifiedBy: "summaryId")
        self.roomInsights = try records("roomInsights", identifiedBy: "roomName")
        self.roomSessionInsights = try records("roomSessionInsights", identifiedBy: "roomSessionId", "roomName")
        self.participants = try records("participants", identifiedBy: "roomSessionId", "participantId")
        self.participantDetails = try records("participantDetails", identifiedBy: "roomSessionId", "participantId")
            .enumerated()
            .map { index, entry in
                guard
                    let roomSessionId = entry["roomSessionId"]?.stringValue,
                    let participantId = entry["participantId"]?.stringValue,
                    let details = entry["details"]?.arrayValue
                else {
                    throw FixtureError(message: "participantDetails[\(index)] needs a \"details\" array")
                }
                return ParticipantDetails(roomSessionId: roomSessionId, participantId: participantId, details: details)
            }
    }

    private init(
        recordings: [JSONValue], transcriptions: [JSONValue], summaries: [JSONValue],
        roomInsights: [JSONValue], roomSessionInsights: [JSONValue], participants: [JSONValue],
        participantDetails: [ParticipantDetails]
    ) {
        self.recordings = recordings
        self.transcriptions = transcriptions
        self.summaries = summaries
        self.roomInsights = roomInsights
        self.roomSessionInsights = roomSessionInsights
        self.participants = participants
        self.participantDetails = participantDetails
    }
}

/// A fixture that cannot be used, with the reason.
public struct FixtureError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, naming the list and index of the offending record.
    public let message: String

    public var description: String { message }
}

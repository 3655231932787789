/// Everything the stand-in remembers between requests: meetings, meeting content and room
/// themes, all in memory and gone when the process ends.
actor MockStore {
    private var nextSequence = 0
    private var meetings = RecordTable<Meeting>()
    private var content: [ContentKind: RecordTable<JSONValue>] = [:]
    /// Theme settings by room name, then by the path segment that set them (`tokens`, `logo`, …).
    private var themes: [String: [String: ThemeSetting]] = [:]

    /// A room's theme as last set through one of the `/rooms/{roomName}/theme/…` operations.
    enum ThemeSetting: Sendable {
        case image(UploadedImage)
        case json(JSONValue)
    }

    init(fixture: Fixture) {
        let seeds: [(ContentKind, [JSONValue])] = [
            (.recording, fixture.recordings),
            (.transcription, fixture.transcriptions),
            (.summary, fixture.summaries),
        ]
        for (kind, records) in seeds {
            var table = RecordTable<JSONValue>()
            for record in records {
                guard let id = record[kind.idKey]?.stringValue else { continue }
                table.insert(record, id: id, sequence: nextSequence)
                nextSequence += 1
            }
            content[kind] = table
        }
    }

    private func takeSequence() -> Int {
        defer { nextSequence += 1 }
        return nextSequence
    }

    // MARK: Meetings

    /// Stores `meeting` unless its room name is already taken; `false` asks the caller to draw
    /// another name.
    func insert(_ meeting: Meeting) -> Bool {
        guard !meetings.all.contains(where: { $0.record.roomName == meeting.roomName }) else { return false }
        meetings.insert(meeting, id: meeting.meetingId, sequence: takeSequence())
        return true
    }

    func meeting(id: String) -> Meeting? {
        meetings[id]
    }

    func allMeetings() -> [Sequenced<Meeting>] {
        meetings.all
    }

    func removeMeeting(id: String) {
        meetings.remove(id: id)
    }

    // MARK: Recordings, transcriptions and summaries

    func record(_ kind: ContentKind, id: String) -> JSONValue? {
        content[kind]?[id]
    }

    func records(_ kind: ContentKind) -> [Sequenced<JSONValue>] {
        content[kind]?.all ?? []
    }

    /// Stores `record` under its identifier member.
    func insert(_ record: JSONValue, as kind: ContentKind) {
        guard let id = record[kind.idKey]?.stringValue else { return }
        content[kind, default: RecordTable()].insert(record, id: id, sequence: takeSequence())
    }

    /// Removes the records with these identifiers; unknown ones are ignored, as the API's
    /// deletes are idempotent.
    func remove(_ kind: ContentKind, ids: [String]) {
        for id in ids {
            content[kind]?.remove(id: id)
        }
    }

    // MARK: Room themes

    func setTheme(_ setting: ThemeSetting, for segment: String, roomName: String) {
        themes[roomName, default: [:]][segment] = setting
    }

    func themeSetting(for segment: String, roomName: String) -> ThemeSetting? {
        themes[roomName]?[segment]
    }
}

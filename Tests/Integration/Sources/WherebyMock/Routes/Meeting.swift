import Foundation

/// A transient room made by `POST /meetings`.
struct Meeting: Sendable {
    /// The optional URLs a client asks for through `fields`.
    enum Field: String, Sendable, CaseIterable {
        case hostRoomUrl
        case viewerRoomUrl
    }

    let meetingId: String
    /// `/` + optional prefix and `-` + the generated part: `/standup-3f0c8b32-…`.
    let roomName: String
    /// `https://<subdomain>.whereby.com/<roomName without the slash>`.
    let roomUrl: String
    let hostRoomKey: String
    let viewerRoomKey: String
    let startDate: Date
    let endDate: Date
    let isLocked: Bool
    let roomMode: String
    /// Fields the meeting always shows: both URLs for a `viewerMode` template, as the document
    /// says that template adds them to the response.
    let alwaysIncludedFields: Set<Field>

    /// The meeting as the API returns it, with the optional URLs asked for in `fields`.
    func json(fields: Set<Field>) -> JSONValue {
        var members: [String: JSONValue] = [
            "meetingId": .string(meetingId),
            "roomName": .string(roomName),
            "roomUrl": .string(roomUrl),
            "startDate": .string(Timestamp.format(startDate)),
            "endDate": .string(Timestamp.format(endDate)),
        ]
        let shown = fields.union(alwaysIncludedFields)
        if shown.contains(.hostRoomUrl) {
            members["hostRoomUrl"] = .string("\(roomUrl)?roomKey=\(hostRoomKey)")
        }
        if shown.contains(.viewerRoomUrl) {
            members["viewerRoomUrl"] = .string("\(roomUrl)?roomKey=\(viewerRoomKey)")
        }
        return .object(members)
    }
}

import Foundation
import Hummingbird

/// `/recordings`: list, get, delete, bulk delete and access links; recordings come from the fixture.
extension MockAPI {
    func addRecordingRoutes(to group: RouterGroup<Context>) {
        group.get("recordings") { request, _ in
            try await listRecords(
                .recording,
                request,
                sortFields: ["roomName", "startDate", "duration", "sizeInMegaBytes"],
                filtersByRoomName: true,
                derivedSortKey: { field, record in field == "duration" ? Self.durationInSeconds(record) : nil }
            )
        }
        group.get("recordings/{recordingId}") { _, context in try await getRecord(.recording, context) }
        group.delete("recordings/{recordingId}") { _, context in try await deleteRecord(.recording, context) }
        group.get("recordings/{recordingId}/access-link") { request, context in
            try await accessLink(.recording, request, context)
        }
        group.post("recordings/bulk-delete") { request, context in
            try await bulkDeleteRecords(.recording, request, context)
        }
    }

    /// Seconds between a record's `startDate` and `endDate`: recordings have no duration member
    /// but the document lets them be sorted by `duration`.
    static func durationInSeconds(_ record: JSONValue) -> JSONValue {
        guard
            let start = record["startDate"]?.stringValue.flatMap(Timestamp.parse),
            let end = record["endDate"]?.stringValue.flatMap(Timestamp.parse)
        else { return .null }
        return .number(end.timeIntervalSince(start))
    }
}

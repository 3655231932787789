import Foundation
import Hummingbird

/// `/transcriptions`: create from a recording, list, get, delete, bulk delete and access links.
extension MockAPI {
    func addTranscriptionRoutes(to group: RouterGroup<Context>) {
        group.post("transcriptions") { request, context in try await createTranscription(request, context) }
        group.get("transcriptions") { request, _ in
            try await listRecords(
                .transcription,
                request,
                sortFields: ["roomName", "startDate", "durationInSeconds"],
                filtersByRoomName: true
            )
        }
        group.get("transcriptions/{transcriptionId}") { _, context in try await getRecord(.transcription, context) }
        group.delete("transcriptions/{transcriptionId}") { _, context in try await deleteRecord(.transcription, context) }
        group.get("transcriptions/{transcriptionId}/access-link") { request, context in
            try await accessLink(.transcription, request, context)
        }
        group.post("transcriptions/bulk-delete") { request, context in
            try await bulkDeleteRecords(.transcription, request, context)
        }
    }

    /// `POST /transcriptions` with `{"recordingId": ...}`: 201 with `{"transcriptionId": ...}`;
    /// 404 for an unknown recording.
    ///
    /// The job finishes at once: the new transcription is `ready`, so tests need not poll.
    private func createTranscription(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let body = try JSONObjectReader(body: await request.jsonBody(context: context))
        guard let recordingId = try body.string("recordingId", required: true) else {
            throw MockError.badRequest("recordingId is required")
        }
        guard let recording = await store.record(.recording, id: recordingId) else {
            throw MockError.notFound("recording \(recordingId) not found")
        }
        let transcriptionId = UUID().uuidString.lowercased()
        let baseName = recording["filename"]?.stringValue.map { ($0 as NSString).deletingPathExtension } ?? recordingId
        let transcription: JSONValue = [
            "transcriptionId": .string(transcriptionId),
            "roomSessionId": recording["roomSessionId"] ?? .null,
            "roomName": recording["roomName"] ?? "",
            "filename": .string("\(baseName).md"),
            "startDate": recording["startDate"] ?? .null,
            "endDate": recording["endDate"] ?? .null,
            "state": "ready",
            "createdAt": .string(Timestamp.format(configuration.now())),
            "durationInSeconds": Self.durationInSeconds(recording),
            "type": "RECORDING_TRANSCRIPTION",
            "storageType": "WHEREBY_HOSTED",
        ]
        await store.insert(transcription, as: .transcription)
        return try Response.json(["transcriptionId": .string(transcriptionId)], status: .created)
    }
}

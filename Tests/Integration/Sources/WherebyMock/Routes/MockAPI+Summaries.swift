import Foundation
import Hummingbird

/// `/summaries`: create from a transcription, list, get and delete.
extension MockAPI {
    /// The summary templates the document lists.
    static let summaryTemplates = [
        "SOAP", "Extended SOAP", "General Narrative", "General Bulleted", "Educational Lecture", "Educational Tutoring",
    ]

    func addSummaryRoutes(to group: RouterGroup<Context>) {
        group.post("summaries") { request, context in try await createSummary(request, context) }
        group.get("summaries") { request, _ in
            try await listRecords(
                .summary,
                request,
                sortFields: ["roomName", "startDate", "durationInSeconds"],
                filtersByRoomName: false
            )
        }
        group.get("summaries/{summaryId}") { _, context in try await getRecord(.summary, context) }
        group.delete("summaries/{summaryId}") { _, context in try await deleteRecord(.summary, context) }
    }

    /// `POST /summaries` with `{"transcriptionId": ..., "template": ...}`: 201 with
    /// `{"summaryId": ...}`; 404 for an unknown transcription. The summary is `completed` at once.
    private func createSummary(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let body = try JSONObjectReader(body: await request.jsonBody(context: context))
        guard let transcriptionId = try body.string("transcriptionId", required: true) else {
            throw MockError.badRequest("transcriptionId is required")
        }
        let template = try body.enumeration("template", Self.summaryTemplates) ?? "General Narrative"
        guard let transcription = await store.record(.transcription, id: transcriptionId) else {
            throw MockError.notFound("transcription \(transcriptionId) not found")
        }
        let summaryId = UUID().uuidString.lowercased()
        let now = JSONValue.string(Timestamp.format(configuration.now()))
        let roomName = transcription["roomName"]?.stringValue ?? "the room"
        let summary: JSONValue = [
            "summaryId": .string(summaryId),
            "transcriptionId": .string(transcriptionId),
            "summary": ["summary": .string("\(template) summary of the session in \(roomName), made by whereby-mock.")],
            "roomSessionId": transcription["roomSessionId"] ?? .null,
            "roomName": transcription["roomName"] ?? "",
            "startDate": transcription["startDate"] ?? .null,
            "endDate": transcription["endDate"] ?? .null,
            "state": "completed",
            "createdAt": now,
            "modifiedAt": now,
            "template": .string(template),
        ]
        await store.insert(summary, as: .summary)
        return try Response.json(["summaryId": .string(summaryId)], status: .created)
    }
}

import Foundation
import Hummingbird

/// `/meetings`: create, list, get and delete transient rooms.
extension MockAPI {
    func addMeetingRoutes(to group: RouterGroup<Context>) {
        group.post("meetings") { request, context in try await createMeeting(request, context) }
        group.get("meetings") { request, context in try await listMeetings(request, context) }
        group.get("meetings/{meetingId}") { request, context in try await getMeeting(request, context) }
        group.delete("meetings/{meetingId}") { _, context in try await deleteMeeting(context) }
    }

    /// `POST /meetings`: 201 with the meeting, `hostRoomUrl`/`viewerRoomUrl` when `fields` asks.
    private func createMeeting(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let now = configuration.now()
        let body = try CreateMeetingRequest(body: await request.jsonBody(context: context), now: now)
        // A clash of random names is vanishingly rare for uuids but possible for six characters.
        for _ in 0..<16 {
            let generated = RoomNameGenerator.name(pattern: body.roomNamePattern)
            let roomName = "/" + (body.roomNamePrefix.isEmpty ? generated : "\(body.roomNamePrefix)-\(generated)")
            let meeting = Meeting(
                meetingId: UUID().uuidString.lowercased(),
                roomName: roomName,
                roomUrl: "https://\(configuration.subdomain).whereby.com\(roomName)",
                hostRoomKey: RoomNameGenerator.token(length: 32),
                viewerRoomKey: RoomNameGenerator.token(length: 32),
                startDate: now,
                endDate: body.endDate,
                isLocked: body.isLocked,
                roomMode: body.roomMode,
                alwaysIncludedFields: body.templateType == "viewerMode" ? Set(Meeting.Field.allCases) : []
            )
            if await store.insert(meeting) {
                return try Response.json(meeting.json(fields: body.fields), status: .created)
            }
        }
        throw MockError(.internalServerError, "no free room name for the pattern \(body.roomNamePattern)")
    }

    /// `GET /meetings`: the organization's meetings, oldest first.
    private func listMeetings(_ request: Request, _ context: Context) async throws -> Response {
        let query = try QueryParameters(request.uri.query)
        let fields = try meetingFields(query)
        let paginator = try paginator(query, defaultLimit: 50)
        let page = try paginator.page(of: await store.allMeetings(), after: query.string("cursor")) { _ in .null }
        return try Response.json(Paginator.body(results: page.items.map { $0.json(fields: fields) }, cursor: page.cursor))
    }

    /// `GET /meetings/{meetingId}`: 404 when there is no such meeting.
    private func getMeeting(_ request: Request, _ context: Context) async throws -> Response {
        let meetingId = try pathParameter("meetingId", in: context)
        let fields = try meetingFields(QueryParameters(request.uri.query))
        guard let meeting = await store.meeting(id: meetingId) else {
            throw MockError.notFound("meeting \(meetingId) not found")
        }
        return try Response.json(meeting.json(fields: fields))
    }

    /// `DELETE /meetings/{meetingId}`: 204, whether or not the meeting existed.
    private func deleteMeeting(_ context: Context) async throws -> Response {
        await store.removeMeeting(id: try pathParameter("meetingId", in: context))
        return .noContent
    }

    /// The `fields` query parameter: form style, so `fields=hostRoomUrl,viewerRoomUrl`.
    private func meetingFields(_ query: QueryParameters) throws -> Set<Meeting.Field> {
        try Set(
            query.list("fields").map { name in
                guard let field = Meeting.Field(rawValue: name) else {
                    let allowed = Meeting.Field.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                    throw MockError.badRequest("fields must contain only \(allowed), got \"\(name)\"")
                }
                return field
            }
        )
    }
}

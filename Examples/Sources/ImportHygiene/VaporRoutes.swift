import Vapor
import WherebyAPI

// Vapor's `Request` and `Response` unqualified, beside WherebyAPI.
func vaporRoutes(_ app: Application, whereby: WherebyClient) {
    app.get("meetings", ":id") { (request: Request) async throws -> Response in
        let meeting = try await whereby.getMeeting(meetingId: request.parameters.get("id") ?? "")
        return Response(status: .ok, body: .init(string: meeting.meetingId))
    }
}

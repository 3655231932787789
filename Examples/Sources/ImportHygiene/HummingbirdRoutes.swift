import Hummingbird
import WherebyAPI

// Hummingbird's `Request`, `Response` and `Router` unqualified, beside WherebyAPI.
func hummingbirdRoutes(whereby: WherebyClient) -> Router<BasicRequestContext> {
    let router = Router()
    router.get("meetings/:id") { (request: Request, context: BasicRequestContext) async throws -> Response in
        let meeting = try await whereby.getMeeting(meetingId: context.parameters.get("id") ?? "")
        _ = request.uri
        return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: meeting.meetingId)))
    }
    return router
}

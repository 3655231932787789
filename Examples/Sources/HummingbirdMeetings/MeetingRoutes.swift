import Foundation
import Hummingbird
import Logging
import WherebyAPI

/// `POST /meetings` and `DELETE /meetings/:id`: the service's API, each a call to Whereby.
struct MeetingRoutes: Sendable {
    /// `POST /meetings`'s body: who the meeting is for, and for how long.
    struct CreateRequest: Decodable, Sendable {
        /// The user who hosts the meeting; your app would take it from its session instead.
        let userId: String
        /// How long the meeting lasts, 1 to 1440 minutes; 60 when absent.
        let durationMinutes: Int?
    }

    /// `POST /meetings`'s answer: where guests and the host join, and the ID to delete it by.
    struct CreatedMeeting: ResponseEncodable, Sendable {
        let roomUrl: String
        let hostRoomUrl: String?
        let meetingId: String
    }

    let whereby: WherebyClient

    func add(to router: Router<ServiceRequestContext>) {
        router.post("meetings") { request, context in
            try await create(request, context: context)
        }
        router.delete("meetings/:id") { _, context in
            try await delete(context: context)
        }
    }

    /// Creates a meeting that ends after the requested duration, with a host link for the user.
    func create(_ request: Request, context: ServiceRequestContext) async throws -> EditedResponse<CreatedMeeting> {
        let body = try await request.decode(as: CreateRequest.self, context: context)
        let userId = body.userId.trimmingCharacters(in: .whitespaces)
        guard !userId.isEmpty else {
            throw HTTPError(.badRequest, message: "userId must not be empty")
        }
        let minutes = body.durationMinutes ?? 60
        guard (1...1440).contains(minutes) else {
            throw HTTPError(.badRequest, message: "durationMinutes must be 1 to 1440, got \(minutes)")
        }
        do {
            let meeting = try await whereby.createMeeting(.init(
                endDate: Date().addingTimeInterval(TimeInterval(minutes * 60)),
                roomMode: .normal,
                fields: [.hostRoomUrl]
            ))
            // A real app would store who owns the meeting, to check it before deleting.
            context.logger.info("created meeting", metadata: ["meetingId": "\(meeting.meetingId)", "userId": "\(userId)"])
            return EditedResponse(
                status: .created,
                response: CreatedMeeting(roomUrl: meeting.roomUrl, hostRoomUrl: meeting.hostRoomUrl, meetingId: meeting.meetingId)
            )
        } catch let error as WherebyError {
            throw HTTPError(error, logger: context.logger)
        }
    }

    /// Deletes a meeting; deleting one that is already gone succeeds too, as with Whereby.
    func delete(context: ServiceRequestContext) async throws -> HTTPResponse.Status {
        let meetingId = try context.parameters.require("id")
        do {
            try await whereby.deleteMeeting(meetingId: meetingId)
            context.logger.info("deleted meeting", metadata: ["meetingId": "\(meetingId)"])
            return .noContent
        } catch let error as WherebyError {
            throw HTTPError(error, logger: context.logger)
        }
    }
}

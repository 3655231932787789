import Foundation
import Logging
import Tracing
import Vapor
import WherebyAPI

/// `POST /meetings` and `DELETE /meetings/:meetingId`: the service's API, each a call to Whereby.
struct MeetingController: RouteCollection {
    /// `POST /meetings`'s body: who the meeting is for, and for how long.
    struct CreateRequest: Content {
        /// The user who hosts the meeting; your app would take it from its session instead.
        let userId: String
        /// How long the meeting lasts, 1 to 1440 minutes; 60 when absent.
        let durationMinutes: Int?
    }

    /// `POST /meetings`'s answer: where guests and the host join, and the ID to delete it by.
    struct CreatedMeeting: Content {
        let roomUrl: String
        let hostRoomUrl: String?
        let meetingId: String
    }

    func boot(routes: any RoutesBuilder) throws {
        let meetings = routes.grouped("meetings")
        meetings.post(use: create)
        meetings.delete(":meetingId", use: delete)
    }

    /// Creates a meeting that ends after the requested duration, with a host link for the user.
    @Sendable
    func create(request: Request) async throws -> Response {
        let body = try request.content.decode(CreateRequest.self)
        let userId = body.userId.trimmingCharacters(in: .whitespaces)
        guard !userId.isEmpty else {
            throw Abort(.badRequest, reason: "userId must not be empty")
        }
        let minutes = body.durationMinutes ?? 60
        guard (1...1440).contains(minutes) else {
            throw Abort(.badRequest, reason: "durationMinutes must be 1 to 1440, got \(minutes)")
        }
        do {
            let meeting = try await inTrace(of: request) {
                try await request.application.whereby.createMeeting(.init(
                    endDate: Date().addingTimeInterval(TimeInterval(minutes * 60)),
                    roomMode: .normal,
                    fields: [.hostRoomUrl]
                ))
            }
            // A real app would store who owns the meeting, to check it before deleting.
            request.logger.info("created meeting", metadata: ["meetingId": "\(meeting.meetingId)", "userId": "\(userId)"])
            return try await CreatedMeeting(roomUrl: meeting.roomUrl, hostRoomUrl: meeting.hostRoomUrl, meetingId: meeting.meetingId)
                .encodeResponse(status: .created, for: request)
        } catch let error as WherebyError {
            throw Abort(error, logger: request.logger)
        }
    }

    /// Deletes a meeting; deleting one that is already gone succeeds too, as with Whereby.
    @Sendable
    func delete(request: Request) async throws -> HTTPStatus {
        let meetingId = try request.parameters.require("meetingId")
        do {
            try await inTrace(of: request) {
                try await request.application.whereby.deleteMeeting(meetingId: meetingId)
            }
            request.logger.info("deleted meeting", metadata: ["meetingId": "\(meetingId)"])
            return .noContent
        } catch let error as WherebyError {
            throw Abort(error, logger: request.logger)
        }
    }

    /// Runs `call` in the request's trace: Vapor's `TracingMiddleware` keeps the request's span in
    /// `request.serviceContext` rather than in the task, so a call to Whereby made without this
    /// would start a trace of its own.
    private func inTrace<T>(of request: Request, _ call: () async throws -> T) async throws -> T {
        try await ServiceContext.withValue(request.serviceContext) {
            try await call()
        }
    }
}

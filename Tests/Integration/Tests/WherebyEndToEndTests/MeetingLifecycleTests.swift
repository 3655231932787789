import Foundation
import Testing
import WherebyAPI
import WherebyMock

/// Meetings made, read, listed and deleted over loopback HTTP, the way the README's quickstart uses
/// them.
@Suite struct MeetingLifecycleTests {
    @Test func createsGetsListsEveryPageAndDeletesMeetings() async throws {
        // Pages of two: five meetings take three pages, the last with `cursor: null`.
        try await withStandIn(.init(rateLimit: .growPlan, pageSize: 2)) { standIn in
            let whereby = standIn.client()
            var created: [Meeting] = []
            for index in 0..<5 {
                created.append(try await whereby.createMeeting(.init(endDate: inAnHour(), roomNamePrefix: "standup\(index)")))
            }
            #expect(Set(created.map(\.meetingId)).count == 5)

            for meeting in created {
                let fetched = try await whereby.getMeeting(meetingId: meeting.meetingId)
                #expect(fetched.meetingId == meeting.meetingId)
                #expect(fetched.roomUrl == meeting.roomUrl)
                #expect(fetched.roomName?.hasPrefix("/standup") == true)
            }

            var listed: [String] = []
            for try await meeting in whereby.allMeetings() {
                listed.append(meeting.meetingId)
            }
            #expect(listed == created.map(\.meetingId))
            #expect(standIn.log.count("listMeetings") == 3)

            for meeting in created {
                try await whereby.deleteMeeting(meetingId: meeting.meetingId)
            }
            // Deleting a meeting that is already gone succeeds too.
            try await whereby.deleteMeeting(meetingId: created[0].meetingId)
            await #expect(throws: WherebyError.self) {
                _ = try await whereby.getMeeting(meetingId: created[0].meetingId)
            }
            var remaining = 0
            for try await _ in whereby.allMeetings() { remaining += 1 }
            #expect(remaining == 0)
        }
    }

    @Test func hostRoomUrlIsPresentOnlyWhenAskedForThroughFields() async throws {
        try await withStandIn { standIn in
            let whereby = standIn.client()
            let plain = try await whereby.createMeeting(.init(endDate: inAnHour()))
            #expect(plain.hostRoomUrl == nil)
            #expect(plain.viewerRoomUrl == nil)

            let withHost = try await whereby.createMeeting(.init(endDate: inAnHour(), fields: [.hostRoomUrl]))
            let hostRoomUrl = try #require(withHost.hostRoomUrl)
            #expect(hostRoomUrl.hasPrefix(withHost.roomUrl + "?roomKey="))
            #expect(withHost.viewerRoomUrl == nil)

            #expect(try await whereby.getMeeting(meetingId: plain.meetingId).hostRoomUrl == nil)
            #expect(try await whereby.getMeeting(meetingId: plain.meetingId, fields: [.hostRoomUrl]).hostRoomUrl != nil)
            #expect(try await whereby.getMeeting(meetingId: withHost.meetingId).hostRoomUrl == nil)

            var hostURLs: [String?] = []
            for try await meeting in whereby.allMeetings(fields: [.hostRoomUrl]) {
                hostURLs.append(meeting.hostRoomUrl)
            }
            #expect(hostURLs.count == 2)
            #expect(hostURLs.allSatisfy { $0 != nil })
        }
    }
}

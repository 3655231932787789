import Foundation
import Testing
import WherebyAPI
import WherebyMock

/// Arguments that break the document's constraints fail on the client: nothing reaches the server
/// and no points are spent.
@Suite struct ValidationBeforeSendingTests {
    @Test func aLimitOutOfRangeFailsBeforeReachingTheServer() async throws {
        try await withStandIn { standIn in
            let whereby = standIn.client()
            do {
                _ = try await whereby.listMeetings(limit: 500)
                Issue.record("expected the limit to be refused")
            } catch WherebyError.invalidRequest(let operation, let reason) {
                #expect(operation == "listMeetings")
                #expect(reason == "'limit': must be at most 100, got 500")
            }
            var pages = whereby.allMeetings(pageSize: 500).makeAsyncIterator()
            await #expect(throws: WherebyError.self) { _ = try await pages.next() }
            #expect(standIn.log.entries.isEmpty)

            // The same call within the limit does reach the server.
            _ = try await whereby.listMeetings(limit: 100)
            #expect(standIn.log.entries.map(\.status) == [200])
        }
    }

    @Test func aBadColourFailsBeforeReachingTheServer() async throws {
        try await withStandIn { standIn in
            let whereby = standIn.client()
            do {
                try await whereby.setRoomColors(roomName: "/team-sync", .init(tokens: .init(colors: .init(primary: "blue"))))
                Issue.record("expected the colour to be refused")
            } catch WherebyError.invalidRequest(let operation, let reason) {
                #expect(operation == "setRoomColors")
                #expect(reason == "'body.tokens.colors.primary': must match the pattern #[a-fA-F0-9]{6}")
            }
            #expect(standIn.log.entries.isEmpty)

            try await whereby.setRoomColors(roomName: "/team-sync", .init(tokens: .init(colors: .init(primary: "#3366FF"))))
            #expect(standIn.log.entries.map(\.status) == [204])
        }
    }
}

import Foundation
import Testing
import WherebyAPI
import WherebyMock

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The client and the stand-in enforce the docs' rules alike, and what the docs say can be
/// missing decodes: over HTTP on loopback.
@Suite struct DocumentedRulesTests {
    /// Prefixes the docs allow (lowercase, spaces removed, at most 39 characters, and the docs'
    /// own example with a hyphen) and prefixes they do not.
    static let prefixes: [(prefix: String, allowed: Bool)] = [
        ("example-prefix", true),
        ("standup", true),
        ("team sync 2", true),
        ("", true),
        (String(repeating: "a", count: 39), true),
        (String(repeating: "a", count: 40), false),
        ("Example", false),
        ("team_sync", false),
        ("prefix!", false),
        ("café", false),
        ("a/b", false),
    ]

    /// Posts a meeting with `prefix` straight to the stand-in, past the client's checks.
    func standInStatus(_ standIn: StandIn, prefix: String) async throws -> Int {
        var request = URLRequest(url: standIn.baseURL.appendingPathComponent("meetings"))
        request.httpMethod = "POST"
        request.setValue("Bearer \(WherebyMockServer.Configuration.developmentAPIKey)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let body: [String: String] = ["endDate": "2099-01-01T00:00:00Z", "roomNamePrefix": prefix]
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        let (_, response) = try await URLSession.shared.data(for: request)
        return try #require(response as? HTTPURLResponse).statusCode
    }

    @Test func clientAndStandInAcceptAndRejectTheSameRoomNamePrefixes() async throws {
        try await withStandIn { standIn in
            let whereby = standIn.client()
            for sample in Self.prefixes {
                let clientAccepts: Bool
                do {
                    let meeting = try await whereby.createMeeting(.init(endDate: inAnHour(), roomNamePrefix: sample.prefix))
                    clientAccepts = true
                    let expected = sample.prefix.replacingOccurrences(of: " ", with: "")
                    #expect(meeting.roomName?.hasPrefix("/" + expected) == true, "\(sample.prefix)")
                } catch WherebyError.invalidRequest(let operation, let reason) {
                    clientAccepts = false
                    #expect(operation == "createMeeting")
                    #expect(reason.hasPrefix("'body.roomNamePrefix': "), "\(reason)")
                }
                let status = try await standInStatus(standIn, prefix: sample.prefix)
                #expect(clientAccepts == sample.allowed, "client, \"\(sample.prefix)\"")
                #expect(status == (sample.allowed ? 201 : 400), "stand-in, \"\(sample.prefix)\"")
            }
        }
    }

    @Test func participantsAreFoundByExternalIDAndNeitherIDIsRefusedByBoth() async throws {
        try await withStandIn { standIn in
            let whereby = standIn.client()
            var found: [String] = []
            for try await participant in whereby.allParticipants(externalId: "ext-ada") {
                found.append(participant.displayName)
            }
            #expect(found == ["Ada Lovelace", "Ada Lovelace"])

            // The client refuses a call with neither ID without sending it; the stand-in refuses it too.
            let sentBefore = standIn.log.entries.count
            await #expect(throws: WherebyError.self) { _ = try await whereby.listParticipants() }
            #expect(standIn.log.entries.count == sentBefore)
            var request = URLRequest(url: standIn.baseURL.appendingPathComponent("insights/participants"))
            request.setValue("Bearer \(WherebyMockServer.Configuration.developmentAPIKey)", forHTTPHeaderField: "Authorization")
            let (_, response) = try await URLSession.shared.data(for: request)
            #expect(try #require(response as? HTTPURLResponse).statusCode == 400)
        }
    }

    @Test func aSessionStillGoingOnWithAParticipantWhoHasNotLeftDecodes() async throws {
        try await withStandIn { standIn in
            let whereby = standIn.client()
            let page = try await whereby.listParticipants(roomSessionId: "fffcdc81-9065-5c24-8578-2c52cd8df989", sortBy: "joinedAt:asc")
            let participants = page.results ?? []
            #expect(participants.map(\.displayName) == ["Margaret Hamilton", "Barbara Liskov"])
            #expect(participants.first?.leftAt == nil)
            #expect(participants.first?.externalId == "ext-margaret")
            #expect(participants.last?.leftAt != nil)
            #expect(participants.last?.externalId == nil)

            let sessions = try await whereby.listRoomSessionInsights(roomName: "/team-sync").results ?? []
            #expect(sessions.count == 1)
            #expect(sessions.first?.endedAt == nil)
        }
    }

    @Test func accessLinksExpireAtTheDateTheStandInSet() async throws {
        try await withStandIn { standIn in
            let before = Date()
            let link = try await standIn.client().getRecordingAccessLink(recordingId: "a56f6ad7-37fe-4a37-9319-3174630ba57a", validForSeconds: 600)
            #expect(link.expires.timeIntervalSince(before) > 590)
            #expect(link.expires.timeIntervalSince(before) < 700)
        }
    }
}

import Foundation
import Hummingbird

/// `/insights`: read-only usage data for rooms, sessions and participants, from the fixture.
extension MockAPI {
    func addInsightRoutes(to group: RouterGroup<Context>) {
        group.get("insights/rooms") { request, _ in try roomInsights(request) }
        group.get("insights/room-sessions") { request, _ in try roomSessionInsights(request) }
        group.get("insights/participants") { request, _ in try participants(request) }
        group.get("insights/participant") { request, _ in try participantDetails(request) }
    }

    /// `GET /insights/rooms`: filtered by `roomName[exact|startsWith|contains]` and
    /// `createdAt[from|to]` (deepObject), 10 to a page by default.
    private func roomInsights(_ request: Request) throws -> Response {
        let query = try QueryParameters(request.uri.query)
        let name = try query.deepObject("roomName", allowed: ["exact", "startsWith", "contains"])
        let created = try query.deepObject("createdAt", allowed: ["from", "to"])
        let from = try created["from"].map { try Self.dateTime($0, parameter: "createdAt[from]") }
        let to = try created["to"].map { try Self.dateTime($0, parameter: "createdAt[to]") }
        let order = try SortOrder(
            sortBy: query.string("sortBy"),
            allowed: [
                "roomName", "createdAt", "endAt", "firstSessionStartedAt", "lastSessionStartedAt",
                "totalParticipantMinutes", "totalRecorderMinutes", "totalStreamerMinutes", "totalUniqueParticipants",
                "totalUniqueRecorders", "totalUniqueStreamers", "totalSessions", "rating", "totalRatings",
            ]
        )
        let rooms = configuration.fixture.roomInsights.filter { room in
            let roomName = room["roomName"]?.stringValue ?? ""
            let createdAt = room["createdAt"]?.stringValue.flatMap(Timestamp.parse)
            if let exact = name["exact"], roomName != exact { return false }
            if let prefix = name["startsWith"], !roomName.hasPrefix(prefix) { return false }
            if let part = name["contains"], !roomName.contains(part) { return false }
            if let from, createdAt.map({ $0 < from }) ?? true { return false }
            if let to, createdAt.map({ $0 > to }) ?? true { return false }
            return true
        }
        return try page(of: rooms, query: query, order: order)
    }

    /// `GET /insights/room-sessions?roomName=`: the sessions of one room.
    private func roomSessionInsights(_ request: Request) throws -> Response {
        let query = try QueryParameters(request.uri.query)
        let roomName = try query.requiredString("roomName")
        let roomSessionId = query.string("roomSessionId")
        let order = try SortOrder(
            sortBy: query.string("sortBy"),
            allowed: [
                "roomSessionId", "roomName", "createdAt", "endAt", "startedAt", "endedAt", "totalParticipantMinutes",
                "totalRecorderMinutes", "totalStreamerMinutes", "totalUniqueParticipants", "totalUniqueRecorders",
                "totalUniqueStreamers", "rating", "totalRatings",
            ]
        )
        let sessions = configuration.fixture.roomSessionInsights.filter { session in
            session["roomName"]?.stringValue == roomName
                && (roomSessionId == nil || session["roomSessionId"]?.stringValue == roomSessionId)
        }
        return try page(of: sessions, query: query, order: order)
    }

    /// `GET /insights/participants`: by `roomSessionId` or `externalId`, one of which is required.
    private func participants(_ request: Request) throws -> Response {
        let query = try QueryParameters(request.uri.query)
        let roomSessionId = query.string("roomSessionId")
        let externalId = query.string("externalId")
        guard roomSessionId != nil || externalId != nil else {
            throw MockError.badRequest("roomSessionId or externalId is required")
        }
        let order = try SortOrder(sortBy: query.string("sortBy"), allowed: ["joinedAt", "leftAt"])
        let participants = configuration.fixture.participants.filter { participant in
            (roomSessionId == nil || participant["roomSessionId"]?.stringValue == roomSessionId)
                && (externalId == nil || participant["externalId"]?.stringValue == externalId)
        }
        return try page(of: participants, query: query, order: order)
    }

    /// `GET /insights/participant?roomSessionId=&participantId=`: the participant's samples, an
    /// empty array for an unknown pair (the document lists no 404 here).
    private func participantDetails(_ request: Request) throws -> Response {
        let query = try QueryParameters(request.uri.query)
        let roomSessionId = try query.requiredString("roomSessionId")
        let participantId = try query.requiredString("participantId")
        let entry = configuration.fixture.participantDetails.first {
            $0.roomSessionId == roomSessionId && $0.participantId == participantId
        }
        return try Response.json(.array(entry?.details ?? []))
    }

    /// A page of fixture records, which are ordered by their place in the fixture.
    private func page(of records: [JSONValue], query: QueryParameters, order: SortOrder) throws -> Response {
        let paginator = try paginator(query, defaultLimit: 10, order: order)
        let sequenced = records.enumerated().map { Sequenced(sequence: $0.offset, record: $0.element) }
        let page = try paginator.page(of: sequenced, after: query.string("cursor"), sortKey: order.key(of:))
        return try Response.json(Paginator.body(results: page.items, cursor: page.cursor))
    }

    private static func dateTime(_ text: String, parameter: String) throws -> Date {
        guard let date = Timestamp.parse(text) else {
            throw MockError.badRequest("\(parameter) must be a date-time such as 2025-01-01T00:00:00.000Z, got \"\(text)\"")
        }
        return date
    }
}

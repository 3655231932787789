import Foundation
import Hummingbird

/// What recordings, transcriptions and summaries share: get, delete, list, bulk delete and
/// access links, parameterized by ``ContentKind``.
extension MockAPI {
    /// `GET /<kind>s/{id}`: the record as stored; 404 when there is none.
    func getRecord(_ kind: ContentKind, _ context: Context) async throws -> Response {
        let id = try pathParameter(kind.idKey, in: context)
        guard let record = await store.record(kind, id: id) else {
            throw MockError.notFound("\(kind.rawValue) \(id) not found")
        }
        return try Response.json(record)
    }

    /// `DELETE /<kind>s/{id}`: 204 whether or not the record existed.
    func deleteRecord(_ kind: ContentKind, _ context: Context) async throws -> Response {
        await store.remove(kind, ids: [try pathParameter(kind.idKey, in: context)])
        return .noContent
    }

    /// `POST /<kind>s/bulk-delete` with `{"<kind>Ids": [...]}`: 204; unknown ids are ignored.
    func bulkDeleteRecords(_ kind: ContentKind, _ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let body = try JSONObjectReader(body: await request.jsonBody(context: context))
        let ids = try body.strings("\(kind.idKey)s", required: true) ?? []
        await store.remove(kind, ids: ids)
        return .noContent
    }

    /// `GET /<kind>s`: a page of records, optionally filtered by `roomName` and sorted by `sortBy`.
    ///
    /// - Parameters:
    ///   - sortFields: The fields the document accepts in `sortBy` for this list.
    ///   - filtersByRoomName: Whether the operation declares the `roomName` query parameter.
    ///   - derivedSortKey: A sort value for fields a record does not hold, such as a
    ///     recording's `duration`.
    func listRecords(
        _ kind: ContentKind,
        _ request: Request,
        sortFields: [String],
        filtersByRoomName: Bool,
        derivedSortKey: (_ field: String, _ record: JSONValue) -> JSONValue? = { _, _ in nil }
    ) async throws -> Response {
        let query = try QueryParameters(request.uri.query)
        let order = try SortOrder(sortBy: query.string("sortBy"), allowed: sortFields)
        let paginator = try paginator(query, defaultLimit: 50, order: order)
        var records = await store.records(kind)
        if filtersByRoomName, let roomName = query.string("roomName") {
            records = records.filter { $0.record["roomName"]?.stringValue == roomName }
        }
        let page = try paginator.page(of: records, after: query.string("cursor")) { record in
            order.field.flatMap { derivedSortKey($0, record) } ?? order.key(of: record)
        }
        return try Response.json(Paginator.body(results: page.items, cursor: page.cursor))
    }

    /// `GET /<kind>s/{id}/access-link?validForSeconds=`: a download link that expires.
    ///
    /// 404 for an unknown record; 403 for one kept in the customer's own storage, as the
    /// document makes links "available for Whereby-hosted" files only, and for a transcription
    /// that is not `ready`.
    func accessLink(_ kind: ContentKind, _ request: Request, _ context: Context) async throws -> Response {
        let id = try pathParameter(kind.idKey, in: context)
        let query = try QueryParameters(request.uri.query)
        let validForSeconds = try query.integer("validForSeconds", in: 1...43200, default: 3600)
        guard let record = await store.record(kind, id: id) else {
            throw MockError.notFound("\(kind.rawValue) \(id) not found")
        }
        if record["storageType"]?.stringValue == "SELF_HOSTED" {
            throw MockError.forbidden("access links are available for Whereby-hosted \(kind.rawValue)s only")
        }
        if let state = record["state"]?.stringValue, state != "ready" {
            throw MockError.forbidden("\(kind.rawValue) \(id) is \(state); access links are available once it is ready")
        }
        let expires = configuration.now().addingTimeInterval(TimeInterval(validForSeconds))
        let milliseconds = Timestamp.epochMilliseconds(expires)
        let file = record["filename"]?.stringValue?.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? id
        let link = "https://storage.whereby-mock.invalid/\(kind.rawValue)s/\(id)/\(file)"
            + "?expires=\(milliseconds)&signature=\(RoomNameGenerator.token(length: 40))"
        return try Response.json(["accessLink": .string(link), "expires": .integer(milliseconds)])
    }
}

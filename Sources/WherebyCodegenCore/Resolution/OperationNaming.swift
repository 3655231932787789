/// Names an operation that has no `operationId`: the one documented rule.
///
/// 1. With a summary, the summary in lower camel case, without articles (`Create meeting` →
///    `createMeeting`, `Get details for a participant in a session` → `getDetailsForParticipantInSession`),
///    where a leading `Get` becomes `list` when the path ends in a plural collection
///    (`GET /meetings`, summary `Get meetings` → `listMeetings`).
/// 2. Without one, a verb from the method and the shape of the path, and the resource it names:
///    `GET /meetings` → `listMeetings`, `GET /meetings/{meetingId}` → `getMeeting`,
///    `POST /meetings` → `createMeeting`, `PUT`/`PATCH /meetings/{meetingId}` → `updateMeeting`,
///    `DELETE /meetings/{meetingId}` → `deleteMeeting`, `GET /recordings/{id}/access-link` →
///    `getRecordingAccessLink`, `POST /recordings/bulk-delete` → `postRecordingsBulkDelete`.
enum OperationNaming {
    static let articles: Set<String> = ["a", "an", "the"]

    static func name(method: OperationModel.Method, path: String, summary: String?) -> String {
        if let summary, let name = fromSummary(summary, method: method, path: path) {
            return name
        }
        return fromPath(method: method, path: path)
    }

    static func fromSummary(_ summary: String, method: OperationModel.Method, path: String) -> String? {
        var words = SwiftNaming.words(summary).filter { !articles.contains($0.lowercased()) }
        guard !words.isEmpty, words.count <= 8 else { return nil }
        if method == .get, words[0].lowercased() == "get", endsInCollection(path) {
            words[0] = "list"
        }
        return SwiftNaming.memberName(words.joined(separator: " "))
    }

    static func fromPath(method: OperationModel.Method, path: String) -> String {
        let segments = path.split(separator: "/").map(String.init)
        let endsInParameter = segments.last.map(isParameter) ?? false
        // The resource words: literal segments, each singular when a parameter follows it.
        var resource: [String] = []
        for (index, segment) in segments.enumerated() where !isParameter(segment) {
            let followedByParameter = index + 1 < segments.count && isParameter(segments[index + 1])
            let isLast = index == segments.count - 1
            let words = SwiftNaming.words(segment)
            if followedByParameter || (isLast && method != .get && method != .post) {
                resource += words.dropLast() + words.suffix(1).map(SwiftNaming.singular)
            } else {
                resource += words
            }
        }
        let verb: String
        switch method {
        case .get: verb = endsInParameter || !endsInCollection(path) ? "get" : "list"
        case .post: verb = endsInParameter || !endsInCollection(path) ? "post" : "create"
        case .put, .patch: verb = "update"
        case .delete: verb = "delete"
        default: verb = method.rawValue
        }
        if verb == "create", let last = resource.popLast() {
            resource.append(SwiftNaming.singular(last))
        }
        return SwiftNaming.memberName(([verb] + resource).joined(separator: " "))
    }

    static func isParameter(_ segment: String) -> Bool {
        segment.hasPrefix("{") && segment.hasSuffix("}")
    }

    /// Whether the last segment is a literal plural noun: `/meetings`, `/insights/room-sessions`.
    static func endsInCollection(_ path: String) -> Bool {
        guard let last = path.split(separator: "/").last.map(String.init), !isParameter(last) else { return false }
        return SwiftNaming.singular(last) != last
    }
}

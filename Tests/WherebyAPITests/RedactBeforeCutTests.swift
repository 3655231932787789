import Foundation
import HTTPTypes
import OpenAPIClientSupport
import Testing
import WherebyAPI

/// A key that a server echoes back is removed from the whole text before any cut, so no cut
/// point leaves a piece of it: messages are cut at 200 characters, excerpts at 512 bytes.
@Suite struct RedactBeforeCutTests {
    /// A key with no four characters in a row that an error's own words could contain.
    static let key = "Zq8vK3xW1pLm7RtY9cJd"

    /// Every piece of the key at least four characters long.
    static let pieces: [String] = {
        let characters = Array(key)
        var pieces: [String] = []
        for length in 4...characters.count {
            for start in 0...(characters.count - length) { pieces.append(String(characters[start..<(start + length)])) }
        }
        return pieces
    }()

    /// Everything a developer might log about an error.
    static func renderings(of error: WherebyError) -> [String] {
        var dumped = ""
        dump(error, to: &dumped)
        var texts = [error.description, error.localizedDescription, String(reflecting: error), dumped]
        switch error {
        case .badRequest(_, let message, _), .unauthorized(_, let message, _), .forbidden(_, let message, _),
            .notFound(_, let message, _), .serverError(_, let message, _):
            texts.append(message ?? "")
        case .rateLimited(_, let info, _): texts.append(info.message ?? "")
        case .unexpectedStatus(_, let excerpt, _): texts.append(excerpt)
        case .decodingFailed(_, let path, let reason, let excerpt, _): texts += [path, reason, excerpt]
        default: break
        }
        return texts
    }

    static func expectNoPiece(of error: WherebyError?, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error else { return }
        for text in renderings(of: error) {
            if let piece = pieces.first(where: { text.contains($0) }) {
                Issue.record("'\(piece)' of the key leaked in: \(text)", sourceLocation: sourceLocation)
                return
            }
        }
    }

    static func error(status: HTTPResponse.Status, body: String) async -> WherebyError? {
        let transport = ScriptedTransport([.respond(status, headers: [.retryAfter: "1"], body: body)])
        let client = WherebyClient.testing(transport, clock: TestClock(), retry: .never, apiKey: key)
        return await #expect(throws: WherebyError.self) { _ = try await client.getMeeting(meetingId: "m1") }
    }

    /// Starts of the key from wholly before the cut to just after it.
    static func offsets(around cut: Int) -> ClosedRange<Int> {
        (cut - key.count - 1)...(cut + 1)
    }

    @Test(arguments: [HTTPResponse.Status.badRequest, .unauthorized, .forbidden, .notFound, .tooManyRequests, .serviceUnavailable])
    func messagesCutAt200CharactersKeepNoPieceOfTheKey(status: HTTPResponse.Status) async {
        for offset in Self.offsets(around: 200) {
            let message = String(repeating: ".", count: offset) + Self.key + String(repeating: ".", count: 300)
            let error = await Self.error(status: status, body: #"{"error":"\#(message)"}"#)
            #expect(error?.status == status.code)
            Self.expectNoPiece(of: error)
        }
    }

    @Test(arguments: [HTTPResponse.Status.conflict, .badGateway, .ok])
    func excerptsCutAt512BytesKeepNoPieceOfTheKey(status: HTTPResponse.Status) async {
        for offset in Self.offsets(around: 512) {
            // Not JSON, so the excerpt is quoted (for the 200, decoding fails on it).
            let body = String(repeating: "_", count: offset) + Self.key + String(repeating: "_", count: 600)
            let error = await Self.error(status: status, body: body)
            Self.expectNoPiece(of: error)
        }
    }

    @Test func decodingExcerptsKeepNoPieceOfTheKeyAtAnyCut() async {
        for offset in Self.offsets(around: 512) {
            let padding = String(repeating: "_", count: max(0, offset - 14))
            let body = #"{"meetingId":7,"p":"\#(padding)\#(Self.key)\#(String(repeating: "_", count: 600))"}"#
            let error = await Self.error(status: .ok, body: body)
            guard case .decodingFailed = error else { Issue.record("got \(String(describing: error))"); continue }
            Self.expectNoPiece(of: error)
        }
    }

    @Test func theRedactionIsThereAndTheTextAroundItStays() async {
        let error = await Self.error(status: .badRequest, body: #"{"error":"bad token \#(Self.key) given"}"#)
        guard case .badRequest(_, let message, _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(message == "bad token <redacted> given")
    }

    @Test func aRuntimeWithoutAnErrorMapperRedactsItsOwnErrorsBeforeCutting() async {
        for offset in Self.offsets(around: 512) {
            let body = String(repeating: "_", count: offset) + Self.key + String(repeating: "_", count: 600)
            let runtime = APIRuntime(
                serverURL: URL(string: "https://api.example.test/v1")!,
                transport: ScriptedTransport([.respond(.conflict, body: body)]),
                credentials: ["BearerAuth": .bearer(Self.key)]
            )
            var request = APIRequest(operationID: "op", method: .get, path: "/x")
            request.security = [["BearerAuth"]]
            do {
                try await runtime.send(request, expecting: [200])
                Issue.record("expected a failure")
            } catch let error as APIClientError {
                let texts = [error.description, error.response?.bodyExcerpt ?? "", String(decoding: error.response?.body ?? Data(), as: UTF8.self)]
                for text in texts {
                    #expect(!Self.pieces.contains { text.contains($0) }, "a piece of the key leaked in: \(text)")
                }
            } catch {
                Issue.record("got \(error)")
            }
        }
    }
}

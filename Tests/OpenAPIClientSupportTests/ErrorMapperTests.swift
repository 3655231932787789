import Foundation
import HTTPTypes
import OpenAPIClientSupport
import OpenAPIRuntime
import Testing
import TestSupport

/// A client's own error type, as a mapper would produce it.
private struct MappedError: Error, Equatable {
    var summary: String

    init(summary: String) {
        self.summary = summary
    }

    init(_ error: APIClientError) {
        switch error {
        case .unexpectedStatus(let operationID, let response): summary = "\(operationID) status \(response.status)"
        case .decodingFailed(let operationID, let codingPath, _, _, _): summary = "\(operationID) decoding \(codingPath)"
        case .encodingFailed(let operationID, _): summary = "\(operationID) encoding"
        case .invalidParameter(let operationID, let name, let reason): summary = "\(operationID) invalid \(name): \(reason)"
        case .transportFailed(let operationID, _): summary = "\(operationID) transport"
        case .cancelled(let operationID): summary = "\(operationID) cancelled"
        case .paginationCycle(let operationID, _, _): summary = "\(operationID) cycle"
        case .pageLimitReached(let operationID, _, _): summary = "\(operationID) page limit"
        }
    }
}

@Suite("Error mapping and deferred request problems")
struct ErrorMapperTests {
    private func mapping(_ transport: any ClientTransport) -> APIRuntime {
        var runtime = APIRuntime.testing(transport)
        runtime.errorMapper = { MappedError($0) }
        return runtime
    }

    @Test("passes an unexpected status through the error mapper")
    func mapsUnexpectedStatus() async {
        let runtime = mapping(RecordingTransport(status: .notFound))
        let error = await #expect(throws: MappedError.self) { try await runtime.send(.get(operationID: "getThing"), expecting: [200]) }
        #expect(error == MappedError(summary: "getThing status 404"))
    }

    @Test("passes a decoding failure through the error mapper exactly once")
    func mapsDecodingFailure() async {
        struct Thing: Decodable, Sendable { var id: Int }
        let runtime = mapping(RecordingTransport(json: #"{"id":"x"}"#))
        let error = await #expect(throws: MappedError.self) {
            try await runtime.send(.get(operationID: "getThing"), expecting: [200], decoding: Thing.self)
        }
        #expect(error == MappedError(summary: "getThing decoding id"))
    }

    @Test("passes task cancellation to the error mapper as cancelled")
    func mapsTaskCancellation() async {
        let runtime = mapping(RecordingTransport())
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await runtime.send(.get(operationID: "getThing"), expecting: [200])
        }
        let error = await #expect(throws: MappedError.self) { try await task.value }
        #expect(error == MappedError(summary: "getThing cancelled"))
    }

    @Test("records an invalid parameter value instead of throwing, and reports it from send without sending")
    func defersInvalidValues() async throws {
        var request = APIRequest.get("/rooms/{roomName}", operationID: "getRoom")
        try request.setPathParameter("roomName", "")
        try request.addQueryParameter("ratio", Double.nan)
        #expect(request.problem?.description == "getRoom: invalid parameter 'roomName': a path parameter cannot be empty: the request would address a different resource")

        let recording = RecordingTransport()
        var runtime = APIRuntime.testing(recording)
        await #expect(throws: APIClientError.self) { try await runtime.send(request, expecting: [200]) }
        runtime.errorMapper = { MappedError($0) }
        let mapped = await #expect(throws: MappedError.self) { try await runtime.send(request, expecting: [200]) }
        #expect(mapped?.summary.hasPrefix("getRoom invalid roomName:") == true)
        #expect(await recording.requests.isEmpty)
    }

    @Test("reports the first constraint recorded by validation code")
    func reportsFirstRecordedConstraint() async {
        var request = APIRequest.get(operationID: "listItems")
        request.recordInvalidParameter("limit", reason: "must be between 1 and 100, was 0")
        request.recordInvalidParameter("cursor", reason: "must not be empty")
        let recording = RecordingTransport()
        let error = await #expect(throws: APIClientError.self) {
            try await APIRuntime.testing(recording).send(request, expecting: [200])
        }
        #expect(error?.description == "listItems: invalid parameter 'limit': must be between 1 and 100, was 0")
        #expect(await recording.requests.isEmpty)
    }

    @Test("quotes a response body as errors do")
    func quotesBodyExcerpt() {
        #expect(APIResponse(status: 500, body: Data("line one\nline two".utf8)).bodyExcerpt == "line one line two")
        #expect(APIResponse(status: 500).bodyExcerpt == "")
        #expect(APIResponse(status: 500, body: Data(repeating: 0x61, count: 600)).bodyExcerpt.hasSuffix("… (600 bytes)"))
    }
}

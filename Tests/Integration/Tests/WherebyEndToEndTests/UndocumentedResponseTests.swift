import Foundation
import Testing
import WherebyAPI
import WherebyMock

/// Responses carrying what the document does not describe, as the real API may add without a new
/// version, still decode.
@Suite struct UndocumentedResponseTests {
    @Test func anUndocumentedEnumValueAndFieldDecodeAsUnknown() async throws {
        try await withStandIn { standIn in
            let whereby = standIn.client()
            // `state: "queued"` is not among the document's values; `language` is not a property.
            let transcription = try await whereby.getTranscription(transcriptionId: FixtureID.queuedTranscription)
            #expect(transcription.state == .unknown("queued"))
            #expect(transcription.state.rawValue == "queued")

            var states: [Transcription.State] = []
            for try await transcription in whereby.allTranscriptions() {
                states.append(transcription.state)
            }
            #expect(states.contains(.unknown("queued")))
            #expect(states.contains(.ready))
        }
    }

    @Test func aRecordingWithAnUndocumentedFieldDecodes() async throws {
        try await withStandIn { standIn in
            // The fixture gives this recording a `storageType`, which `Recording` does not have.
            let recording = try await standIn.client().getRecording(recordingId: FixtureID.selfHostedRecording)
            #expect(recording.recordingId == FixtureID.selfHostedRecording)
            #expect(recording.sizeInMegaBytes == 41)
        }
    }
}

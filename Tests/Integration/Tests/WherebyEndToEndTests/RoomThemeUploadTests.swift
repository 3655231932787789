import Foundation
import Testing
import WherebyAPI
import WherebyMock

/// Room-theme images sent as `multipart/form-data`, and the JSON alternative of the same operation.
@Suite struct RoomThemeUploadTests {
    /// The eight-byte PNG signature and the start of a header chunk: enough for an `image/png` part.
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])

    @Test func aMultipartLogoArrivesWithItsFilenameAndContentType() async throws {
        try await withStandIn { standIn in
            let logo = MultipartFile(data: Self.png, filename: "logo.png", contentType: "image/png")
            // Room names begin with `/`, which goes into the path as %2F.
            try await standIn.client().setRoomLogo(roomName: "/team-sync", .multipart(.init(image: logo)))

            let uploaded = try #require(await standIn.server.uploadedImage(.logo, roomName: "/team-sync"))
            #expect(uploaded.filename == "logo.png")
            #expect(uploaded.contentType == "image/png")
            #expect(uploaded.data == Self.png)
        }
    }

    @Test func theJSONAlternativeResetsTheLogoToThePreset() async throws {
        try await withStandIn { standIn in
            let whereby = standIn.client()
            let logo = MultipartFile(data: Self.png, filename: "logo.png", contentType: "image/png")
            try await whereby.setRoomLogo(roomName: "/team-sync", .multipart(.init(image: logo)))
            try await whereby.setRoomLogo(roomName: "/team-sync", .json(.init(theme: .default)))

            #expect(await standIn.server.uploadedImage(.logo, roomName: "/team-sync") == nil)
            #expect(standIn.log.entries.map(\.status) == [204, 204])
        }
    }
}

import Foundation
import Testing
@testable import WherebyMock

/// The Content-Type of ``multipartBody(name:filename:contentType:data:boundary:)`` with its default boundary.
private let multipart = "multipart/form-data; boundary=whereby-mock-test-boundary"

@Suite struct RoomThemeTests {
    @Test func acceptsAMultipartImageAndKeepsWhatArrived() async throws {
        try await withMockServer { client, server throws in
            let response = try await client.send(
                "PUT", "/rooms/%2Fstandup-1/theme/logo", body: multipartBody(data: pngBytes), contentType: multipart
            )
            #expect(response.status == 204, "\(response.errorMessage)")
            let image = try #require(await server.uploadedImage(.logo, roomName: "/standup-1"))
            #expect(image == UploadedImage(filename: "logo.png", contentType: "image/png", data: pngBytes))
            #expect(await server.uploadedImage(.roomBackground, roomName: "/standup-1") == nil)
        }
    }

    @Test(arguments: RoomThemeImage.allCases)
    func everyImageOperationAcceptsAnUpload(_ image: RoomThemeImage) async throws {
        try await withMockServer { client, server throws in
            let body = multipartBody(filename: "bg.jpg", contentType: "image/jpeg", data: pngBytes)
            let response = try await client.send(
                "PUT", "/rooms/%2Fteam-sync/theme/\(image.rawValue)", body: body, contentType: multipart
            )
            #expect(response.status == 204)
            #expect(await server.uploadedImage(image, roomName: "/team-sync")?.contentType == "image/jpeg")
        }
    }

    @Test func rejectsAMultipartBodyWithoutAnImagePart() async throws {
        try await withMockServer { client, _ throws in
            let body = multipartBody(name: "file", data: pngBytes)
            let response = try await client.send("PUT", "/rooms/%2Fx/theme/logo", body: body, contentType: multipart)
            #expect(response.status == 400)
            #expect(response.errorMessage.contains(#"part named "image""#))
        }
    }

    @Test func rejectsAnImagePartThatIsNotAnImage() async throws {
        try await withMockServer { client, _ throws in
            let text = multipartBody(contentType: "text/plain", data: Data("hello".utf8))
            #expect(try await client.send("PUT", "/rooms/%2Fx/theme/logo", body: text, contentType: multipart).status == 400)
            let untyped = multipartBody(contentType: nil, data: pngBytes)
            #expect(try await client.send("PUT", "/rooms/%2Fx/theme/logo", body: untyped, contentType: multipart).status == 400)
            let empty = multipartBody(data: Data())
            #expect(try await client.send("PUT", "/rooms/%2Fx/theme/logo", body: empty, contentType: multipart).status == 400)
        }
    }

    @Test func rejectsMultipartWithoutABoundaryOrWithABrokenOne() async throws {
        try await withMockServer { client, _ throws in
            let body = multipartBody(data: pngBytes)
            let unbounded = try await client.send("PUT", "/rooms/%2Fx/theme/logo", body: body, contentType: "multipart/form-data")
            #expect(unbounded.status == 400)
            #expect(unbounded.errorMessage.contains("boundary"))
            let mismatched = try await client.send(
                "PUT", "/rooms/%2Fx/theme/logo", body: body, contentType: "multipart/form-data; boundary=other"
            )
            #expect(mismatched.status == 400)
        }
    }

    @Test func limitsBackgroundsTo600KilobytesButNotLogos() async throws {
        try await withMockServer { client, _ throws in
            let large = multipartBody(data: Data(count: 600 * 1024 + 1))
            let background = try await client.send("PUT", "/rooms/%2Fx/theme/room-background", body: large, contentType: multipart)
            #expect(background.status == 400)
            #expect(background.errorMessage.contains("600 kB"))
            let logo = try await client.send("PUT", "/rooms/%2Fx/theme/logo", body: large, contentType: multipart)
            #expect(logo.status == 204)
        }
    }

    @Test func acceptsJSONPresetsInsteadOfAnUpload() async throws {
        try await withMockServer { client, server throws in
            _ = try await client.send("PUT", "/rooms/%2Fx/theme/logo", body: multipartBody(data: pngBytes), contentType: multipart)
            #expect(try await client.put("/rooms/%2Fx/theme/logo", json: ["theme": "default"]).status == 204)
            #expect(await server.uploadedImage(.logo, roomName: "/x") == nil)
            let background = try await client.put("/rooms/%2Fx/theme/room-background", json: ["palette": "burgund", "theme": "rocks"])
            #expect(background.status == 204)
            let colours = try await client.put(
                "/rooms/%2Fx/theme/tokens",
                json: ["tokens": ["colors": ["primary": "#1A2b3C", "focus": "#000000"]], "tokensPreset": "custom"]
            )
            #expect(colours.status == 204)
        }
    }

    @Test func answersOtherMediaTypesWith415() async throws {
        try await withMockServer { client, _ throws in
            let response = try await client.send("PUT", "/rooms/%2Fx/theme/logo", body: pngBytes, contentType: "image/png")
            #expect(response.status == 415)
            #expect(response.errorMessage.contains("multipart/form-data"))
        }
    }

    @Test func rejectsARoomNameWhoseSlashWasNotPercentEncoded() async throws {
        try await withMockServer { client, _ throws in
            let response = try await client.put("/rooms//team-sync/theme/tokens", json: [:])
            #expect(response.status == 400)
            #expect(response.errorMessage.contains("%2F"))
        }
    }
}

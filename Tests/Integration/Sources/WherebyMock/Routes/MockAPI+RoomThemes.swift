import Foundation
import Hummingbird

/// `/rooms/{roomName}/theme/...`: colours as JSON; logo and backgrounds as a multipart upload of
/// an `image` part, or JSON choosing one of Whereby's presets.
///
/// The document lists no 404 for these, so any room name is accepted and its theme remembered.
extension MockAPI {
    /// Room backgrounds may be at most 600 kB, as the document recommends; logos have no stated limit
    /// beyond the request size limit.
    static let maximumBackgroundBytes = 600 * 1024

    func addRoomThemeRoutes(to group: RouterGroup<Context>) {
        group.put("rooms/{roomName}/theme/tokens") { request, context in try await setColors(request, context) }
        for image in RoomThemeImage.allCases {
            group.put("rooms/{roomName}/theme/\(image.rawValue)") { request, context in
                try await setImage(image, request, context)
            }
        }
    }

    /// `PUT /rooms/{roomName}/theme/tokens`: `tokens.colors.{primary,secondary,focus}` as `#RRGGBB`
    /// and `tokensPreset` of `custom` or `default`.
    private func setColors(_ request: Request, _ context: Context) async throws -> Response {
        let roomName = try roomNameParameter(request, context)
        var request = request
        let json = try await request.jsonBody(context: context)
        let body = try JSONObjectReader(body: json)
        if let colors = try body.object("tokens")?.object("colors") {
            for key in ["primary", "secondary", "focus"] {
                if let colour = try colors.string(key), !Self.isHexColour(colour) {
                    throw MockError.badRequest("\(colors.name(key)) must be a colour as #RRGGBB, got \"\(colour)\"")
                }
            }
        }
        _ = try body.enumeration("tokensPreset", ["custom", "default"])
        await store.setTheme(.json(json), for: "tokens", roomName: roomName)
        return .noContent
    }

    /// `PUT /rooms/{roomName}/theme/{logo,room-background,room-knock-page-background}`.
    private func setImage(_ image: RoomThemeImage, _ request: Request, _ context: Context) async throws -> Response {
        let roomName = try roomNameParameter(request, context)
        var request = request
        let contentType = request.contentType
        let setting: MockStore.ThemeSetting
        if contentType?.value == "multipart/form-data" {
            setting = .image(try await uploadedImage(image, contentType: contentType, request: &request, context: context))
        } else if contentType == nil || contentType?.isJSON == true {
            let json = try await request.jsonBody(context: context)
            let body = try JSONObjectReader(body: json)
            switch image {
            case .logo:
                _ = try body.enumeration("theme", ["default"])
            case .roomBackground, .knockPageBackground:
                _ = try body.enumeration("palette", ["default", "grey", "purple", "burgund"])
                _ = try body.enumeration("theme", ["default", "mountains", "characters", "rocks"])
            }
            setting = .json(json)
        } else {
            let given = request.headers[.contentType] ?? ""
            throw MockError.unsupportedMediaType(
                "request body must be multipart/form-data with an image part, or application/json, got Content-Type \(given)"
            )
        }
        await store.setTheme(setting, for: image.rawValue, roomName: roomName)
        return .noContent
    }

    /// The `roomName` path parameter, percent-decoded.
    ///
    /// Room names begin with `/`, which a client must send as `%2F`. One that does not sends
    /// `/rooms//room-name/…`, which the router would read as the room `room-name`; an empty path
    /// segment is therefore a 400 that says what went wrong.
    private func roomNameParameter(_ request: Request, _ context: Context) throws -> String {
        if request.uri.path.contains("//") {
            throw MockError.badRequest(
                "the path has an empty segment; percent-encode the / that begins a room name as %2F"
            )
        }
        return try pathParameter("roomName", in: context)
    }

    /// The `image` part of a multipart body: present, non-empty, of an `image/*` type, and for
    /// backgrounds within 600 kB.
    private func uploadedImage(
        _ image: RoomThemeImage,
        contentType: HeaderValue?,
        request: inout Request,
        context: Context
    ) async throws -> UploadedImage {
        guard let boundary = contentType?.parameters["boundary"], !boundary.isEmpty else {
            throw MockError.badRequest("multipart/form-data needs a boundary parameter in its Content-Type")
        }
        let form = try MultipartFormData(body: await request.collectData(context: context), boundary: boundary)
        guard let part = form.part(named: "image") else {
            let names = form.parts.map { "\"\($0.name)\"" }.joined(separator: ", ")
            throw MockError.badRequest(
                "multipart body needs a part named \"image\" holding the file; it has \(names.isEmpty ? "no parts" : names)"
            )
        }
        guard !part.data.isEmpty else {
            throw MockError.badRequest("the image part is empty")
        }
        guard let partType = part.contentType, HeaderValue(partType).value.hasPrefix("image/") else {
            throw MockError.badRequest(
                "the image part needs an image Content-Type such as image/png, got \(part.contentType ?? "none")"
            )
        }
        if image != .logo, part.data.count > Self.maximumBackgroundBytes {
            throw MockError.badRequest("the image is \(part.data.count) bytes; backgrounds may be at most 600 kB")
        }
        return UploadedImage(filename: part.filename, contentType: partType, data: part.data)
    }

    /// Whether `text` is exactly `#` and six hex digits: the document's pattern `#[a-fA-F0-9]{6}`,
    /// anchored, as a colour value must be.
    static func isHexColour(_ text: String) -> Bool {
        text.count == 7 && text.first == "#" && text.dropFirst().allSatisfy(\.isHexDigit)
    }
}

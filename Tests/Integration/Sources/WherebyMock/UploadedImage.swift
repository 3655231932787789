public import Foundation

/// An image a client uploaded as the `image` part of a theme request, kept so that tests can
/// check what arrived; see ``WherebyMockServer/uploadedImage(_:roomName:)``.
public struct UploadedImage: Sendable, Hashable {
    /// The part's `filename`, when it sent one.
    public let filename: String?
    /// The part's `Content-Type`, always `image/…`: other types are rejected.
    public let contentType: String
    /// The image bytes.
    public let data: Data
}

/// The room-theme images the API can set, named after their paths.
public enum RoomThemeImage: String, Sendable, CaseIterable {
    /// `PUT /rooms/{roomName}/theme/logo`
    case logo
    /// `PUT /rooms/{roomName}/theme/room-background`
    case roomBackground = "room-background"
    /// `PUT /rooms/{roomName}/theme/room-knock-page-background`
    case knockPageBackground = "room-knock-page-background"
}

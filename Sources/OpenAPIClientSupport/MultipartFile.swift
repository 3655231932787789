public import Foundation

/// A file sent as one part of a `multipart/form-data` request body.
///
/// Use it for binary properties of a multipart body (`format: binary` in the document):
///
/// ```swift
/// let logo = MultipartFile(data: pngBytes, filename: "logo.png", contentType: "image/png")
/// ```
///
/// Its description shows the size of the data, never the bytes.
public struct MultipartFile: Sendable, Hashable, Codable {
    /// The file's contents.
    public var data: Data
    /// The file name sent in the part's `Content-Disposition`; the field name when `nil`.
    public var filename: String?
    /// The part's `Content-Type`.
    public var contentType: String

    /// Creates a file part.
    /// - Parameters:
    ///   - data: The file's contents.
    ///   - filename: The file name to send; when `nil`, the field name is sent, because many
    ///     servers only treat a part with a file name as a file.
    ///   - contentType: The media type of `data`.
    public init(data: Data, filename: String? = nil, contentType: String = "application/octet-stream") {
        self.data = data
        self.filename = filename
        self.contentType = contentType
    }
}

extension MultipartFile: CustomStringConvertible, CustomReflectable {
    public var description: String {
        let name = filename.map { "\"\($0)\"" } ?? "nil"
        return "MultipartFile(filename: \(name), contentType: \(contentType), \(data.count) bytes)"
    }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: ["filename": filename as Any, "contentType": contentType, "size": "\(data.count) bytes"],
            displayStyle: .struct
        )
    }
}

import Foundation

/// Draws the random part of a room name for `roomNamePattern`.
enum RoomNameGenerator {
    /// Characters of `human-short` names: lower-case letters and digits without the look-alikes
    /// `0`/`o`, `1`/`l`/`i`, so that a name read aloud or copied by hand survives.
    static let humanShortAlphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    /// A name for `pattern` (`uuid` or `human-short`): `3f0c8b32-4b7e-4d4e-9a43-0d2a1f6e5c71` or `k7pxq2`.
    static func name(pattern: String) -> String {
        switch pattern {
        case "human-short":
            String((0..<6).compactMap { _ in humanShortAlphabet.randomElement() })
        default:
            UUID().uuidString.lowercased()
        }
    }

    /// A random token of letters and digits, for room keys.
    static func token(length: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<length).compactMap { _ in alphabet.randomElement() })
    }
}

/// The syntax a document is written in.
public enum DocumentFormat: Sendable, Hashable {
    case json
    case yaml

    /// Picks the format from the file name, or from the contents when the name does not say.
    ///
    /// `.json` reads as JSON and `.yaml` or `.yml` as YAML, in any letter case. Any other name is
    /// sniffed: a document whose first byte after whitespace (and a UTF-8 byte order mark) is `{`
    /// or `[` reads as JSON, anything else as YAML.
    public init(path: String, bytes: [UInt8]) {
        switch Self.pathExtension(of: path) {
        case "json":
            self = .json
        case "yaml", "yml":
            self = .yaml
        default:
            self = Self.sniff(bytes)
        }
    }

    /// The lower-cased text after the last `.` of the file name, or `nil` when there is none.
    private static func pathExtension(of path: String) -> String? {
        let name = path.split(separator: "/").last ?? path[...]
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }

    private static func sniff(_ bytes: [UInt8]) -> DocumentFormat {
        var index = UTF8Bytes.hasByteOrderMark(bytes) ? 3 : 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                return .json
            default:
                return .yaml
            }
        }
        return .yaml
    }
}

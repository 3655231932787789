import Foundation

/// The query string of a request, decoded the way a form-urlencoded server reads it.
///
/// Names and values are percent-decoded and `+` reads as a space, so a client that sends a
/// literal `+` (for instance in a UTC offset) instead of `%2B` sees the same 400 it would get from
/// a real server. Accessors validate against the document's constraints and throw
/// ``MockError/badRequest(_:)`` with a message that names the parameter.
struct QueryParameters: Sendable {
    private let pairs: [(name: String, value: String)]

    /// Decodes `query` (the part after `?`, without it); `nil` is an empty query.
    init(_ query: String?) throws {
        var pairs: [(name: String, value: String)] = []
        for item in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard
                let name = Self.formDecode(parts[0]),
                let value = Self.formDecode(parts.count > 1 ? parts[1] : "")
            else {
                throw MockError.badRequest("query parameter \"\(item)\" is not valid percent-encoding")
            }
            pairs.append((name, value))
        }
        self.pairs = pairs
    }

    /// The first value of `name`, or `nil` when absent.
    func string(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// The first value of `name`; absent is a 400.
    func requiredString(_ name: String) throws -> String {
        guard let value = string(name), !value.isEmpty else {
            throw MockError.badRequest("\(name) is required")
        }
        return value
    }

    /// An integer in `range`, `defaultValue` when absent.
    func integer(_ name: String, in range: ClosedRange<Int>, default defaultValue: Int) throws -> Int {
        guard let text = string(name) else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw MockError.badRequest(
                "\(name) must be an integer between \(range.lowerBound) and \(range.upperBound), got \"\(text)\""
            )
        }
        return value
    }

    /// Every value of an array parameter in form style: `name=a,b` (explode false, as the
    /// document declares `fields`) and `name=a&name=b` (explode true) both read as `[a, b]`.
    func list(_ name: String) -> [String] {
        pairs.filter { $0.name == name }
            .flatMap { $0.value.split(separator: ",", omittingEmptySubsequences: true) }
            .map(String.init)
    }

    /// The members of a deepObject parameter: `name[key]=value` as `[key: value]`.
    ///
    /// Keys outside `allowed` and a plain `name=value` are 400s, so a client that serializes the
    /// object in the wrong style learns it here rather than from silently unfiltered results.
    func deepObject(_ name: String, allowed: [String]) throws -> [String: String] {
        var members: [String: String] = [:]
        let allowedList = allowed.map { "\(name)[\($0)]" }.joined(separator: ", ")
        for pair in pairs {
            if pair.name == name {
                throw MockError.badRequest("\(name) is a deepObject parameter; send it as \(allowedList)")
            }
            guard pair.name.hasPrefix("\(name)["), pair.name.hasSuffix("]") else { continue }
            let key = String(pair.name.dropFirst(name.count + 1).dropLast())
            guard allowed.contains(key) else {
                throw MockError.badRequest("\(pair.name) is not supported; use \(allowedList)")
            }
            members[key] = pair.value
        }
        return members
    }

    private static func formDecode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

import Foundation

/// Reads the members of a JSON object the way the document's schemas describe them, throwing a
/// 400 whose message names the member by its dotted path (`recording.destination.provider`).
///
/// Members the schema does not describe are ignored: the versioning policy lets the API add
/// parameters, so a server that rejected them would be stricter than the real one. `null` is
/// accepted only where the document says a member may be null.
struct JSONObjectReader {
    private let members: [String: JSONValue]
    private let path: String

    /// Reads a request body, which must be a JSON object.
    init(body: JSONValue) throws {
        guard let members = body.objectValue else {
            throw MockError.badRequest("request body must be a JSON object, not \(body.typeName)")
        }
        self.init(members: members, path: "")
    }

    private init(members: [String: JSONValue], path: String) {
        self.members = members
        self.path = path
    }

    /// The dotted path of `key`, for messages.
    func name(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// The member `key`; `nil` when absent (a 400 if `required`) or null and `nullable`.
    private func value(_ key: String, required: Bool, nullable: Bool, expected: String) throws -> JSONValue? {
        guard let value = members[key] else {
            if required { throw MockError.badRequest("\(name(key)) is required") }
            return nil
        }
        if case .null = value {
            if nullable { return nil }
            throw MockError.badRequest("\(name(key)) must be \(expected), not null")
        }
        return value
    }

    func string(_ key: String, required: Bool = false, nullable: Bool = false) throws -> String? {
        guard let value = try value(key, required: required, nullable: nullable, expected: "a string") else { return nil }
        guard let string = value.stringValue else {
            throw MockError.badRequest("\(name(key)) must be a string, not \(value.typeName)")
        }
        return string
    }

    /// A string that must be one of the document's enum values.
    func enumeration(_ key: String, _ allowed: [String], required: Bool = false, nullable: Bool = false) throws -> String? {
        guard let string = try string(key, required: required, nullable: nullable) else { return nil }
        guard allowed.contains(string) else {
            throw MockError.badRequest("\(name(key)) must be one of \(Self.list(allowed)), got \"\(string)\"")
        }
        return string
    }

    func bool(_ key: String, required: Bool = false) throws -> Bool? {
        guard let value = try value(key, required: required, nullable: false, expected: "a boolean") else { return nil }
        guard case .bool(let bool) = value else {
            throw MockError.badRequest("\(name(key)) must be a boolean, not \(value.typeName)")
        }
        return bool
    }

    /// A `date-time` string, with any UTC offset.
    func dateTime(_ key: String, required: Bool = false) throws -> Date? {
        guard let string = try string(key, required: required) else { return nil }
        guard let date = Timestamp.parse(string) else {
            throw MockError.badRequest(
                "\(name(key)) must be a date-time such as 2099-02-18T14:23:00.000Z or 2099-08-11T07:56:01-05:00, got \"\(string)\""
            )
        }
        return date
    }

    /// A nested object, read with the same rules.
    func object(_ key: String, required: Bool = false, nullable: Bool = false) throws -> JSONObjectReader? {
        guard let value = try value(key, required: required, nullable: nullable, expected: "an object") else { return nil }
        guard let members = value.objectValue else {
            throw MockError.badRequest("\(name(key)) must be an object, not \(value.typeName)")
        }
        return JSONObjectReader(members: members, path: name(key))
    }

    /// An array of strings, each one of `allowed` when given.
    func strings(_ key: String, required: Bool = false, allowed: [String]? = nil) throws -> [String]? {
        guard let value = try value(key, required: required, nullable: false, expected: "an array") else { return nil }
        guard let elements = value.arrayValue else {
            throw MockError.badRequest("\(name(key)) must be an array of strings, not \(value.typeName)")
        }
        return try elements.enumerated().map { index, element in
            guard let string = element.stringValue else {
                throw MockError.badRequest("\(name(key))[\(index)] must be a string, not \(element.typeName)")
            }
            if let allowed, !allowed.contains(string) {
                throw MockError.badRequest("\(name(key))[\(index)] must be one of \(Self.list(allowed)), got \"\(string)\"")
            }
            return string
        }
    }

    private static func list(_ values: [String]) -> String {
        values.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}

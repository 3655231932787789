/// Maps JSON pointers into a converted document back to the places they came from.
///
/// A Swagger 2.0 document is converted to OpenAPI 3.0 before it is read, so the Document stage
/// and everything after it see pointers like `#/components/schemas/Pet`; the user's file has
/// `#/definitions/Pet`. Each converted subtree records where it came from, and a pointer maps
/// through the longest recorded prefix: `#/components/schemas/Pet/properties/id` comes back as
/// `#/definitions/Pet/properties/id`.
public struct PointerMap: Sendable {
    private var origins: [JSONPointer: JSONPointer] = [:]

    public init() {}

    /// Records that the converted subtree at `converted` came from the subtree at `original`.
    public mutating func record(_ converted: JSONPointer, from original: JSONPointer) {
        guard converted != original || origins[converted] != nil else { return }
        origins[converted] = original
    }

    /// The pointer into the original document for a pointer into the converted one.
    public func original(for pointer: JSONPointer) -> JSONPointer {
        guard !origins.isEmpty else { return pointer }
        let tokens = pointer.tokens
        for length in stride(from: tokens.count, through: 0, by: -1) {
            if let mapped = origins[JSONPointer(Array(tokens[..<length]))] {
                return JSONPointer(mapped.tokens + tokens[length...])
            }
        }
        return pointer
    }

    /// The diagnostic with its pointer mapped back, when it is about the converted file.
    public static func mapping(_ diagnostic: Diagnostic, through maps: [String: PointerMap]) -> Diagnostic {
        guard let location = diagnostic.location, let pointer = location.pointer, let map = maps[location.file] else {
            return diagnostic
        }
        var mapped = diagnostic
        mapped.location?.pointer = map.original(for: pointer)
        // A message quoting a converted `$ref` quotes it as written.
        for (converted, original) in referencePrefixes where mapped.message.contains(converted) {
            mapped.message = mapped.message.replacingAll(converted, with: original)
        }
        return mapped
    }

    /// Where the conversion moves what 2.0 references name, as `$ref` texts write them.
    static let referencePrefixes = [
        ("#/components/schemas/", "#/definitions/"),
        ("#/components/parameters/", "#/parameters/"),
        ("#/components/responses/", "#/responses/"),
    ]
}

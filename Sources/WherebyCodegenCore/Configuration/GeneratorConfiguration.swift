/// `whereby-codegen.yaml`: how to shape the generated code, beside the spec it applies to.
///
/// ```yaml
/// accessModifier: public            # public, package or internal
/// clientName: WherebyClient         # the client type's name
/// files: [client, types, operations]
/// hashable: false                   # true: models are Hashable too, not only Equatable
/// filter:                           # keep only these operations, and the types they need
///   tags: [meetings]
///   paths: ["/meetings", "/meetings/{meetingId}"]
///   operations: [createMeeting, getMeeting]
/// naming:
///   style: swift                    # swift: lowerCamelCase members; document: the document's spelling
///   types: { Meeting: WherebyMeeting, CreateMeetingRequest.Recording: RecordingOptions }
///   properties: { Meeting.roomUrl: roomURL }
///   operations: { getParticipantDetails: participantDetails }
/// typeOverrides:
///   schemas: { Fields: "[String]" }
///   formats: { uuid: Foundation.UUID }
/// ```
public struct GeneratorConfiguration: Sendable, Equatable {
    public enum File: String, Sendable, CaseIterable {
        case client, types, operations

        /// How many files this part of the client is written as. Types and operations are cut
        /// into parts of about equal size so the compiler's parallel jobs get even shares; the
        /// counts are fixed, whatever the document holds, because a build plugin declares its
        /// output files before it runs.
        public var partCount: Int {
            switch self {
            case .client: 1
            case .types: 8
            case .operations: 2
            }
        }

        /// The names of its files in the output folder: `Client.swift`, `Types1.swift`…
        public var fileNames: [String] {
            switch self {
            case .client: ["Client.swift"]
            case .types: (1...partCount).map { "Types\($0).swift" }
            case .operations: (1...partCount).map { "Operations\($0).swift" }
            }
        }
    }

    public enum AccessModifier: String, Sendable, CaseIterable {
        case `public`, `package`, `internal`
    }

    /// Which operations to generate; each list that is present narrows the selection (empty: all).
    public struct Filter: Sendable, Equatable {
        public var tags: [String] = []
        public var paths: [String] = []
        public var operations: [String] = []

        public init(tags: [String] = [], paths: [String] = [], operations: [String] = []) {
            self.tags = tags
            self.paths = paths
            self.operations = operations
        }

        public var isEmpty: Bool { tags.isEmpty && paths.isEmpty && operations.isEmpty }
    }

    public var accessModifier: AccessModifier = .public
    public var clientName: String?
    public var files: [File] = File.allCases
    /// Whether models (structs and one-of enums) are `Hashable`; otherwise they are `Equatable`.
    ///
    /// Off by default: a derived `hash(into:)` is about a quarter of a model's compiled code, and
    /// API models are compared far more often than they are put in sets. Enums of values are
    /// `Hashable` either way.
    public var hashableModels = false
    public var filter = Filter()
    /// How properties, parameters, enum cases and operation IDs become Swift names: `swift`
    /// (`access_token` → `accessToken`) or `document` (kept as written when a valid identifier).
    public var namingStyle: SwiftNaming.Style = .swift
    /// Generated type name (dotted for nested types) → the name to use instead.
    public var typeNames: [String: String] = [:]
    /// `Type.jsonName` → the Swift property name to use instead.
    public var propertyNames: [String: String] = [:]
    /// Generated operation name or `operationId` → the function name to use instead.
    public var operationNames: [String: String] = [:]
    /// Component schema name → a Swift type to use in its place (nothing is generated for it).
    public var schemaTypes: [String: String] = [:]
    /// String `format` → a Swift type for every schema with it.
    public var formatTypes: [String: String] = [:]

    public init() {}
}

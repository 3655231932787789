/// One endpoint function.
public struct OperationModel: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable {
        case get, put, post, delete, options, head, patch, trace
    }

    public var swiftName: String
    /// The identifier the runtime reports: the document's `operationId`, or the derived name.
    public var operationID: String
    public var method: Method
    public var path: String
    public var documentation: Documentation
    public var tags: [String] = []
    /// In call order: path, required query, optional query, headers, cookies.
    public var parameters: [ParameterModel]
    public var body: BodyModel?
    public var success: SuccessModel
    /// Every documented response, in document order, for the doc comment.
    public var responses: [ResponseModel]
    /// Alternatives of scheme names, as the runtime takes them.
    public var security: [[String]]
    /// How to walk every page, for a cursor-paginated list.
    public var pagination: PaginationModel? = nil
    /// Groups of optional parameters of which each call must give at least one
    /// (`x-required-any-of`), by Swift name and document name.
    public var requiredAnyOf: [[ParameterName]] = []

    public struct ParameterName: Sendable, Hashable {
        public var swiftName: String
        public var name: String
    }
}

/// A list that returns a page of items and a cursor to the next page, taken back by a query parameter.
public struct PaginationModel: Sendable, Hashable {
    /// The name of the function over every item: `allMeetings` for `listMeetings`.
    public var functionName: String
    /// The Swift name of the query parameter that takes the cursor.
    public var cursorParameter: String
    /// The Swift names of the response's properties.
    public var itemsProperty: String
    public var cursorProperty: String
    public var itemsAreOptional: Bool
    public var itemType: TypeReference
    /// The Swift name of the query parameter that sets how many items a page holds (`limit`),
    /// which the `all…` function takes as `pageSize`.
    public var pageSizeParameter: String? = nil
}

public struct ParameterModel: Sendable, Hashable {
    public enum Location: String, Sendable, Hashable {
        case path, query, header, cookie

        /// The same location in the OpenAPI model, whose rules (default styles) it follows.
        public var documentLocation: Parameter.Location {
            switch self {
            case .path: .path
            case .query: .query
            case .header: .header
            case .cookie: .cookie
            }
        }
    }

    public var swiftName: String
    public var name: String
    public var location: Location
    public var type: TypeReference
    public var isRequired: Bool
    /// Whether the parameter's schema allows `null`.
    public var isNullable: Bool
    /// The serialization style: one the location defines, defaulted for it when the document
    /// names none (or one the location does not have).
    public var style: ParameterStyle
    public var explode: Bool
    public var allowReserved: Bool
    public var documentation: Documentation
    public var defaultValue: String?
    public var constraints: ConstraintsModel
}

public struct BodyModel: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case single(encoding: BodyEncoding, contentType: String, type: TypeReference)
        /// Several content types: a generated enum with one case per type.
        case alternatives(TypeReference, [BodyCaseModel])
    }

    public var content: Content
    public var isRequired: Bool
    public var description: String?
}

/// What a successful call returns.
public struct SuccessModel: Sendable, Hashable {
    public enum Result: Sendable, Hashable {
        case none
        case json(TypeReference)
        case data
        case text
    }

    /// Status codes (`201`) and ranges (`2XX`) that count as success.
    public var statuses: [String]
    public var result: Result
    public var description: String?
}

public struct ResponseModel: Sendable, Hashable {
    public var status: String
    public var description: String?
}

/// The order of a list: by a field given as `sortBy=field:asc` or `field:desc`, and by sequence
/// (creation order) among equal values and when no field is given.
struct SortOrder: Sendable {
    /// The member to sort by, or `nil` for creation order.
    let field: String?
    let descending: Bool

    /// Creation order, oldest first.
    static let creation = SortOrder(field: nil, descending: false)

    private init(field: String?, descending: Bool) {
        self.field = field
        self.descending = descending
    }

    /// Reads `sortBy`; a field outside `allowed` or a direction other than `asc`/`desc` is a 400.
    /// A missing direction sorts ascending.
    init(sortBy parameter: String?, allowed: [String]) throws {
        guard let parameter else {
            self = .creation
            return
        }
        let parts = parameter.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let fields = allowed.joined(separator: ", ")
        guard allowed.contains(parts[0]) else {
            throw MockError.badRequest("sortBy must be <field>:asc or <field>:desc with a field among \(fields), got \"\(parameter)\"")
        }
        let direction = parts.count > 1 ? parts[1] : "asc"
        guard direction == "asc" || direction == "desc" else {
            throw MockError.badRequest("sortBy direction must be asc or desc, got \"\(direction)\"")
        }
        self.init(field: parts[0], descending: direction == "desc")
    }

    /// The value a record sorts by: its member `field`, null when absent.
    func key(of record: JSONValue) -> JSONValue {
        field.flatMap { record[$0] } ?? .null
    }

    /// Whether the item at `a` comes before the one at `b`.
    func precedes(_ a: PageKey, _ b: PageKey) -> Bool {
        if a.value.sortsBefore(b.value) { return !descending }
        if b.value.sortsBefore(a.value) { return descending }
        return a.sequence < b.sequence
    }
}

extension JSONValue {
    /// A total order for sorting: null, then booleans, numbers (by value), strings (by code
    /// point, which orders the API's UTC timestamps chronologically), arrays and objects.
    func sortsBefore(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.bool(let a), .bool(let b)): return !a && b
        case (.string(let a), .string(let b)): return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        default:
            if let a = doubleValue, let b = other.doubleValue { return a < b }
            return rank < other.rank
        }
    }

    private var rank: Int {
        switch self {
        case .null: 0
        case .bool: 1
        case .integer, .number: 2
        case .string: 3
        case .array: 4
        case .object: 5
        }
    }
}

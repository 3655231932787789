/// How a parameter's value is serialized: the Parameter Object's `style`.
///
/// The cases are the styles OpenAPI 3.0 and 3.1 define; each belongs to some locations only
/// (``styles(for:)``), and each location has a default (``defaultStyle(for:)``).
public enum ParameterStyle: String, Sendable, Hashable, CaseIterable {
    /// `;color=blue`, path only.
    case matrix
    /// `.blue`, path only.
    case label
    /// `color=blue`, query and cookie; their default.
    case form
    /// `blue`, path and header; their default.
    case simple
    /// `color=blue%20black`, query arrays and objects.
    case spaceDelimited
    /// `color=blue%7Cblack`, query arrays and objects.
    case pipeDelimited
    /// `color[R]=100`, query objects.
    case deepObject

    /// The style a parameter has when it names none: form in the query and cookies, simple in
    /// the path and headers.
    public static func defaultStyle(for location: Parameter.Location) -> ParameterStyle {
        switch location {
        case .query, .cookie: .form
        case .path, .header: .simple
        }
    }

    /// The styles the specification defines for a location, in its order.
    public static func styles(for location: Parameter.Location) -> [ParameterStyle] {
        switch location {
        case .path: [.matrix, .label, .simple]
        case .query: [.form, .spaceDelimited, .pipeDelimited, .deepObject]
        case .header: [.simple]
        case .cookie: [.form]
        }
    }

    /// `explode` when a parameter does not say: true for form, false for every other style.
    public var defaultExplode: Bool { self == .form }
}

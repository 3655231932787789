/// How a parameter value is written into a URL, header or cookie: OpenAPI's `style`.
///
/// With `explode`, the combinations a request can use are:
///
/// | Style              | Where          | Array `[1, 2]`                | Object `{k1: v1, k2: v2}`          |
/// |--------------------|----------------|-------------------------------|------------------------------------|
/// | ``simple``         | path, header   | `1,2`                         | `k1,v1,k2,v2` (explode `k1=v1,k2=v2`) |
/// | ``label``          | path           | `.1,2` (explode `.1.2`)       | `.k1,v1,k2,v2` (explode `.k1=v1.k2=v2`) |
/// | ``matrix``         | path           | `;a=1,2` (explode `;a=1;a=2`) | `;a=k1,v1,k2,v2` (explode `;k1=v1;k2=v2`) |
/// | ``form``           | query, cookie  | `a=1,2` (explode `a=1&a=2`)   | `a=k1,v1,k2,v2` (explode `k1=v1&k2=v2`) |
/// | ``spaceDelimited`` | query          | `a=1%202` (explode as form)   | `a=k1%20v1%20k2%20v2`              |
/// | ``pipeDelimited``  | query          | `a=1%7C2` (explode as form)   | `a=k1%7Cv1%7Ck2%7Cv2`              |
/// | ``deepObject``     | query          | as form, explode              | `a%5Bk1%5D=v1&a%5Bk2%5D=v2`        |
///
/// An empty value (`""` or `null`) is `;a` in matrix style (no `=`), `.` in label style and
/// `a=` in the query styles, as the specification's style examples have it; in simple style it
/// would leave an empty path segment, which a path parameter refuses.
///
/// Headers take ``simple`` only and cookies ``form`` only: each cookie is one `a=v` pair of the
/// `Cookie` field, an exploded array repeating the name (`a=1; a=2`).
///
/// Delimiters that RFC 3986 does not allow in a query (space, `|`, `[`, `]`) are always
/// percent-encoded. For ``deepObject`` that means the brackets travel as `%5B`/`%5D`, which
/// every server's query parser decodes back to `a[k1]=v1`; written literally, they make
/// Foundation's `URLComponents(string:)` (and so swift-openapi-urlsession) re-encode the whole
/// query, turning an encoded value such as `%2Froom` into `%252Froom`.
public enum ParameterStyle: String, Sendable, Hashable, CaseIterable {
    /// Form style (`a=1&a=2`), the default for query and cookie parameters.
    case form
    /// Simple style (`1,2`), the default for path and header parameters.
    case simple
    /// Label style (`.1.2`), for path parameters.
    case label
    /// Matrix style (`;a=1;a=2`), for path parameters.
    case matrix
    /// Deep object style (`a[k1]=v1`, sent as `a%5Bk1%5D=v1`), for query parameters that are objects.
    case deepObject
    /// Space-delimited arrays (`a=1%202`), for query parameters.
    case spaceDelimited
    /// Pipe-delimited arrays (`a=1|2`, sent as `a=1%7C2`), for query parameters.
    case pipeDelimited
}

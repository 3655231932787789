/// Parameter styles: the (style, explode) pair each parameter is sent with.
extension Resolver {
    /// The style and explode of `parameter` at `location`, with the specification's defaults:
    /// simple in the path and headers, form in the query and cookies, explode only for form.
    ///
    /// A style the location does not define (`simple` on a query parameter, `deepObject` on a
    /// path parameter) is a warning at its `style` key and becomes the location's default, so
    /// no generated call can fail at run time for want of a style. An `explode` the document
    /// writes is kept; one it leaves out follows the style actually used.
    func resolveStyle(of parameter: Parameter, at location: Parameter.Location) -> (style: ParameterStyle, explode: Bool) {
        let fallback = ParameterStyle.defaultStyle(for: location)
        var style = parameter.style ?? fallback
        let allowed = ParameterStyle.styles(for: location)
        if !allowed.contains(style) {
            let origin = parameter.styleOrigin ?? parameter.origin
            // A shared parameter is resolved once per operation that uses it; say it once.
            if reportedStyles.insert(origin).inserted {
                let names = allowed.map(\.rawValue).joined(separator: ", ")
                warning(
                    "invalid-parameter-style",
                    "\(location.rawValue) parameter '\(parameter.name)' cannot have style '\(style.rawValue)' (\(location.rawValue) parameters take \(names)); using '\(fallback.rawValue)'",
                    origin
                )
            }
            style = fallback
        }
        return (style, parameter.explode ?? style.defaultExplode)
    }
}

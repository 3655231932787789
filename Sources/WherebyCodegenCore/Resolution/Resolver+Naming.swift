/// Swift names for the names the document gives, in the configured style (`SwiftNaming`), and a
/// located warning where two of the document's names make one Swift name.
extension Resolver {
    var namingStyle: SwiftNaming.Style { options.configuration.namingStyle }

    /// A property, parameter or function name for a name of the document.
    func memberName(_ raw: String) -> String {
        SwiftNaming.memberName(raw, style: namingStyle)
    }

    /// An enum case name for a value of the document.
    func caseName(_ raw: String) -> String {
        SwiftNaming.caseName(raw, style: namingStyle)
    }

    /// Keeps the Swift names of properties that could be type names (`FileInfo` in the document
    /// style, `_2faMethod` from `2fa_method`) from the types nested in `path`: a property and the
    /// type nested for it must not share a name, or every use of it is ambiguous.
    func reservePropertyNames(_ properties: [SchemaProperty], in path: TypePath) {
        var scope = typeScope(path)
        for property in properties {
            let name = options.configuration.propertyNames[path.description + "." + property.name] ?? memberName(property.name)
            if let first = name.unicodeScalars.first, !first.properties.isLowercase {
                scope.reserve(name)
            }
        }
        scopes[path] = scope
    }

    /// Claims `swiftName` in `scope` for the document's `name`. When an earlier name of the
    /// document already made it (`access_token` and `accessToken`), this one is numbered in
    /// document order (`accessToken2`) and a warning points at it.
    func claim(_ swiftName: String, for name: String, _ kind: String, in scope: inout NameScope, at origin: Origin) -> String {
        let claim = scope.claim(swiftName, for: name)
        guard let earlier = claim.collidesWith else { return claim.name }
        let location = origin.location
        // A schema resolved in more than one place reports its collision once.
        if !diagnostics.diagnostics.contains(where: { $0.id == "swift-name-collision" && $0.location == location }) {
            let wanted = SwiftNaming.unescaped(swiftName)
            let earlierText = earlier == name ? "another \(kind) of that name" : "'\(earlier)'"
            warning(
                "swift-name-collision",
                "\(kind) '\(name)' makes the Swift name '\(wanted)', which \(earlierText) already has; naming it '\(SwiftNaming.unescaped(claim.name))'",
                origin
            )
        }
        return claim.name
    }
}

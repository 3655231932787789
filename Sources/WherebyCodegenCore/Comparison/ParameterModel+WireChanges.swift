extension ParameterModel {
    /// How a request carrying this parameter differs from one carrying `old` (the same name in
    /// the same location), apart from its Swift type, which the caller compares: each is a
    /// clause (`style is now matrix, was simple`).
    ///
    /// Every one breaks clients: a new style or explode changes the text a server receives for
    /// the same value; a parameter that becomes required must now be given, and one that stops
    /// being required changes the function's signature; a parameter that becomes nullable, or
    /// stops being, changes which values the server accepts.
    func wireChanges(from old: ParameterModel) -> [String] {
        var changes: [String] = []
        if isRequired != old.isRequired {
            changes.append(isRequired ? "is now required" : "is now optional, was required")
        }
        if isNullable != old.isNullable {
            changes.append(isNullable ? "is now nullable" : "is no longer nullable")
        }
        if style != old.style {
            changes.append("style is now \(style.rawValue), was \(old.style.rawValue)")
        }
        if explode != old.explode {
            changes.append("explode is now \(explode), was \(old.explode)")
        }
        if allowReserved != old.allowReserved {
            changes.append(allowReserved ? "now allows reserved characters unencoded" : "no longer allows reserved characters unencoded")
        }
        return changes
    }
}

/// Names a document's overlay chooses for inline schemas, and the old names kept for callers.
///
/// `x-swift-type-name: RoomInsight` on an inline schema declares its type at the top level under
/// that name, instead of nested in its owner under a name made from where it is written
/// (`ListRoomInsightsResponse.Result`). `x-swift-renamed-from: [ListRoomInsightsResponse.Result]`
/// keeps each name the type had as `@available(*, deprecated, renamed:)` alias, so that code
/// written against the old name still compiles, with a warning that says what to write. An old
/// name nested in a type that was renamed too is declared in the new type, which the old
/// parent's alias leads to.
extension Resolver {
    /// A deprecated alias to declare once every type has its name.
    struct RenamedType {
        /// The old name, dotted for a nested type: `ListRoomInsightsResponse.Result`.
        var oldName: String
        var newPath: TypePath
        var origin: Origin
    }

    static let typeNameExtension = "x-swift-type-name"
    static let renamedFromExtension = "x-swift-renamed-from"

    /// The top-level path an inline schema's `x-swift-type-name` chooses, claimed; nil without one.
    func chosenTypePath(for schema: Schema, referencedFrom parent: TypePath?) -> TypePath? {
        guard let chosen = schema.extensions.first(where: { $0.name == Self.typeNameExtension }) else { return nil }
        guard let name = chosen.value.string, SwiftNaming.isIdentifier(name) else {
            warning("invalid-swift-type-name", "'\(Self.typeNameExtension)' is not a Swift type name; naming the type from where it is written", schema.origin)
            return nil
        }
        let path = claimTypeName(name, in: nil)
        if path.name != name {
            warning("swift-type-name-taken", "'\(Self.typeNameExtension)' '\(name)' is taken by another type; naming this one '\(path.name)'", schema.origin)
        }
        noteReference(to: path, from: parent)
        for old in renamedNames(of: schema) {
            renamedFrom.append(RenamedType(oldName: old, newPath: path, origin: schema.origin))
        }
        return path
    }

    /// The names in `x-swift-renamed-from`: a string or a list of strings.
    private func renamedNames(of schema: Schema) -> [String] {
        guard let renamed = schema.extensions.first(where: { $0.name == Self.renamedFromExtension }) else { return [] }
        switch renamed.value {
        case .string(let name): return [name]
        case .array(let items) where items.allSatisfy({ $0.string != nil }): return items.compactMap(\.string)
        default:
            warning("invalid-renamed-from", "'\(Self.renamedFromExtension)' is not a type name or a list of them; keeping no old names", schema.origin)
            return []
        }
    }

    /// Declares each old name as a deprecated alias of the new one, inside its old parent when
    /// that is still a declared type; an old name that another type has taken since is skipped.
    func declareRenamedAliases() {
        guard !renamedFrom.isEmpty else { return }
        let declared = Set(declarations.map(\.path))
        // An old parent that was renamed too: its alias leads to the new one, so nest there.
        let renamedParents = Dictionary(renamedFrom.map { ($0.oldName, $0.newPath) }, uniquingKeysWith: { first, _ in first })
        for renamed in renamedFrom {
            let components = renamed.oldName.split(separator: ".").map(String.init)
            guard let name = components.last, components.allSatisfy(SwiftNaming.isIdentifier) else {
                warning("invalid-renamed-from", "'\(renamed.oldName)' in '\(Self.renamedFromExtension)' is not a type name; keeping no alias for it", renamed.origin)
                continue
            }
            let oldParent = components.count > 1 ? components.dropLast().joined(separator: ".") : nil
            let parent = oldParent.map { renamedParents[$0] ?? TypePath($0.split(separator: ".").map(String.init)) }
            if let parent, !declared.contains(parent) {
                warning("renamed-from-parent-missing", "'\(renamed.oldName)' in '\(Self.renamedFromExtension)' is nested in '\(parent)', which is not a generated type; keeping no alias for it", renamed.origin)
                continue
            }
            let claimed: String
            if let parent {
                var scope = scopes[parent] ?? NameScope(reserved: Self.reservedTypeNames.union([parent.name]).union(avoidedNames[parent] ?? []))
                claimed = scope.claim(name)
                scopes[parent] = scope
            } else {
                claimed = topLevel.claim(name)
            }
            guard claimed == name else {
                warning("renamed-from-taken", "'\(renamed.oldName)' in '\(Self.renamedFromExtension)' is the name of another type now; keeping no alias for it", renamed.origin)
                continue
            }
            let path = parent.map { $0.appending(name) } ?? TypePath([name])
            if let parent { noteReference(to: renamed.newPath, from: parent) }
            declare(TypeDeclaration(
                path: path,
                kind: .typeAlias(.named(renamed.newPath)),
                documentation: Documentation(
                    description: "The former name of `\(renamed.newPath)`.",
                    provenance: renamed.origin.pointer.description,
                    isDeprecated: true
                ),
                renamedTo: renamed.newPath.description
            ))
        }
    }
}

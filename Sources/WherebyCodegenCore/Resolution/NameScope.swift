/// The names already taken in one scope; hands out unique ones in the order they are asked for.
struct NameScope {
    /// A name claimed for a name of the document, and whose name already had it, if another's did.
    struct Claim {
        var name: String
        /// The document's name that took the Swift name first; nil when it was free or reserved.
        var collidesWith: String?
    }

    private var taken: Set<String>
    /// The document's name each claimed Swift name was made from (unescaped), for collision reports.
    private var sources: [String: String] = [:]

    init(reserved: Set<String> = []) {
        taken = reserved
    }

    /// `name` if it is free, else `name2`, `name3`, ...; escaping is kept for keywords.
    mutating func claim(_ name: String) -> String {
        let bare = SwiftNaming.unescaped(name)
        if taken.insert(bare).inserted { return name }
        var index = 2
        while !taken.insert("\(bare)\(index)").inserted { index += 1 }
        return "\(bare)\(index)"
    }

    /// Claims `name` for the document's name `source`: numbered as `claim(_:)` does, and saying
    /// which earlier document name took it, so two JSON names that make one Swift name can be
    /// reported. A reserved name is numbered without a report.
    mutating func claim(_ name: String, for source: String) -> Claim {
        let bare = SwiftNaming.unescaped(name)
        let earlier = taken.contains(bare) ? sources[bare] : nil
        let claimed = claim(name)
        sources[SwiftNaming.unescaped(claimed)] = source
        return Claim(name: claimed, collidesWith: earlier)
    }

    /// Takes `name` without handing it out, as if reserved from the start; taking it again is no change.
    mutating func reserve(_ name: String) {
        taken.insert(SwiftNaming.unescaped(name))
    }

    func contains(_ name: String) -> Bool {
        taken.contains(SwiftNaming.unescaped(name))
    }
}

/// The names already taken in one scope; hands out unique ones in the order they are asked for.
struct NameScope {
    private var taken: Set<String>

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

    func contains(_ name: String) -> Bool {
        taken.contains(SwiftNaming.unescaped(name))
    }
}

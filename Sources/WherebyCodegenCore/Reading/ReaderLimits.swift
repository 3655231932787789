/// Bounds on what a reader accepts, so that a hostile or broken document fails with a located
/// diagnostic instead of exhausting the stack, memory or time.
///
/// The defaults are far above what any real OpenAPI document needs.
public struct ReaderLimits: Sendable, Hashable {
    /// The deepest nesting of sequences and mappings a document may have. A collection nested
    /// deeper is `nesting-too-deep`. A YAML alias counts with the depth of the node it repeats.
    public var maxDepth: Int

    /// How many nodes YAML aliases may materialise in total over the whole document. Every alias
    /// counts every node of the subtree it repeats, so a "billion laughs" document, whose aliases
    /// multiply at each level, is `alias-limit` after a few levels, while ordinary anchors pass.
    public var maxAliasExpansions: Int

    /// The longest string or number, in UTF-8 bytes. A longer one is `scalar-too-large`.
    public var maxScalarBytes: Int

    public init(maxDepth: Int = 512, maxAliasExpansions: Int = 100_000, maxScalarBytes: Int = 8 << 20) {
        self.maxDepth = maxDepth
        self.maxAliasExpansions = maxAliasExpansions
        self.maxScalarBytes = maxScalarBytes
    }

    /// 512 levels of nesting, 100,000 nodes through aliases, 8 MiB per scalar (the whole Whereby
    /// document is 57 KB: a string 150 times longer is a mistake or an attack).
    public static let `default` = ReaderLimits()
}

/// Cuts a file's top-level pieces into a fixed number of files of about equal size.
///
/// The compiler builds a module's files in parallel jobs (one batch of files per core in a debug
/// build, one LLVM module per file in a release build), so one big file is one long job on one
/// core while the others idle, and it holds the job's largest memory. Equal parts give every job
/// an equal share. Pieces stay whole and in order, so the parts read like one file cut into pages.
enum FileParts {
    /// `pieces` in order, cut into exactly `count` parts; a part is empty when the pieces run out.
    ///
    /// A piece starts a new part when its middle lies past the current part's share of the total.
    static func partition(_ pieces: [String], into count: Int) -> [[String]] {
        precondition(count > 0, "a file has at least one part")
        let total = pieces.reduce(0) { $0 + $1.utf8.count }
        var parts: [[String]] = [[]]
        var offset = 0
        for piece in pieces {
            let size = piece.utf8.count
            let middle = offset + size / 2
            // The boundary after part `k` (1-based) is k * total / count; compared multiplied out.
            if parts.count < count, !parts[parts.count - 1].isEmpty, middle * count >= parts.count * total {
                parts.append([])
            }
            parts[parts.count - 1].append(piece)
            offset += size
        }
        while parts.count < count { parts.append([]) }
        return parts
    }

    /// The size past which a piece is cut further, when it can be: one part's share of `pieces`.
    static func share(of pieces: [String], count: Int) -> Int {
        pieces.reduce(0) { $0 + $1.utf8.count } / count
    }
}

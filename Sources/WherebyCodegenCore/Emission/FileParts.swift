/// Cuts a file's top-level pieces into a fixed number of files of about equal size.
///
/// The compiler builds a module's files in parallel jobs (one batch of files per core in a debug
/// build, one LLVM module per file in a release build), so one big file is one long job on one
/// core while the others idle, and it holds the job's largest memory. Equal parts give every job
/// an equal share. Pieces stay whole and in order, so the parts read like one file cut into pages.
enum FileParts {
    /// Room to reserve for one piece's text: most declarations and functions fit.
    static let pieceCapacity = 4096

    /// The pieces of each of exactly `count` parts, given the pieces' sizes in order, as
    /// consecutive ranges of their positions; a part is empty when the pieces run out.
    ///
    /// A piece starts a new part when its middle lies past the current part's share of the total.
    static func partition(sizes: [Int], into count: Int) -> [Range<Int>] {
        precondition(count > 0, "a file has at least one part")
        let total = sizes.reduce(0, +)
        var starts = [0]
        var offset = 0
        for (position, size) in sizes.enumerated() {
            let middle = offset + size / 2
            // The boundary after part `k` (1-based) is k * total / count; compared multiplied out.
            if starts.count < count, position > starts[starts.count - 1], middle * count >= starts.count * total {
                starts.append(position)
            }
            offset += size
        }
        while starts.count < count { starts.append(sizes.count) }
        return starts.indices.map { index in
            starts[index]..<(index + 1 < starts.count ? starts[index + 1] : sizes.count)
        }
    }

    /// Writes `pieces` into `count` files, one blank line apart: `open` writes a part's header
    /// and whatever encloses its pieces, `close` what ends it, and `trailer` (declarations
    /// outside that enclosure) follows the last part's close, counted in its share. Each piece is
    /// released once written, so the text is held about once, not twice.
    static func render(
        _ pieces: consuming [String],
        into count: Int,
        trailer: String = "",
        open: (_ index: Int, _ isEmpty: Bool, _ writer: inout CodeWriter) -> Void,
        close: (_ isEmpty: Bool, _ writer: inout CodeWriter) -> Void = { _, _ in }
    ) -> [String] {
        var sizes = pieces.map(\.utf8.count)
        if !trailer.isEmpty { sizes.append(trailer.utf8.count) }
        let ranges = partition(sizes: sizes, into: count).map { $0.clamped(to: 0..<pieces.count) }
        return ranges.enumerated().map { index, range in
            var writer = CodeWriter(capacity: pieces[range].reduce(4096) { $0 + $1.utf8.count })
            open(index, range.isEmpty, &writer)
            for position in range {
                if position > range.lowerBound { writer.line() }
                writer.append(pieces[position])
                pieces[position] = ""
            }
            close(range.isEmpty, &writer)
            if index == count - 1, !trailer.isEmpty {
                writer.line()
                writer.append(trailer)
            }
            return writer.text
        }
    }

    /// The size past which a piece is cut further, when it can be: one part's share of `pieces`.
    static func share(of pieces: [String], count: Int) -> Int {
        pieces.reduce(0) { $0 + $1.utf8.count } / count
    }
}

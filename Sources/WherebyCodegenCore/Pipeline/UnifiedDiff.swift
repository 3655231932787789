/// A line diff in the unified format `diff -u` prints, for `--check` and the snapshot test.
public enum UnifiedDiff {
    /// The diff of two texts with three lines of context; empty when they are equal.
    public static func make(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard a != b else { return "" }
        let edits = lineEdits(a, b)
        var output = "--- \(oldName)\n+++ \(newName)\n"
        // Group edits into hunks separated by more than 2 × context unchanged lines.
        var index = 0
        while index < edits.count {
            guard edits[index].kind != .same else { index += 1; continue }
            var start = index
            var contextBefore = 0
            while start > 0 && edits[start - 1].kind == .same && contextBefore < context {
                start -= 1
                contextBefore += 1
            }
            var end = index
            var trailingSame = 0
            while end < edits.count {
                if edits[end].kind == .same {
                    trailingSame += 1
                    if trailingSame > context * 2 { break }
                } else {
                    trailingSame = 0
                }
                end += 1
            }
            end -= max(0, trailingSame - context)
            let hunk = edits[start..<end]
            let oldStart = (hunk.first?.oldLine ?? 0) + 1
            let newStart = (hunk.first?.newLine ?? 0) + 1
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            output += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for edit in hunk {
                switch edit.kind {
                case .same: output += " " + edit.text + "\n"
                case .delete: output += "-" + edit.text + "\n"
                case .insert: output += "+" + edit.text + "\n"
                }
            }
            index = end
        }
        return output
    }

    struct Edit {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var text: String
        /// 0-based positions in the old and new texts at this edit.
        var oldLine: Int
        var newLine: Int
    }

    /// The edit script between two line arrays: common prefix and suffix trimmed, the middle by
    /// longest common subsequence while it is small, else replaced whole.
    static func lineEdits(_ a: [String], _ b: [String]) -> [Edit] {
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var edits: [Edit] = (0..<prefix).map { Edit(kind: .same, text: a[$0], oldLine: $0, newLine: $0) }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        var oldLine = prefix
        var newLine = prefix
        if middleA.count * middleB.count <= 4_000_000 {
            // Longest common subsequence table, from the end.
            let rows = middleA.count + 1
            let columns = middleB.count + 1
            var table = [Int32](repeating: 0, count: rows * columns)
            for i in stride(from: middleA.count - 1, through: 0, by: -1) {
                for j in stride(from: middleB.count - 1, through: 0, by: -1) {
                    table[i * columns + j] = middleA[i] == middleB[j]
                        ? table[(i + 1) * columns + j + 1] + 1
                        : max(table[(i + 1) * columns + j], table[i * columns + j + 1])
                }
            }
            var i = 0
            var j = 0
            while i < middleA.count || j < middleB.count {
                if i < middleA.count && j < middleB.count && middleA[i] == middleB[j] {
                    edits.append(Edit(kind: .same, text: middleA[i], oldLine: oldLine, newLine: newLine))
                    i += 1; j += 1; oldLine += 1; newLine += 1
                } else if j < middleB.count && (i == middleA.count || table[i * columns + j + 1] >= table[(i + 1) * columns + j]) {
                    edits.append(Edit(kind: .insert, text: middleB[j], oldLine: oldLine, newLine: newLine))
                    j += 1; newLine += 1
                } else {
                    edits.append(Edit(kind: .delete, text: middleA[i], oldLine: oldLine, newLine: newLine))
                    i += 1; oldLine += 1
                }
            }
        } else {
            for line in middleA {
                edits.append(Edit(kind: .delete, text: line, oldLine: oldLine, newLine: newLine))
                oldLine += 1
            }
            for line in middleB {
                edits.append(Edit(kind: .insert, text: line, oldLine: oldLine, newLine: newLine))
                newLine += 1
            }
        }
        for offset in 0..<suffix {
            edits.append(Edit(kind: .same, text: a[a.count - suffix + offset], oldLine: oldLine + offset, newLine: newLine + offset))
        }
        return edits
    }
}

extension String {
    /// Calls `body` with the string's UTF-8 bytes in contiguous memory.
    ///
    /// The generator looks at names, pointers and prose mostly for ASCII structure (a `/`, a line
    /// feed, a case change). Scanning a buffer is many times cheaper than iterating `Character`s,
    /// which breaks graphemes, or `utf8`, whose generic iteration checks every index.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether the UTF-8 bytes of `text` occur here.
    func contains(bytesOf text: String) -> Bool {
        let pattern = Array(text.utf8)
        return indices.contains { self[$0...].starts(with: pattern) }
    }

    /// The bytes in `range` as a String; they must be whole UTF-8 sequences.
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: self[range]), as: UTF8.self)
    }
}

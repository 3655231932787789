extension Array {
    /// Removes the elements from `start` on and returns them in an array of their own, sized to fit.
    ///
    /// The readers collect each collection's children on one shared stack. `Array(stack[start...])`
    /// would give a collection whose children are the whole stack the stack's own buffer, spare
    /// capacity and all, and leave the stack to reallocate: on a large document, most of the
    /// memory a sequence held was capacity it never used.
    mutating func popSuffix(from start: Int) -> [Element] {
        var suffix: [Element] = []
        suffix.reserveCapacity(count - start)
        suffix.append(contentsOf: self[start...])
        removeSubrange(start...)
        return suffix
    }
}

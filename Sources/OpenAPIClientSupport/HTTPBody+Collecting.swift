public import OpenAPIRuntime

extension HTTPBody {
    /// The whole body as bytes, failing with ``ResponseBodyTooLargeError`` as soon as it is
    /// known to be longer than `limit` bytes: before reading when its length is declared,
    /// otherwise at the chunk that passes the limit, so no more than `limit` bytes are held.
    ///
    /// ```swift
    /// let data = try await body.collected(upTo: 32 * 1024 * 1024, as: Data.self)
    /// ```
    public func collected<Bytes: RangeReplaceableCollection<UInt8>>(upTo limit: Int, as type: Bytes.Type) async throws -> Bytes {
        if case .known(let length) = length, length > Int64(limit) {
            throw ResponseBodyTooLargeError(limit: limit)
        }
        var bytes = Bytes()
        if case .known(let length) = length, length > 0 { bytes.reserveCapacity(Int(length)) }
        for try await chunk in self {
            guard chunk.count <= limit - bytes.count else { throw ResponseBodyTooLargeError(limit: limit) }
            bytes.append(contentsOf: chunk)
        }
        return bytes
    }
}

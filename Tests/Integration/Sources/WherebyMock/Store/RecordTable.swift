/// A record with the sequence number that orders it among its kind: fixture records first, in
/// fixture order, then records in the order they were created.
struct Sequenced<Record: Sendable>: Sendable {
    let sequence: Int
    let record: Record
}

/// Records of one kind by identifier, listed in sequence order.
struct RecordTable<Record: Sendable>: Sendable {
    private var rows: [String: Sequenced<Record>] = [:]

    subscript(id: String) -> Record? {
        rows[id]?.record
    }

    /// Every record, oldest first.
    var all: [Sequenced<Record>] {
        rows.values.sorted { $0.sequence < $1.sequence }
    }

    /// Adds or replaces the record with identifier `id`.
    mutating func insert(_ record: Record, id: String, sequence: Int) {
        rows[id] = Sequenced(sequence: sequence, record: record)
    }

    /// Removes the record with identifier `id`, if there is one.
    mutating func remove(id: String) {
        rows[id] = nil
    }
}

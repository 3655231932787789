public import Foundation

/// The unit of a date written as a number since 1970-01-01T00:00:00Z: the schema formats
/// `unixtime` (seconds, as the OpenAPI format registry defines it) and `unixtime-milliseconds`.
///
/// A generated model keeps such a property as a `Date` and codes it with the calls below:
/// `try container.date("expires", unixTime: .milliseconds)`.
public enum UnixTimeUnit: Sendable, Hashable {
    case seconds
    case milliseconds

    /// Units of this kind in a second.
    private var perSecond: Double {
        switch self {
        case .seconds: 1
        case .milliseconds: 1000
        }
    }

    /// The date `number` units after 1970.
    public func date(_ number: Double) -> Date {
        Date(timeIntervalSince1970: number / perSecond)
    }

    /// The whole number of units from 1970 to `date`, rounded to the nearest.
    public func number(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * perSecond).rounded())
    }
}

extension KeyedDecodingContainer where K == PropertyKey {
    /// A date property that must be present, written as a number of `unit`s since 1970.
    public func date(_ name: String, unixTime unit: UnixTimeUnit) throws -> Date {
        unit.date(try decode(Double.self, forKey: PropertyKey(stringValue: name)))
    }

    /// A date property that may be absent or `null`, written as a number of `unit`s since 1970.
    public func dateIfPresent(_ name: String, unixTime unit: UnixTimeUnit) throws -> Date? {
        try decodeIfPresent(Double.self, forKey: PropertyKey(stringValue: name)).map(unit.date)
    }

    /// A nullable date property that may be absent, keeping "absent" and "null" apart.
    public func nullableDateIfPresent(_ name: String, unixTime unit: UnixTimeUnit) throws -> Nullable<Date>? {
        try decodeNullableIfPresent(Double.self, forKey: PropertyKey(stringValue: name))?.map(unit.date)
    }
}

extension KeyedEncodingContainer where K == PropertyKey {
    /// Encodes a date that is always sent as a whole number of `unit`s since 1970, `nil` as `null`.
    public mutating func encodeDate(_ value: Date?, _ name: String, unixTime unit: UnixTimeUnit) throws {
        try encode(value.map(unit.number), forKey: PropertyKey(stringValue: name))
    }

    /// Encodes a date as a whole number of `unit`s since 1970, leaving it out when `nil`.
    public mutating func encodeDateIfPresent(_ value: Date?, _ name: String, unixTime unit: UnixTimeUnit) throws {
        try encodeIfPresent(value.map(unit.number), forKey: PropertyKey(stringValue: name))
    }

    /// Encodes a nullable date: left out when `nil`, `null` for ``Nullable/null``.
    public mutating func encodeNullableDateIfPresent(_ value: Nullable<Date>?, _ name: String, unixTime unit: UnixTimeUnit) throws {
        try encodeIfPresent(value.map { $0.map(unit.number) }, forKey: PropertyKey(stringValue: name))
    }
}

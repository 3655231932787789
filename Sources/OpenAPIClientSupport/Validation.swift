import Foundation

/// A value that breaks a constraint of the document, found before anything was sent.
public struct ValidationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the value is: `limit`, or `body.recording.destination.bucket`.
    public var path: String
    /// What is wrong, in one line: `must be at most 100, got 500`.
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path) \(reason)" }
}

/// A generated model that can check the document's constraints on itself and on what it holds.
public protocol Validatable: Sendable {
    /// Throws the first value that breaks a constraint; `path` names this value (`body.recording`).
    func validate(at path: String) throws(ValidationFailure)
}

/// An absent value has nothing to check.
extension Optional: Validatable where Wrapped: Validatable {
    public func validate(at path: String) throws(ValidationFailure) {
        try self?.validate(at: path)
    }
}

/// `.null` has nothing to check.
extension Nullable: Validatable where Wrapped: Validatable {
    public func validate(at path: String) throws(ValidationFailure) {
        if case .value(let wrapped) = self { try wrapped.validate(at: path) }
    }
}

/// Checks each element, naming it by index: `body.items[2]`.
extension Array: Validatable where Element: Validatable {
    public func validate(at path: String) throws(ValidationFailure) {
        for (index, element) in enumerated() {
            try element.validate(at: "\(path)[\(index)]")
        }
    }
}

/// Checks each value in the order of its keys, naming it by key: `body.labels["en"]`.
extension Dictionary: Validatable where Key == String, Value: Validatable {
    public func validate(at path: String) throws(ValidationFailure) {
        for key in keys.sorted() {
            try self[key]?.validate(at: "\(path)[\"\(key)\"]")
        }
    }
}

/// The constraint checks generated code calls, one per kind of value.
///
/// JSON Schema semantics: bounds are inclusive unless exclusive, lengths count characters
/// (Unicode scalars, as JSON Schema's code points), and a `pattern` matches anywhere in the
/// string unless it is anchored with `^` and `$`. Absent values are not checked: whether a value
/// must be present is the type's business. The constraints of a `Nullable<T>?` value are those of
/// the value inside: generated code checks `value?.value`, which is `nil` for both `nil` and `.null`.
public enum Validation {
    public static func check<Number: BinaryInteger>(
        _ value: Number?, at path: String,
        minimum: Double? = nil, maximum: Double? = nil,
        exclusiveMinimum: Double? = nil, exclusiveMaximum: Double? = nil
    ) throws(ValidationFailure) {
        guard let value else { return }
        try checkBounds(Double(value), text: "\(value)", at: path, minimum, maximum, exclusiveMinimum, exclusiveMaximum)
    }

    public static func check<Number: BinaryFloatingPoint>(
        _ value: Number?, at path: String,
        minimum: Double? = nil, maximum: Double? = nil,
        exclusiveMinimum: Double? = nil, exclusiveMaximum: Double? = nil
    ) throws(ValidationFailure) {
        guard let value else { return }
        try checkBounds(Double(value), text: "\(value)", at: path, minimum, maximum, exclusiveMinimum, exclusiveMaximum)
    }

    public static func check(
        _ value: String?, at path: String,
        minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil
    ) throws(ValidationFailure) {
        guard let value else { return }
        let length = value.unicodeScalars.count
        if let minLength, length < minLength {
            throw ValidationFailure(path: path, reason: "must be at least \(minLength) characters long, got \(length)")
        }
        if let maxLength, length > maxLength {
            throw ValidationFailure(path: path, reason: "must be at most \(maxLength) characters long, got \(length)")
        }
        if let pattern, !PatternCache.shared.matches(value, pattern: pattern) {
            throw ValidationFailure(path: path, reason: "must match the pattern \(pattern)")
        }
    }

    public static func check<Element>(
        _ value: [Element]?, at path: String,
        minItems: Int? = nil, maxItems: Int? = nil
    ) throws(ValidationFailure) {
        guard let value else { return }
        if let minItems, value.count < minItems {
            throw ValidationFailure(path: path, reason: "must have at least \(minItems) items, got \(value.count)")
        }
        if let maxItems, value.count > maxItems {
            throw ValidationFailure(path: path, reason: "must have at most \(maxItems) items, got \(value.count)")
        }
    }

    /// Checks a model, or any wrapper of models: optional, `Nullable`, array or dictionary, nested
    /// to any depth (`Nullable<[String: [Model]]>?`). One generic overload, not one per wrapper:
    /// the wrappers are `Validatable` themselves, so the compiler has one candidate to try.
    public static func check(_ value: some Validatable, at path: String) throws(ValidationFailure) {
        try value.validate(at: path)
    }

    private static func checkBounds(
        _ value: Double, text: String, at path: String,
        _ minimum: Double?, _ maximum: Double?, _ exclusiveMinimum: Double?, _ exclusiveMaximum: Double?
    ) throws(ValidationFailure) {
        if let minimum, value < minimum {
            throw ValidationFailure(path: path, reason: "must be at least \(format(minimum)), got \(text)")
        }
        if let maximum, value > maximum {
            throw ValidationFailure(path: path, reason: "must be at most \(format(maximum)), got \(text)")
        }
        if let exclusiveMinimum, value <= exclusiveMinimum {
            throw ValidationFailure(path: path, reason: "must be greater than \(format(exclusiveMinimum)), got \(text)")
        }
        if let exclusiveMaximum, value >= exclusiveMaximum {
            throw ValidationFailure(path: path, reason: "must be less than \(format(exclusiveMaximum)), got \(text)")
        }
    }

    private static func format(_ bound: Double) -> String {
        bound.rounded() == bound && abs(bound) < 1e15 ? String(Int64(bound)) : String(bound)
    }
}

/// Compiled patterns, shared; a pattern the regex engine cannot compile never fails a value.
private final class PatternCache: @unchecked Sendable {
    static let shared = PatternCache()

    private let lock = NSLock()
    private var compiled: [String: NSRegularExpression?] = [:]

    func matches(_ value: String, pattern: String) -> Bool {
        lock.lock()
        let cached = compiled[pattern]
        lock.unlock()
        let expression: NSRegularExpression?
        if let cached {
            expression = cached
        } else {
            expression = try? NSRegularExpression(pattern: pattern)
            lock.lock()
            compiled[pattern] = expression
            lock.unlock()
        }
        guard let expression else { return true }
        let range = NSRange(value.startIndex..<value.endIndex, in: value)
        return expression.firstMatch(in: value, range: range) != nil
    }
}

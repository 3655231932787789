/// A response status an operation expects: one code, a range (OpenAPI's `2XX`), or any
/// status (OpenAPI's `default`).
///
/// ```swift
/// try await runtime.send(request, expecting: [200, 201])
/// try await runtime.send(request, expecting: [.range(200...299)])
/// try await runtime.send(request, expecting: [.any])
/// ```
public struct ExpectedStatus: Sendable, Hashable, ExpressibleByIntegerLiteral {
    private enum Kind: Hashable {
        case code(Int)
        case range(ClosedRange<Int>)
        case any
    }

    private let kind: Kind

    private init(_ kind: Kind) {
        self.kind = kind
    }

    /// Exactly `code`.
    public static func code(_ code: Int) -> ExpectedStatus { ExpectedStatus(.code(code)) }

    /// Any code in `range`, like `.range(200...299)` for OpenAPI's `2XX`.
    public static func range(_ range: ClosedRange<Int>) -> ExpectedStatus { ExpectedStatus(.range(range)) }

    /// Every status, for OpenAPI's `default` response.
    public static let any = ExpectedStatus(.any)

    /// Exactly the literal's code.
    public init(integerLiteral code: Int) {
        self.init(.code(code))
    }

    /// Whether `status` is expected.
    public func contains(_ status: Int) -> Bool {
        switch kind {
        case .code(let code): status == code
        case .range(let range): range.contains(status)
        case .any: true
        }
    }
}

extension ExpectedStatus: CustomStringConvertible {
    /// `200`, `200...299` or `any`.
    public var description: String {
        switch kind {
        case .code(let code): "\(code)"
        case .range(let range): "\(range.lowerBound)...\(range.upperBound)"
        case .any: "any"
        }
    }
}

/// Parses the JSONPath subset `JSONPath` evaluates; a small recursive-descent parser.
struct JSONPathParser {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    mutating func parse() throws(JSONPathError) -> [JSONPath.Segment] {
        skipSpaces()
        guard take("$") else { throw failure("a JSONPath starts with '$'") }
        var segments: [JSONPath.Segment] = []
        while true {
            skipSpaces()
            guard let scalar = peek else { return segments }
            if scalar == "." {
                position += 1
                let descendant = take(".")
                if take("*") {
                    segments.append(.init(selectors: [.wildcard], isDescendant: descendant))
                } else if descendant, peek == "[" {
                    segments.append(.init(selectors: try bracket(), isDescendant: true))
                } else {
                    let name = memberName()
                    guard !name.isEmpty else { throw failure("expected a member name after '.'") }
                    segments.append(.init(selectors: [.name(name)], isDescendant: descendant))
                }
            } else if scalar == "[" {
                segments.append(.init(selectors: try bracket(), isDescendant: false))
            } else {
                throw failure("unexpected '\(scalar)'")
            }
        }
    }

    // MARK: - Brackets

    private mutating func bracket() throws(JSONPathError) -> [JSONPath.Selector] {
        guard take("[") else { throw failure("expected '['") }
        var selectors: [JSONPath.Selector] = []
        repeat {
            skipSpaces()
            selectors.append(try selector())
            skipSpaces()
        } while take(",")
        guard take("]") else { throw failure("expected ']'") }
        return selectors
    }

    private mutating func selector() throws(JSONPathError) -> JSONPath.Selector {
        if take("*") { return .wildcard }
        if peek == "'" || peek == "\"" { return .name(try quoted()) }
        if take("?") {
            skipSpaces()
            return .filter(try orExpression())
        }
        if let number = integer() { return .index(number) }
        throw failure("expected a name, an index, '*' or a filter")
    }

    // MARK: - Filters

    private mutating func orExpression() throws(JSONPathError) -> JSONPath.Filter {
        var filter = try andExpression()
        while skipSpaces(), take("|") {
            guard take("|") else { throw failure("expected '||'") }
            filter = .or(filter, try andExpression())
        }
        return filter
    }

    private mutating func andExpression() throws(JSONPathError) -> JSONPath.Filter {
        var filter = try comparison()
        while skipSpaces(), take("&") {
            guard take("&") else { throw failure("expected '&&'") }
            filter = .and(filter, try comparison())
        }
        return filter
    }

    private mutating func comparison() throws(JSONPathError) -> JSONPath.Filter {
        skipSpaces()
        if take("!") {
            return .not(try comparison())
        }
        if take("(") {
            let inner = try orExpression()
            skipSpaces()
            guard take(")") else { throw failure("expected ')'") }
            return inner
        }
        guard take("@") else { throw failure("a filter compares '@', the candidate node") }
        var path: [String] = []
        while true {
            if take(".") {
                let name = memberName()
                guard !name.isEmpty else { throw failure("expected a member name after '@.'") }
                path.append(name)
            } else if peek == "[" {
                position += 1
                skipSpaces()
                path.append(try quoted())
                skipSpaces()
                guard take("]") else { throw failure("expected ']'") }
            } else {
                break
            }
        }
        skipSpaces()
        if take("=") {
            guard take("=") else { throw failure("expected '=='") }
            return .equals(path, try literal(), negated: false)
        }
        if take("!") {
            guard take("=") else { throw failure("expected '!='") }
            return .equals(path, try literal(), negated: true)
        }
        return .exists(path)
    }

    private mutating func literal() throws(JSONPathError) -> Literal {
        skipSpaces()
        if peek == "'" || peek == "\"" { return .string(try quoted()) }
        for (word, value) in [("true", Literal.bool(true)), ("false", .bool(false)), ("null", .null)] where takeWord(word) {
            return value
        }
        let start = position
        while let scalar = peek, scalar == "-" || scalar == "." || scalar == "e" || scalar == "E" || scalar == "+" || ("0"..."9").contains(scalar) {
            position += 1
        }
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        guard !text.isEmpty, Double(text) != nil else { throw failure("expected a string, number, true, false or null") }
        return Int(text) != nil ? .integer(text) : .number(text)
    }

    // MARK: - Tokens

    private var peek: Unicode.Scalar? {
        position < scalars.count ? scalars[position] : nil
    }

    private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard peek == scalar else { return false }
        position += 1
        return true
    }

    private mutating func takeWord(_ word: String) -> Bool {
        let wordScalars = Array(word.unicodeScalars)
        guard position + wordScalars.count <= scalars.count, Array(scalars[position..<position + wordScalars.count]) == wordScalars else { return false }
        position += wordScalars.count
        return true
    }

    @discardableResult
    private mutating func skipSpaces() -> Bool {
        while peek == " " { position += 1 }
        return true
    }

    private mutating func memberName() -> String {
        let start = position
        while let scalar = peek, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-" || scalar == "$" || scalar.value > 0x7F {
            position += 1
        }
        return String(String.UnicodeScalarView(scalars[start..<position]))
    }

    private mutating func integer() -> Int? {
        let start = position
        _ = take("-")
        while let scalar = peek, ("0"..."9").contains(scalar) { position += 1 }
        guard let value = Int(String(String.UnicodeScalarView(scalars[start..<position]))) else {
            position = start
            return nil
        }
        return value
    }

    private mutating func quoted() throws(JSONPathError) -> String {
        guard let quote = peek, quote == "'" || quote == "\"" else { throw failure("expected a quoted name") }
        position += 1
        var result = String.UnicodeScalarView()
        while let scalar = peek {
            position += 1
            if scalar == quote { return String(result) }
            if scalar == "\\" {
                guard let escaped = peek else { break }
                position += 1
                switch escaped {
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: result.append(escaped)
                }
            } else {
                result.append(scalar)
            }
        }
        throw failure("unterminated quoted name")
    }

    private func failure(_ message: String) -> JSONPathError {
        JSONPathError(message: "\(message) at offset \(position)")
    }
}

/// Turns names from a document into valid Swift identifiers, the same way on every run.
///
/// Names that are already valid identifiers are kept as they are (`meetingId` stays `meetingId`);
/// others are split into words at anything that is not a letter or digit and at case changes,
/// and joined in camel case. Keywords are escaped with backticks where Swift allows it.
public enum SwiftNaming {
    /// Keywords that must be escaped with backticks to be used as identifiers.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default",
        "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch",
        "where", "while", "as", "false", "is", "nil", "super", "throws", "true", "try", "await", "async",
        "some", "any", "consume", "copy", "discard", "each", "borrowing", "consuming", "macro", "package",
        "Any", "_",
    ]

    /// Identifiers that cannot be used even with backticks in the places we put names, or that
    /// would shadow what generated code refers to; they get a trailing underscore.
    static let unusable: Set<String> = ["self", "Self", "Type", "Protocol", "init", "_", "super"]

    /// A type name: `UpperCamelCase`.
    public static func typeName(_ raw: String) -> String {
        let name = camelCase(raw, upper: true)
        return escapeType(name)
    }

    /// A property, parameter, case or function name: `lowerCamelCase`, or as written when already valid.
    public static func memberName(_ raw: String) -> String {
        if isIdentifier(raw), raw.first.map({ !$0.isUppercase }) ?? false {
            return escapeMember(raw)
        }
        return escapeMember(camelCase(raw, upper: false))
    }

    /// An enum case name for a raw value; screaming-snake values (`LIVE_TRANSCRIPTION`) read as words.
    public static func caseName(_ raw: String) -> String {
        let hasLowercase = raw.unicodeScalars.contains { $0.properties.isLowercase }
        let source = hasLowercase ? raw : raw.lowercased()
        if source.isEmpty { return "empty" }
        return avoidingOptionalCases(escapeMember(camelCase(source, upper: false)))
    }

    /// The case names of `Optional`: an enum case of the same name would be shadowed wherever the
    /// enum is optional, and `.none` would silently mean `nil`.
    static let optionalCaseNames: Set<String> = ["none", "some"]

    /// The name of `Optional`'s case that the raw value's case name would take, if any.
    static func optionalCaseName(raw: String) -> String? {
        let hasLowercase = raw.unicodeScalars.contains { $0.properties.isLowercase }
        let name = camelCase(hasLowercase ? raw : raw.lowercased(), upper: false)
        return optionalCaseNames.contains(name) ? name : nil
    }

    /// `none` → `noneValue`, `some` → `someValue`: an enum case never takes a name of `Optional`'s
    /// cases, since a property of an optional enum type written `.none` would be `nil`, which an
    /// API reads as "not set", and the compiler only warns.
    public static func avoidingOptionalCases(_ name: String) -> String {
        let bare = unescaped(name)
        return optionalCaseNames.contains(bare) ? bare + "Value" : name
    }

    /// Splits into words at separators and at lower→upper case changes (`roomName` → room, Name).
    static func words(_ raw: String) -> [String] {
        raw.withUTF8Bytes { bytes in bytes.allSatisfy { $0 < 0x80 } ? asciiWords(bytes) : nil } ?? unicodeWords(raw)
    }

    /// `words` for ASCII text, which most names are: the same rules on bytes, so that no
    /// Character is formed and no Unicode property looked up.
    private static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        func isUpper(_ byte: UInt8) -> Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
        func isLowerOrDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        var words: [String] = []
        var wordStart: Int?
        var previous: UInt8 = 0
        for (index, byte) in bytes.enumerated() {
            if !isUpper(byte) && !isLowerOrDigit(byte) {
                if let start = wordStart { words.append(bytes.string(start..<index)) }
                wordStart = nil
            } else if let start = wordStart {
                if isUpper(byte) && isLowerOrDigit(previous) {
                    words.append(bytes.string(start..<index))
                    wordStart = index
                }
            } else {
                wordStart = index
            }
            previous = byte
        }
        if let start = wordStart { words.append(bytes.string(start..<bytes.count)) }
        return words
    }

    private static func unicodeWords(_ raw: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in raw {
            let isPart = character.isLetter || character.isNumber
            if !isPart {
                if !current.isEmpty { words.append(current) }
                current = ""
                previous = nil
                continue
            }
            if let last = previous, last.isLowercase || last.isNumber, character.isUppercase, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(character)
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static func camelCase(_ raw: String, upper: Bool) -> String {
        let parts = words(raw)
        guard !parts.isEmpty else { return upper ? "Unnamed" : "unnamed" }
        var result = ""
        for (index, word) in parts.enumerated() {
            if index == 0 && !upper {
                result += lowercasedFirstWord(word)
            } else {
                result += word.prefix(1).uppercased() + word.dropFirst()
            }
        }
        if let first = result.unicodeScalars.first, !isIdentifierHead(first) {
            result = "_" + result
        }
        return result
    }

    /// `URL` → `url`, `SOAP` → `soap`, `Room` → `room`, `iOS` → `iOS`.
    private static func lowercasedFirstWord(_ word: String) -> String {
        if word.allSatisfy({ $0.isUppercase || $0.isNumber }) { return word.lowercased() }
        return word.prefix(1).lowercased() + word.dropFirst()
    }

    static func escapeMember(_ name: String) -> String {
        if unusable.contains(name) { return name + "_" }
        if keywords.contains(name) { return "`\(name)`" }
        return name
    }

    static func escapeType(_ name: String) -> String {
        if unusable.contains(name) || keywords.contains(name) { return name + "_" }
        return name
    }

    /// Strips the backticks of an escaped keyword, for comparing and suffixing names.
    public static func unescaped(_ name: String) -> String {
        name.hasPrefix("`") ? String(name.dropFirst().dropLast()) : name
    }

    public static func isIdentifier(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let head = scalars.next(), isIdentifierHead(head) else { return false }
        while let scalar = scalars.next() {
            guard isIdentifierHead(scalar) || isIdentifierBody(scalar) else { return false }
        }
        return true
    }

    /// ASCII letters and `_`, plus letters of other scripts; never operators, punctuation or controls.
    static func isIdentifierHead(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        let properties = scalar.properties
        return properties.isAlphabetic && !properties.isBidiControl && !properties.isDefaultIgnorableCodePoint
    }

    static func isIdentifierBody(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("0"..."9").contains(scalar) }
        return scalar.properties.numericType != nil && !scalar.properties.isBidiControl
    }

    /// The singular of an English plural, for the element type of an array property: `results` → `result`.
    public static func singular(_ word: String) -> String {
        let lower = word.lowercased()
        if lower.hasSuffix("ies"), word.count > 3 { return String(word.dropLast(3)) + "y" }
        if lower.hasSuffix("sses") || lower.hasSuffix("xes") || lower.hasSuffix("ches") || lower.hasSuffix("shes") {
            return String(word.dropLast(2))
        }
        if lower.hasSuffix("s"), !lower.hasSuffix("ss"), !lower.hasSuffix("us"), !lower.hasSuffix("is"), word.count > 1 {
            return String(word.dropLast())
        }
        return word
    }
}

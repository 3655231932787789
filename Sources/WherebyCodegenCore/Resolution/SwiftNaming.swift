/// Turns names from a document into valid Swift identifiers, the same way on every run.
///
/// The one rule for every name the generator makes from the document (`Style.swift`, the default):
/// a name is split into words at anything that is not a letter or digit (`_`, `-`, `.`, spaces),
/// at a lower-to-upper case change (`roomName` → room, Name) and before the last capital of an
/// acronym that starts a word (`HTTPCode` → HTTP, Code; `URLs` stays one word). Members
/// (properties, parameters, enum cases, functions) join the words in lowerCamelCase, types in
/// UpperCamelCase; a leading acronym is lowercased (`URLValue` → `urlValue`), later ones keep
/// their capitals (`user_ID` → `userID`), and a name in capitals with separators
/// (`ACCESS_TOKEN`) reads as words (`accessToken`, `AccessToken`). A member already spelled in
/// lowerCamelCase keeps its spelling (`roomUrl`). Leading separators go (`_links` → `links`), a
/// leading digit gets an underscore (`2fa` → `_2fa`), and keywords are escaped with backticks
/// where Swift allows it. The JSON keys and wire values are never renamed: only the Swift names.
public enum SwiftNaming {
    /// How member names are made from the document's names.
    public enum Style: String, Sendable, CaseIterable {
        /// lowerCamelCase, as a Swift developer would write them (`access_token` → `accessToken`).
        case swift
        /// The document's own spelling wherever it is a valid identifier (`access_token` stays).
        case document
    }

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

    /// A type name: `UpperCamelCase`, in either style (a type spelled like its property would clash).
    public static func typeName(_ raw: String) -> String {
        let name = camelCase(raw, upper: true)
        return escapeType(name)
    }

    /// A property, parameter or function name: `lowerCamelCase`, or as written when already so.
    /// In the `document` style, any valid identifier is kept as written.
    public static func memberName(_ raw: String, style: Style = .swift) -> String {
        if isIdentifier(raw), style == .document || isLowerCamelCase(raw) {
            return escapeMember(raw)
        }
        return escapeMember(camelCase(raw, upper: false))
    }

    /// An enum case name for a raw value: a member name (`LIVE_TRANSCRIPTION` → `liveTranscription`)
    /// that is never one of `Optional`'s cases.
    public static func caseName(_ raw: String, style: Style = .swift) -> String {
        if raw.isEmpty { return "empty" }
        return avoidingOptionalCases(memberName(raw, style: style))
    }

    /// The case names of `Optional`: an enum case of the same name would be shadowed wherever the
    /// enum is optional, and `.none` would silently mean `nil`.
    static let optionalCaseNames: Set<String> = ["none", "some"]

    /// The name of `Optional`'s case that the raw value's case name would take, if any.
    static func optionalCaseName(raw: String, style: Style = .swift) -> String? {
        let name = unescaped(memberName(raw, style: style))
        return optionalCaseNames.contains(name) ? name : nil
    }

    /// `none` → `noneValue`, `some` → `someValue`: an enum case never takes a name of `Optional`'s
    /// cases, since a property of an optional enum type written `.none` would be `nil`, which an
    /// API reads as "not set", and the compiler only warns.
    public static func avoidingOptionalCases(_ name: String) -> String {
        let bare = unescaped(name)
        return optionalCaseNames.contains(bare) ? bare + "Value" : name
    }

    /// Letters and digits only, starting with a lowercase letter: `roomUrl`, `iOS`, `v2`.
    static func isLowerCamelCase(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isLowercase else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    /// Splits into words at separators, at lower→upper case changes (`roomName` → room, Name) and
    /// before the last capital of an acronym followed by a word (`HTTPCode` → HTTP, Code).
    static func words(_ raw: String) -> [String] {
        raw.withUTF8Bytes { bytes in bytes.allSatisfy { $0 < 0x80 } ? asciiWords(bytes) : nil } ?? unicodeWords(raw)
    }

    /// The kinds of character the word rule tells apart; a lowercase `s` is one of its own, for
    /// plural acronyms (`IDs`).
    private enum CharacterClass: Equatable {
        case upper, lower, letterS, digit, separator

        var isLower: Bool { self == .lower || self == .letterS }
    }

    /// The word rule over a name's characters, given as classes: the ranges of its words.
    private static func wordRanges(_ classes: [CharacterClass]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int?
        for index in classes.indices {
            let current = classes[index]
            if current == .separator {
                if let first = start { ranges.append(first..<index) }
                start = nil
                continue
            }
            guard let first = start else {
                start = index
                continue
            }
            guard current == .upper else { continue }
            let previous = classes[index - 1]
            var breaks = previous.isLower || previous == .digit
            if previous == .upper, index + 1 < classes.count, classes[index + 1].isLower {
                // `HTTPCode`: the acronym's last capital starts the next word, unless what follows
                // is a lone `s` making the acronym plural (`IDs`, `URLs`).
                let isPlural = classes[index + 1] == .letterS && (index + 2 == classes.count || !classes[index + 2].isLower)
                breaks = !isPlural
            }
            if breaks {
                ranges.append(first..<index)
                start = index
            }
        }
        if let first = start { ranges.append(first..<classes.count) }
        return ranges
    }

    /// `words` for ASCII text, which most names are: the same rule on bytes, so that no Character
    /// is formed and no Unicode property looked up.
    private static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        let classes: [CharacterClass] = bytes.map { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): .upper
            case UInt8(ascii: "s"): .letterS
            case UInt8(ascii: "a")...UInt8(ascii: "z"): .lower
            case UInt8(ascii: "0")...UInt8(ascii: "9"): .digit
            default: .separator
            }
        }
        return wordRanges(classes).map { bytes.string($0) }
    }

    private static func unicodeWords(_ raw: String) -> [String] {
        let characters = Array(raw)
        let classes: [CharacterClass] = characters.map { character in
            if character == "s" { return .letterS }
            if character.isUppercase { return .upper }
            if character.isLetter { return .lower }
            if character.isNumber { return .digit }
            return .separator
        }
        return wordRanges(classes).map { String(characters[$0]) }
    }

    /// The words joined in camel case; a name in capitals with separators (`ACCESS_TOKEN`) is
    /// read as lowercase words, and a leading digit gets an underscore.
    static func camelCase(_ raw: String, upper: Bool) -> String {
        var parts = words(raw)
        guard !parts.isEmpty else { return upper ? "Unnamed" : "unnamed" }
        if parts.count > 1, !raw.contains(where: { $0.isLowercase }) {
            parts = parts.map { $0.lowercased() }
        }
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

    /// Its leading capitals lowercased: `URL` → `url`, `URLs` → `urls`, `Room` → `room`, `iOS` → `iOS`.
    private static func lowercasedFirstWord(_ word: String) -> String {
        let capitals = word.prefix { $0.isUppercase }
        return capitals.lowercased() + word.dropFirst(capitals.count)
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

/// Whether a description states that a value can be `null`, for schemas that forgot to say so.
///
/// Only explicit statements count: "can be null", "is null when…", "null if…", "…, or null",
/// "returns null", "set it to null", "null means…", and a list of values with an item for `null`
/// ("- `null` - inherit the setting"). A mere mention of the word does not: "non-null", "not null",
/// "never null", "must not be empty or null", "null values are omitted". Large public documents
/// mention null in passing on nearly every page, so a looser rule made nearly everything nullable.
enum ProseNullability {
    static func statesNullable(_ text: String) -> Bool {
        // Most prose never mentions it: skip splitting that into words.
        guard text.withUTF8Bytes(containsNullIgnoringCase) else { return false }
        let tokens = tokenize(text)
        for index in tokens.indices where tokens[index] == .word("null") {
            if statesNullable(at: index, in: tokens) { return true }
        }
        return false
    }

    // MARK: - Rules

    /// Forms of "to be": "can be null", "is null", "the value returned is null".
    static let beVerbs: Set<String> = ["be", "is", "are", "was", "were", "been", "becomes", "become", "remains", "stays"]
    /// Verbs that hand out a value: "returns null", "otherwise return null".
    static let returnVerbs: Set<String> = ["return", "returns", "returned", "returning", "yields", "contains", "contain"]
    /// Verbs before "to null" or "as null": "set to null", "defaults to null", "sent as null".
    static let assignVerbs: Set<String> = [
        "set", "sets", "setting", "reset", "resets", "default", "defaults", "defaulting", "change", "changed", "changes",
        "update", "updated", "initialized", "initialised", "returned", "sent", "send", "passed", "pass", "serialized", "given",
    ]
    /// Words after "null" that make it a condition or a documented value: "null if…", "null means…".
    static let conditions: Set<String> = ["if", "when", "whenever", "unless", "otherwise", "until", "for"]
    static let meanings: Set<String> = ["means", "meaning", "indicates", "signifies", "denotes", "represents", "implies"]
    /// Words that turn a statement around: "cannot be null", "rather than null when".
    static let negations: Set<String> = [
        "not", "never", "no", "nor", "cannot", "can't", "won't", "isn't", "aren't", "wasn't", "weren't", "shouldn't",
        "mustn't", "couldn't", "wouldn't", "don't", "doesn't", "didn't", "than", "instead",
    ]
    /// Adverbs that may stand between a verb and "null" without changing the statement.
    static let adverbs: Set<String> = ["also", "always", "sometimes", "often", "usually", "then", "still", "either", "possibly", "potentially", "explicitly", "simply", "just", "currently"]
    /// Marks that separate a documented value from its meaning in a list: "- null - inherited", "null: inherited".
    static let listSeparators: Set<Character> = ["-", ":", "=", "–", "—"]

    private static func statesNullable(at index: Int, in tokens: [Token]) -> Bool {
        let previous = word(before: index, in: tokens, skipping: adverbs)
        let next = word(at: index + 1, in: tokens)
        if let previous, negations.contains(previous.text) { return false }

        // "null if the meeting has ended", "null means inherit", "a null value indicates…".
        if let next, conditions.contains(next) || meanings.contains(next) { return true }
        if next == "value", let after = word(at: index + 2, in: tokens), meanings.contains(after) { return true }
        // "null is returned", "null is allowed".
        if let next, ["is", "are"].contains(next), let after = word(at: index + 2, in: tokens),
           ["returned", "allowed", "accepted", "permitted", "possible", "valid", "sent", "used"].contains(after) {
            return true
        }
        // A list of documented values with an item for null: "- null - inherited", "null: inherited".
        if case .mark(let separator)? = tokens[safe: index + 1], listSeparators.contains(separator), startsListItem(index, in: tokens) {
            return true
        }
        guard let previous else { return false }
        func notNegated(before position: Int) -> Bool {
            guard let earlier = word(before: position, in: tokens, skipping: adverbs) else { return true }
            return !negations.contains(earlier.text)
        }
        // "can be null", "is null when", "the value returned is null"; not "must not be null".
        if beVerbs.contains(previous.text) { return notNegated(before: previous.index) }
        // "returns null"; not "never returns null".
        if returnVerbs.contains(previous.text) { return notNegated(before: previous.index) }
        // "set it to null", "defaults to null", "returned as null".
        if previous.text == "to" || previous.text == "as" {
            var position = previous.index
            for _ in 0..<3 {
                guard let earlier = word(before: position, in: tokens, skipping: []) else { return false }
                if assignVerbs.contains(earlier.text) { return notNegated(before: earlier.index) }
                position = earlier.index
            }
            return false
        }
        // "the id, or null"; not "must not be empty or null".
        if previous.text == "or" {
            var position = previous.index
            for _ in 0..<4 {
                guard let earlier = word(before: position, in: tokens, skipping: []) else { return true }
                if negations.contains(earlier.text) { return false }
                position = earlier.index
            }
            return true
        }
        return false
    }

    /// Whether the token at `index` is the first of a list item: at the start of a line or
    /// after a bullet ("- null", "started.- null").
    private static func startsListItem(_ index: Int, in tokens: [Token]) -> Bool {
        guard index > 0 else { return true }
        switch tokens[index - 1] {
        case .lineBreak: return true
        case .mark(let mark): return mark == "-" || mark == "•"
        case .word: return false
        }
    }

    // MARK: - Tokens

    enum Token: Equatable {
        case word(String)
        case mark(Character)
        case lineBreak
    }

    /// The word at `index`, if that token is a word.
    private static func word(at index: Int, in tokens: [Token]) -> String? {
        guard case .word(let text)? = tokens[safe: index] else { return nil }
        return text
    }

    /// The word right before `index`, passing over `skipping`; nil when a mark or the start comes first.
    private static func word(before index: Int, in tokens: [Token], skipping: Set<String>) -> (text: String, index: Int)? {
        var position = index - 1
        while position >= 0, case .word(let text) = tokens[position] {
            if !skipping.contains(text) { return (text, position) }
            position -= 1
        }
        return nil
    }

    /// Lower-cased words and the punctuation between them. Markdown code and emphasis marks and
    /// quotes are dropped (`` `null` `` is null); a hyphen between letters stays inside its word
    /// ("non-null", "null-terminated"); an apostrophe between letters too ("can't").
    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        let scalars = Array(text.lowercased().unicodeScalars)
        func finishWord() {
            if !word.isEmpty { tokens.append(.word(word)) }
            word = ""
        }
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
        }
        for (index, scalar) in scalars.enumerated() {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if isWordScalar(scalar) {
                word.unicodeScalars.append(scalar)
            } else if (scalar == "-" || scalar == "'" || scalar == "’"), !word.isEmpty, let next, isWordScalar(next) {
                word.unicodeScalars.append(scalar == "’" ? "'" : scalar)
            } else if scalar == "\n" {
                finishWord()
                if tokens.last != .lineBreak { tokens.append(.lineBreak) }
            } else if scalar.properties.isWhitespace || "`\"'’‘“”*_~".unicodeScalars.contains(scalar) {
                finishWord()
            } else {
                finishWord()
                tokens.append(.mark(Character(scalar)))
            }
        }
        finishWord()
        return tokens
    }

    /// Whether the bytes contain `null` in any case, without lower-casing the whole text.
    private static func containsNullIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 4 else { return false }
        for start in 0...(bytes.count - 4)
        where bytes[start] | 0x20 == UInt8(ascii: "n") && bytes[start + 1] | 0x20 == UInt8(ascii: "u")
            && bytes[start + 2] | 0x20 == UInt8(ascii: "l") && bytes[start + 3] | 0x20 == UInt8(ascii: "l") {
            return true
        }
        return false
    }
}

private extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}

/// Resolves YAML scalars to node values by the YAML 1.2 core schema.
///
/// Only plain (unquoted, untagged) scalars are resolved by their text:
///
/// | Text                                                  | Value                          |
/// |-------------------------------------------------------|--------------------------------|
/// | empty, `~`, `null`, `Null`, `NULL`                    | `.null`                        |
/// | `true`, `True`, `TRUE`, `false`, `False`, `FALSE`     | `.bool`                        |
/// | `[-+]?[0-9]+`                                         | `.integer`, the text as written |
/// | `0o[0-7]+`, `0x[0-9a-fA-F]+`                          | `.integer`, in decimal          |
/// | `[-+]?(\.[0-9]+\|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`  | `.number`, the text as written  |
/// | `[-+]?.inf` (any of three cases), `.nan` (likewise)   | `.number`, the text as written  |
/// | anything else (`yes`, `on`, `1.2.3`, `0b1`)           | `.string`                      |
///
/// Quoted and block scalars are always strings. Explicit tags `!!str`, `!!null`, `!!bool`,
/// `!!int` and `!!float` force their type; other tags keep the scalar as a string.
enum YAMLCoreSchema {
    /// The value of a plain scalar without a tag.
    static func resolvePlain(_ text: UnsafeBufferPointer<UInt8>) -> Node.Value {
        guard let first = text.first else { return .null }
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            if isNull(text) { return .null }
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            if let flag = bool(text) { return .bool(flag) }
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if let integer = integer(text) { return .integer(integer) }
            if isFloat(text) { return .number(string(text)) }
        default:
            break
        }
        return .string(string(text))
    }

    /// The value of a scalar with an explicit tag, or `nil` when the text does not fit the tag
    /// (`!!int abc`). Tags are the full URIs libyaml reports (`tag:yaml.org,2002:int`).
    static func resolve(_ text: UnsafeBufferPointer<UInt8>, tag: String) -> Node.Value? {
        switch tag {
        case "tag:yaml.org,2002:null":
            return text.isEmpty || isNull(text) ? .null : nil
        case "tag:yaml.org,2002:bool":
            return bool(text).map(Node.Value.bool)
        case "tag:yaml.org,2002:int":
            return integer(text).map(Node.Value.integer)
        case "tag:yaml.org,2002:float":
            return isFloat(text) || isDecimalInteger(text) ? .number(string(text)) : nil
        case "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq":
            return nil
        default:
            // `!!str`, the non-specific `!`, and tags this reader does not know (`!!binary`,
            // `!custom`) keep the text.
            return .string(string(text))
        }
    }

    /// `!!int` for `tag:yaml.org,2002:int`, for messages.
    static func shorthand(_ tag: String) -> String {
        let prefix = "tag:yaml.org,2002:"
        return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }

    static func string(_ text: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: text, as: UTF8.self)
    }

    private static func isNull(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        matches(text, "~") || matches(text, "null") || matches(text, "Null") || matches(text, "NULL")
    }

    private static func bool(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
        if matches(text, "true") || matches(text, "True") || matches(text, "TRUE") { return true }
        if matches(text, "false") || matches(text, "False") || matches(text, "FALSE") { return false }
        return nil
    }

    /// The decimal text of an integer: decimal as written, octal and hexadecimal converted.
    private static func integer(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        if isDecimalInteger(text) { return string(text) }
        guard text.count > 2, text[0] == UInt8(ascii: "0") else { return nil }
        let digits = UnsafeBufferPointer(rebasing: text[2...])
        switch text[1] {
        case UInt8(ascii: "o"):
            guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) }) else { return nil }
            return decimalText(digits, radix: 8)
        case UInt8(ascii: "x"):
            guard digits.allSatisfy({ hexDigitValue($0) != nil }) else { return nil }
            return decimalText(digits, radix: 16)
        default:
            return nil
        }
    }

    private static func isDecimalInteger(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = text[...]
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            digits = digits.dropFirst()
        }
        return !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    private static func isFloat(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var rest = text[...]
        if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            rest = rest.dropFirst()
        }
        let special = UnsafeBufferPointer(rebasing: rest)
        if matches(special, ".inf") || matches(special, ".Inf") || matches(special, ".INF") { return true }
        if rest.count == text.count, matches(text, ".nan") || matches(text, ".NaN") || matches(text, ".NAN") {
            return true
        }

        // Mantissa: `.digits`, or `digits` with an optional `.` and optional digits.
        let integerDigits = rest.prefix(while: isDigit).count
        rest = rest.dropFirst(integerDigits)
        var fractionDigits = 0
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            fractionDigits = rest.prefix(while: isDigit).count
            rest = rest.dropFirst(fractionDigits)
            if integerDigits == 0, fractionDigits == 0 { return false }
        } else if integerDigits == 0 {
            return false
        }
        // Exponent.
        if let e = rest.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                rest = rest.dropFirst()
            }
            let exponentDigits = rest.prefix(while: isDigit).count
            guard exponentDigits > 0 else { return false }
            rest = rest.dropFirst(exponentDigits)
        }
        return rest.isEmpty
    }

    /// The decimal text of octal or hexadecimal digits, of any length.
    private static func decimalText(_ digits: UnsafeBufferPointer<UInt8>, radix: UInt64) -> String {
        // Little-endian limbs of nine decimal digits each.
        let limbBase: UInt64 = 1_000_000_000
        var limbs: [UInt64] = [0]
        for digit in digits {
            var carry = UInt64(hexDigitValue(digit) ?? 0)
            for index in limbs.indices {
                let value = limbs[index] * radix + carry
                limbs[index] = value % limbBase
                carry = value / limbBase
            }
            if carry > 0 { limbs.append(carry) }
        }
        var text = String(limbs[limbs.count - 1])
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }

    private static func hexDigitValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func matches(_ text: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        text.count == word.utf8CodeUnitCount
            && text.elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
    }
}

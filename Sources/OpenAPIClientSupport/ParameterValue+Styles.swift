/// OpenAPI's style rules (the Parameter Object's `style`, after RFC 6570): how a
/// ``ParameterValue`` becomes the text of a path segment, query, header or cookie.
///
/// Query and cookie functions return already percent-encoded `name=value` pieces; the path
/// function returns the encoded replacement for `{name}`; the header function returns the
/// raw field value (header values are not percent-encoded).
extension ParameterValue {
    /// The pieces of a query string (joined later with `&`).
    func queryPieces(
        name: String,
        style: ParameterStyle,
        explode: Bool,
        allowReserved: Bool
    ) throws -> [String] {
        let allowed: PercentEncoding.AllowedBytes = allowReserved ? .queryAllowingReserved : .unreserved
        let encodedName = PercentEncoding.encode(name)
        func encode(_ text: String) -> String { PercentEncoding.encode(text, allowing: allowed) }

        switch style {
        case .deepObject:
            // deepObject is defined for objects only; anything else is sent as form, explode.
            guard case .object = self else {
                return try queryPieces(name: name, style: .form, explode: true, allowReserved: allowReserved)
            }
            return deepObjectPieces(prefix: encodedName, encode: encode)
        case .form, .spaceDelimited, .pipeDelimited:
            let delimiter = switch style {
            case .spaceDelimited: "%20"
            case .pipeDelimited: "%7C"
            default: ","
            }
            switch self {
            case .array(let elements):
                let texts = try elements.map { element in
                    encode(try element.requirePrimitive(in: style, name: name))
                }
                if explode { return texts.map { "\(encodedName)=\($0)" } }
                return ["\(encodedName)=\(texts.joined(separator: delimiter))"]
            case .object(let members):
                if explode {
                    // Each member becomes its own parameter; an array member repeats its key.
                    return try members.flatMap { member in
                        if case .object = member.value {
                            throw ParameterStyleError(
                                reason: "the form style cannot express objects nested in '\(name)'; deepObject can"
                            )
                        }
                        return try member.value.queryPieces(
                            name: member.key,
                            style: .form,
                            explode: true,
                            allowReserved: allowReserved
                        )
                    }
                }
                let texts = try members.flatMap { member in
                    [encode(member.key), encode(try member.value.requirePrimitive(in: style, name: name))]
                }
                return ["\(encodedName)=\(texts.joined(separator: delimiter))"]
            default:
                return ["\(encodedName)=\(encode(primitiveText ?? ""))"]
            }
        case .simple, .label, .matrix:
            throw ParameterStyleError(reason: "the \(style.rawValue) style is for path parameters, not query parameters")
        }
    }

    /// `name[key]=value` pieces, nested objects adding one bracket pair per level and arrays
    /// repeating the key. Members that are `null` are left out.
    private func deepObjectPieces(prefix: String, encode: (String) -> String) -> [String] {
        switch self {
        case .null:
            []
        case .object(let members):
            members.flatMap { member in
                member.value.deepObjectPieces(prefix: "\(prefix)%5B\(encode(member.key))%5D", encode: encode)
            }
        case .array(let elements):
            elements.flatMap { $0.deepObjectPieces(prefix: prefix, encode: encode) }
        default:
            ["\(prefix)=\(encode(primitiveText ?? ""))"]
        }
    }

    /// The percent-encoded text that replaces `{name}` in a path template.
    func pathText(name: String, style: ParameterStyle, explode: Bool) throws -> String {
        let encodedName = PercentEncoding.encode(name)
        func encode(_ text: String) -> String { PercentEncoding.encode(text) }
        func items() throws -> [String] {
            switch self {
            case .array(let elements):
                try elements.map { element in
                    encode(try element.requirePrimitive(in: style, name: name))
                }
            case .object(let members):
                try members.flatMap { member in
                    let value = encode(try member.value.requirePrimitive(in: style, name: name))
                    return explode ? ["\(encode(member.key))=\(value)"] : [encode(member.key), value]
                }
            default:
                [encode(primitiveText ?? "")]
            }
        }

        switch style {
        case .simple:
            return try items().joined(separator: ",")
        case .label:
            return "." + (try items().joined(separator: explode ? "." : ","))
        case .matrix:
            // RFC 6570's `;` operator: a name whose value is empty goes without `=` (`;color`).
            func pair(_ name: String, _ value: String) -> String {
                value.isEmpty ? ";\(name)" : ";\(name)=\(value)"
            }
            switch self {
            case .array where explode:
                return try items().map { pair(encodedName, $0) }.joined()
            case .object(let members) where explode:
                return try members.map { member in
                    pair(encode(member.key), encode(try member.value.requirePrimitive(in: style, name: name)))
                }.joined()
            default:
                return pair(encodedName, try items().joined(separator: ","))
            }
        case .form, .deepObject, .spaceDelimited, .pipeDelimited:
            throw ParameterStyleError(reason: "the \(style.rawValue) style is for query parameters, not path parameters")
        }
    }

    /// A header field value in simple style: `1,2`, `k1,v1,k2,v2`, explode `k1=v1,k2=v2`.
    func headerText(name: String, style: ParameterStyle, explode: Bool) throws -> String {
        guard style == .simple else {
            throw ParameterStyleError(reason: "the \(style.rawValue) style is not for header parameters, which are always simple")
        }
        switch self {
        case .array(let elements):
            return try elements.map { element in
                try element.requirePrimitive(in: .simple, name: name)
            }.joined(separator: ",")
        case .object(let members):
            return try members.flatMap { member in
                let value = try member.value.requirePrimitive(in: .simple, name: name)
                return explode ? ["\(member.key)=\(value)"] : [member.key, value]
            }.joined(separator: ",")
        default:
            return primitiveText ?? ""
        }
    }

    /// `name=value` cookie pairs in form style, values percent-encoded (joined later with `; `).
    func cookiePieces(name: String, style: ParameterStyle, explode: Bool) throws -> [String] {
        guard style == .form else {
            throw ParameterStyleError(reason: "the \(style.rawValue) style is not for cookie parameters, which are always form")
        }
        return try queryPieces(name: name, style: .form, explode: explode, allowReserved: false)
    }

    /// The body of an `application/x-www-form-urlencoded` request: the top-level object's
    /// members in form style, explode; members that are objects use brackets like deepObject.
    func formURLEncodedText() throws -> String {
        guard case .object(let members) = self else {
            throw ParameterStyleError(reason: "a form-urlencoded body must be an object with named fields")
        }
        return try members.flatMap { member in
            if case .object = member.value {
                return try member.value.queryPieces(name: member.key, style: .deepObject, explode: true, allowReserved: false)
            }
            return try member.value.queryPieces(name: member.key, style: .form, explode: true, allowReserved: false)
        }.joined(separator: "&")
    }

    /// The text of a primitive, or an error naming the style that cannot nest it.
    private func requirePrimitive(in style: ParameterStyle, name: String) throws -> String {
        guard let text = primitiveText else {
            throw ParameterStyleError(
                reason: "the \(style.rawValue) style cannot express arrays or objects nested in '\(name)'"
            )
        }
        return text
    }
}

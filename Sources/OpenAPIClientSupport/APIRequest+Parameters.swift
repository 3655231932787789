internal import HTTPTypes

/// Parameters, encoded when added: any `Encodable` value is reduced to primitives, arrays and
/// objects by the runtime's own encoder (no JSON round trip) and written in the requested
/// OpenAPI style. Strings go as they are, Booleans as `true`/`false`, numbers in their
/// shortest form (`2`, `1.5`), dates as ISO 8601 in UTC (`2025-05-12T16:42:49Z`), string enums
/// as their raw value, `Data` as base64. See ``ParameterStyle`` for the styles.
///
/// A value that cannot be sent is not thrown here but recorded as the request's ``problem``
/// (the first one wins), so that ``APIRuntime`` reports it from `send` through its
/// ``APIRuntime/errorMapper``: generated code builds the request before calling the runtime,
/// and a client's error type would otherwise miss these failures. The methods still throw for
/// mistakes in the calling code, which no argument can cause.
extension APIRequest {
    /// Records that an argument breaks a constraint of the document (a minimum, a pattern, a
    /// required field), for validation code that runs while a request is built.
    ///
    /// The request is not sent: ``APIRuntime/send(_:expecting:)`` throws
    /// ``APIClientError/invalidParameter(operationID:name:reason:)`` with this name and reason,
    /// unless an earlier problem was recorded, which is the one reported.
    ///
    /// - Parameters:
    ///   - name: The parameter or body field, like `limit` or `body.roomNamePrefix`.
    ///   - reason: What is wrong, as a clause: `must be between 1 and 100, was 0`.
    public mutating func recordInvalidParameter(_ name: String, reason: String) {
        record(invalidParameter(name, reason))
    }

    /// Sets the value of the `{name}` placeholder in ``path``.
    ///
    /// Everything outside RFC 3986's unreserved characters is percent-encoded, so a value can
    /// never add path segments: `/room-a` becomes `%2Froom-a`, a space `%20`.
    ///
    /// - Parameters:
    ///   - name: The placeholder's name, without braces.
    ///   - value: The value.
    ///   - style: ``ParameterStyle/simple`` (the default), ``ParameterStyle/label`` or
    ///     ``ParameterStyle/matrix``.
    ///   - explode: Whether arrays and objects are exploded.
    /// A value that is empty, `.` or `..` (which would address a different resource) or cannot
    /// be encoded in the style becomes the request's ``problem``.
    ///
    /// - Throws: ``APIClientError/invalidParameter(operationID:name:reason:)`` when the template
    ///   has no such placeholder.
    public mutating func setPathParameter(
        _ name: String,
        _ value: some Encodable & Sendable,
        style: ParameterStyle = .simple,
        explode: Bool = false
    ) throws {
        guard Self.segments(of: path).contains(.placeholder(name[...])) else {
            throw invalidParameter(name, "the path template '\(path)' has no {\(name)} placeholder")
        }
        do throws(APIClientError) {
            let encoded = try encodeParameter(name, value)
            let text = try styled(name) { () in
                try encoded.pathText(name: name, style: style, explode: explode)
            }
            if style == .simple {
                guard !text.isEmpty else {
                    throw invalidParameter(name, "a path parameter cannot be empty: the request would address a different resource")
                }
                guard text != ".", text != ".." else {
                    throw invalidParameter(name, "'\(text)' would change the path rather than name a resource")
                }
            }
            pathParameters[name] = text
        } catch {
            record(error)
        }
    }

    /// Adds a query parameter; `nil` adds nothing.
    ///
    /// Names and values are percent-encoded for a query component: everything outside RFC
    /// 3986's unreserved characters, including space (`%20`), `+`, `&`, `=`, `#` and `%`.
    ///
    /// - Parameters:
    ///   - name: The parameter's name.
    ///   - value: The value, or `nil` to leave the parameter out.
    ///   - style: ``ParameterStyle/form`` (the default), ``ParameterStyle/spaceDelimited``,
    ///     ``ParameterStyle/pipeDelimited`` or ``ParameterStyle/deepObject``.
    ///   - explode: Whether arrays and objects are exploded (the default, as in OpenAPI).
    ///   - allowReserved: Whether RFC 3986 reserved characters legal in a query
    ///     (`:/?@!$'()*+,;=`) and existing `%XX` escapes are kept; `&` and `#` are still encoded.
    /// A value that cannot be encoded in the style becomes the request's ``problem``.
    ///
    /// - Throws: Nothing at present; the signature leaves room for mistakes in the calling code.
    public mutating func addQueryParameter(
        _ name: String,
        _ value: (some Encodable & Sendable)?,
        style: ParameterStyle = .form,
        explode: Bool = true,
        allowReserved: Bool = false
    ) throws {
        guard let value else { return }
        do throws(APIClientError) {
            let encoded = try encodeParameter(name, value)
            queryPieces += try styled(name) { () in
                try encoded.queryPieces(name: name, style: style, explode: explode, allowReserved: allowReserved)
            }
        } catch {
            record(error)
        }
    }

    /// Sets a header parameter in simple style, replacing a field of the same name; `nil` adds
    /// nothing. Header values are not percent-encoded.
    ///
    /// - Parameters:
    ///   - name: The field name.
    ///   - value: The value, or `nil` to leave the field out.
    ///   - style: ``ParameterStyle/simple``, the only style OpenAPI defines for headers.
    ///   - explode: Whether objects are written `k1=v1,k2=v2` rather than `k1,v1,k2,v2`.
    /// A value that contains a line break or NUL, or cannot be encoded in the style, becomes the
    /// request's ``problem``.
    ///
    /// - Throws: ``APIClientError/invalidParameter(operationID:name:reason:)`` when `name` is not
    ///   a valid field name.
    public mutating func setHeaderParameter(
        _ name: String,
        _ value: (some Encodable & Sendable)?,
        style: ParameterStyle = .simple,
        explode: Bool = false
    ) throws {
        guard let value else { return }
        guard let fieldName = HTTPField.Name(name) else {
            throw invalidParameter(name, "not a valid HTTP header field name")
        }
        do throws(APIClientError) {
            let encoded = try encodeParameter(name, value)
            let text = try styled(name) { () in
                try encoded.headerText(name: name, style: style, explode: explode)
            }
            guard !text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
                throw invalidParameter(name, "a header value cannot contain line breaks or NUL")
            }
            headerFields[fieldName] = text
        } catch {
            record(error)
        }
    }

    /// Adds a cookie parameter in form style; `nil` adds nothing. All cookies of a request go
    /// in one `Cookie` header, `name=value` pairs separated by `; `, values percent-encoded:
    /// an exploded array repeats the name (`id=1; id=2`), an exploded object gives each member
    /// its own pair (`R=100; G=200`).
    ///
    /// - Parameters:
    ///   - name: The cookie's name.
    ///   - value: The value, or `nil` to leave the cookie out.
    ///   - style: ``ParameterStyle/form``, the only style OpenAPI defines for cookies.
    ///   - explode: Whether arrays and objects are exploded (the default, as in OpenAPI).
    /// A value that cannot be encoded in the style becomes the request's ``problem``.
    ///
    /// - Throws: Nothing at present; the signature leaves room for mistakes in the calling code.
    public mutating func addCookieParameter(
        _ name: String,
        _ value: (some Encodable & Sendable)?,
        style: ParameterStyle = .form,
        explode: Bool = true
    ) throws {
        guard let value else { return }
        do throws(APIClientError) {
            let encoded = try encodeParameter(name, value)
            cookiePieces += try styled(name) { () in
                try encoded.cookiePieces(name: name, style: style, explode: explode)
            }
        } catch {
            record(error)
        }
    }

    // MARK: Helpers

    private func encodeParameter(_ name: String, _ value: some Encodable) throws(APIClientError) -> ParameterValue {
        do {
            return try ParameterEncoder.encode(value)
        } catch {
            throw invalidParameter(name, APIClientError.reason(for: error))
        }
    }

    private func styled<Result>(_ name: String, _ body: () throws -> Result) throws(APIClientError) -> Result {
        do {
            return try body()
        } catch {
            throw invalidParameter(name, APIClientError.reason(for: error))
        }
    }

    /// Keeps the first problem; later ones are usually consequences of it.
    private mutating func record(_ error: APIClientError) {
        if problem == nil { problem = error }
    }

    private func invalidParameter(_ name: String, _ reason: String) -> APIClientError {
        .invalidParameter(operationID: operationID, name: name, reason: reason)
    }
}

/// Operations: names, parameters in call order, bodies, results.
extension Resolver {
    func resolveOperations(defaultSecurity: [[String]]) -> [OperationModel] {
        var names = NameScope(reserved: EmitterNames.clientMembers)
        var operationIDs: [String: Origin] = [:]
        return document.operations.map { operation in
            let method = OperationModel.Method(rawValue: operation.method.rawValue) ?? .get
            let derived: String
            var isDuplicate = false
            if let id = operation.operationID {
                derived = memberName(id)
                if let first = operationIDs[id] {
                    isDuplicate = true
                    warning("duplicate-operation-id", "operationId '\(id)' is also used at line \(first.position.line); naming this one '\(names.contains(derived) ? "a numbered variant" : derived)'", operation.origin)
                }
                operationIDs[id] = operation.origin
            } else {
                derived = OperationNaming.name(method: method, path: operation.path, summary: operation.summary)
            }
            let overrides = options.configuration.operationNames
            let wanted = overrides[derived] ?? operation.operationID.flatMap { overrides[$0] } ?? derived
            // Two operationIds that make one name (`get_user`, `getUser`) are reported; a repeated one already was.
            let swiftName = if let id = operation.operationID, !isDuplicate {
                claim(wanted, for: id, "operationId", in: &names, at: operation.origin)
            } else {
                names.claim(wanted)
            }
            if operation.operationID == nil {
                let source = operation.summary.map { "its summary '\($0)'" } ?? "its method and path"
                warning("missing-operation-id", "operation has no operationId; naming it '\(swiftName)' from \(source)", operation.origin)
            }
            return resolveOperation(operation, swiftName: swiftName, method: method, defaultSecurity: defaultSecurity)
        }
    }

    private func resolveOperation(_ operation: APIOperation, swiftName: String, method: OperationModel.Method, defaultSecurity: [[String]]) -> OperationModel {
        let typePrefix = SwiftNaming.typeName(swiftName)
        var argumentNames = NameScope(reserved: [EmitterNames.bodyParameter])
        let parameters = resolveParameters(operation, typePrefix: typePrefix, names: &argumentNames)
        let body = operation.requestBody.flatMap { resolveBody($0, typePrefix: typePrefix, operation: operation) }
        let (success, responses) = resolveResponses(operation, typePrefix: typePrefix)
        var model = OperationModel(
            swiftName: swiftName,
            operationID: operation.operationID ?? swiftName,
            method: method,
            path: operation.path,
            documentation: Documentation(
                summary: operation.summary,
                description: operation.description,
                provenance: (operation.listing ?? operation.origin.pointer).description,
                isDeprecated: operation.isDeprecated
            ),
            tags: operation.tags,
            parameters: parameters,
            body: body,
            success: success,
            responses: responses,
            security: operation.security.map { $0.map { $0.schemes.map(\.name) } } ?? defaultSecurity
        )
        model.requiredAnyOf = requiredAnyOf(operation, parameters: parameters)
        return model
    }

    /// `x-required-any-of: [[roomSessionId, externalId]]` (or one list of names): optional
    /// parameters of which each call must give at least one, as a description says in prose
    /// ("either roomSessionId or externalId is required"), which no OpenAPI keyword can state.
    private func requiredAnyOf(_ operation: APIOperation, parameters: [ParameterModel]) -> [[OperationModel.ParameterName]] {
        guard let found = operation.extensions.first(where: { $0.name == "x-required-any-of" }) else { return [] }
        let groups: [[Literal]]
        switch found.value {
        case .array(let items) where items.allSatisfy({ $0.string != nil }): groups = [items]
        case .array(let items):
            groups = items.compactMap { if case .array(let group) = $0 { group } else { nil } }
        default: groups = []
        }
        guard !groups.isEmpty else {
            warning("invalid-required-any-of", "'x-required-any-of' is not a list of parameter names or a list of such lists; checking none", operation.origin)
            return []
        }
        return groups.compactMap { group in
            let names = group.compactMap(\.string)
            let matched = names.compactMap { name in parameters.first { $0.name == name && !$0.isRequired } }
            guard names.count == group.count, matched.count == names.count, matched.count > 1 else {
                warning("invalid-required-any-of", "'x-required-any-of' group [\(names.joined(separator: ", "))] does not name two or more optional parameters of the operation; checking nothing for it", operation.origin)
                return nil
            }
            return matched.map { OperationModel.ParameterName(swiftName: $0.swiftName, name: $0.name) }
        }
    }

    // MARK: - Parameters

    private func resolveParameters(_ operation: APIOperation, typePrefix: String, names: inout NameScope) -> [ParameterModel] {
        // Later declarations of the same name and location (the operation's own) override the path item's.
        var byKey: [(key: String, parameter: Parameter, reference: Reference?)] = []
        for entry in operation.parameters {
            guard let (parameter, reference) = parameter(entry) else { continue }
            let key = parameter.location.rawValue + ":" + parameter.name
            if let index = byKey.firstIndex(where: { $0.key == key }) {
                byKey[index] = (key, parameter, reference)
            } else {
                byKey.append((key, parameter, reference))
            }
        }
        let templateNames = Self.templateParameters(operation.path)
        var models: [ParameterModel] = []
        for (_, parameter, reference) in byKey {
            if parameter.location == .path && !templateNames.contains(parameter.name) {
                warning("unused-path-parameter", "path parameter '\(parameter.name)' does not appear in the path '\(operation.path)'; ignoring it", reference?.origin ?? parameter.origin)
                continue
            }
            models.append(resolveParameter(parameter, reference: reference, typePrefix: typePrefix, names: &names))
        }
        for name in templateNames where !models.contains(where: { $0.location == .path && $0.name == name }) {
            warning("undeclared-path-parameter", "path '\(operation.path)' has '{\(name)}' but no parameter declares it; generating it as a string", operation.origin)
            models.append(ParameterModel(
                swiftName: claim(memberName(name), for: name, "parameter", in: &names, at: operation.origin), name: name, location: .path, type: .string,
                isRequired: true, isNullable: false, style: .simple, explode: false, allowReserved: false,
                documentation: Documentation(), defaultValue: nil, constraints: ConstraintsModel()
            ))
        }
        // Call order: path (template order), required query, optional query, headers, cookies.
        func rank(_ parameter: ParameterModel) -> Int {
            switch parameter.location {
            case .path: 0
            case .query: parameter.isRequired ? 1 : 2
            case .header: parameter.isRequired ? 3 : 4
            case .cookie: parameter.isRequired ? 5 : 6
            }
        }
        let pathOrder = Dictionary(templateNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return models.enumerated().sorted { lhs, rhs in
            let (left, right) = (rank(lhs.element), rank(rhs.element))
            if left != right { return left < right }
            if left == 0 { return (pathOrder[lhs.element.name] ?? 0) < (pathOrder[rhs.element.name] ?? 0) }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    private func parameter(_ entry: Referenceable<Parameter>) -> (Parameter, Reference?)? {
        switch entry {
        case .value(let parameter): return (parameter, nil)
        case .reference(let reference):
            if let parameter = follow(reference, in: \.parameters) { return (parameter, reference) }
            diagnostics.emit(.error("unresolved-ref", "'$ref' '\(reference.text)' does not point at a parameter", at: reference.origin.location))
            return nil
        }
    }

    private func resolveParameter(_ parameter: Parameter, reference: Reference?, typePrefix: String, names: inout NameScope) -> ParameterModel {
        let location = ParameterModel.Location(rawValue: parameter.location.rawValue) ?? .query
        var schema = parameter.schema ?? parameter.content.first?.schema
        if schema == nil {
            warning("missing-parameter-schema", "parameter '\(parameter.name)' has neither 'schema' nor 'content'; treating it as a string", parameter.origin)
            schema = .value(Schema.string(at: parameter.origin))
        }
        // A shared parameter's inline types are named after the component; an operation's after both.
        let hint = reference?.lastToken.map(SwiftNaming.typeName) ?? typePrefix + SwiftNaming.typeName(parameter.name)
        let type = schema.map { typeReference(for: $0, hint: hint, parent: nil, context: SchemaContext()) } ?? .string
        let (style, explode) = resolveStyle(of: parameter, at: parameter.location)
        let behind = schema.flatMap(schemaBehind)
        return ParameterModel(
            swiftName: claim(memberName(parameter.name), for: parameter.name, "parameter", in: &names, at: parameter.origin),
            name: parameter.name,
            location: location,
            type: type,
            isRequired: parameter.isRequired || location == .path,
            isNullable: behind?.isNullable ?? false,
            style: style,
            explode: explode,
            allowReserved: parameter.allowReserved,
            documentation: Documentation(
                description: parameter.description ?? behind?.description,
                provenance: parameter.origin.pointer.description,
                isDeprecated: parameter.isDeprecated
            ),
            defaultValue: behind?.defaultValue.flatMap(Self.literalText),
            constraints: constraints(of: behind)
        )
    }

    static func templateParameters(_ path: String) -> [String] {
        var names: [String] = []
        var rest = path[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    static func literalText(_ literal: Literal) -> String? {
        switch literal {
        case .string(let text): "\"\(text)\""
        case .integer(let text), .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    // MARK: - Bodies

    private func resolveBody(_ entry: Referenceable<RequestBody>, typePrefix: String, operation: APIOperation) -> BodyModel? {
        let body: RequestBody
        switch entry {
        case .value(let value): body = value
        case .reference(let reference):
            guard let target = follow(reference, in: \.requestBodies) else {
                diagnostics.emit(.error("unresolved-ref", "'$ref' '\(reference.text)' does not point at a request body", at: reference.origin.location))
                return nil
            }
            body = target
        }
        guard !body.content.isEmpty else { return nil }
        // OpenAPI's default is `required: false`, but a document that never says so (Whereby's) does
        // not mean every body is optional: only an explicit `false` makes it one.
        let isRequired = body.isRequired ?? true
        let hint = typePrefix + "Request"
        if body.content.count == 1, let media = body.content.first {
            let encoding = Self.encoding(of: media.contentType)
            return BodyModel(
                content: .single(encoding: encoding, contentType: media.contentType, type: bodyType(media, encoding: encoding, hint: hint, parent: nil)),
                isRequired: isRequired,
                description: body.description
            )
        }
        let path = claimTypeName(hint, in: nil)
        let index = declarations.count
        declare(TypeDeclaration(path: path, kind: .bodyAlternatives([]), documentation: Documentation(description: body.description, provenance: body.origin.pointer.description)))
        var caseNames = NameScope()
        var cases: [BodyCaseModel] = []
        for media in body.content {
            let encoding = Self.encoding(of: media.contentType)
            let caseName = caseNames.claim(Self.caseName(for: media.contentType, encoding: encoding))
            let type = bodyType(media, encoding: encoding, hint: Self.bodyTypeName(for: media.contentType, encoding: encoding), parent: path)
            cases.append(BodyCaseModel(swiftName: caseName, contentType: media.contentType, encoding: encoding, type: type))
        }
        declarations[index].kind = .bodyAlternatives(cases)
        return BodyModel(content: .alternatives(.named(path), cases), isRequired: isRequired, description: body.description)
    }


    private func bodyType(_ media: MediaType, encoding: BodyEncoding, hint: String, parent: TypePath?) -> TypeReference {
        switch encoding {
        case .binary: return .data
        case .text: return .string
        case .json, .multipartForm, .formURLEncoded:
            guard let schema = media.schema else { return encoding == .json ? .jsonValue : .jsonObject }
            return typeReference(for: schema, hint: hint, parent: parent, context: SchemaContext(inMultipart: encoding == .multipartForm))
        }
    }

    static func encoding(of contentType: String) -> BodyEncoding {
        let type = contentType.lowercased().split(separator: ";").first.map(String.init) ?? ""
        if type == "application/json" || type.hasSuffix("+json") || type == "*/*" { return .json }
        if type == "multipart/form-data" { return .multipartForm }
        if type == "application/x-www-form-urlencoded" { return .formURLEncoded }
        if type.hasPrefix("text/") { return .text }
        return .binary
    }

    /// The nested type of one content type's body: `JSONBody`, `MultipartBody`, `FormBody`.
    private static func bodyTypeName(for contentType: String, encoding: BodyEncoding) -> String {
        switch encoding {
        case .json: "JSONBody"
        case .multipartForm: "MultipartBody"
        case .formURLEncoded: "FormBody"
        case .text: "TextBody"
        case .binary: SwiftNaming.typeName(caseName(for: contentType, encoding: encoding)) + "Body"
        }
    }

    private static func caseName(for contentType: String, encoding: BodyEncoding) -> String {
        switch encoding {
        case .json: "json"
        case .multipartForm: "multipart"
        case .formURLEncoded: "form"
        case .text: "text"
        case .binary: SwiftNaming.memberName(contentType.split(separator: "/").last.map(String.init) ?? "binary")
        }
    }

    // MARK: - Responses

    private func resolveResponses(_ operation: APIOperation, typePrefix: String) -> (SuccessModel, [ResponseModel]) {
        var responses: [ResponseModel] = []
        var statuses: [String] = []
        var result: SuccessModel.Result = .none
        var description: String?
        for (status, entry) in operation.responses {
            let response = followResponse(entry)
            responses.append(ResponseModel(status: status, description: response?.description))
            guard status.hasPrefix("2") else { continue }
            statuses.append(status)
            guard result == .none, let response, let media = preferredMedia(response.content) else { continue }
            description = response.description
            switch Self.encoding(of: media.contentType) {
            case .json:
                let hint = typePrefix + "Response"
                let type = media.schema.map { typeReference(for: $0, hint: hint, parent: nil, context: SchemaContext()) } ?? .jsonValue
                result = .json(type)
            case .text: result = .text
            default: result = .data
            }
        }
        if statuses.isEmpty {
            statuses = ["2XX"]
        }
        return (SuccessModel(statuses: statuses, result: result, description: description), responses)
    }

    private func followResponse(_ entry: Referenceable<Response>) -> Response? {
        switch entry {
        case .value(let response): return response
        case .reference(let reference):
            if let response = follow(reference, in: \.responses) { return response }
            diagnostics.emit(.error("unresolved-ref", "'$ref' '\(reference.text)' does not point at a response", at: reference.origin.location))
            return nil
        }
    }

    /// The content type a client reads: JSON first, then text, then anything.
    func preferredMedia(_ content: [MediaType]) -> MediaType? {
        content.first { Self.encoding(of: $0.contentType) == .json }
            ?? content.first { Self.encoding(of: $0.contentType) == .text }
            ?? content.first
    }
}

extension Schema {
    /// A plain string schema, for parameters that declare none.
    static func string(at origin: Origin) -> Schema {
        var schema = Schema(origin: origin)
        schema.types = [.string]
        return schema
    }
}

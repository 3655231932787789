/// Reading `components` and the elements they share with operations.
extension DocumentParser {
    func parseComponents(_ node: Node, _ scope: Scope) -> Components {
        var components = Components()
        guard mapping(node, scope) != nil else { return components }
        components.schemas = named(node["schemas"], scope.child("schemas"), kind: .schema) { self.parseSchema($0, $1) }
        components.parameters = named(node["parameters"], scope.child("parameters"), kind: .parameter) { self.parseParameter($0, $1) }
        components.responses = named(node["responses"], scope.child("responses"), kind: .response) { self.parseResponse($0, $1) }
        components.requestBodies = named(node["requestBodies"], scope.child("requestBodies"), kind: .requestBody) { self.parseRequestBody($0, $1) }
        components.headers = named(node["headers"], scope.child("headers"), kind: .header) { self.parseHeader($0, $1) }
        components.securitySchemes = named(node["securitySchemes"], scope.child("securitySchemes"), kind: .securityScheme) { self.parseSecurityScheme($0, $1) }
        return components
    }

    /// Reads one `components` section, registering each entry as a reference target.
    private func named<Value>(
        _ node: Node?,
        _ scope: Scope,
        kind: ReferenceKind,
        parse: (Node, Scope) -> Value?
    ) -> [Named<Value>] {
        guard let node, let entries = mapping(node, scope) else { return [] }
        var result: [Named<Value>] = []
        for entry in entries where !entry.key.hasPrefix("x-") {
            let entryScope = scope.child(entry.key)
            guard let value = referenceable(entry.value, entryScope, kind: kind, parse: parse) else { continue }
            let key = entryScope.fileKey + entryScope.pointer.description
            readKeys.insert(key)
            switch value {
            case .reference(let reference):
                targets.aliases[key] = reference
            case .value(let element):
                register(element, key: key)
            }
            result.append(Named(name: entry.key, value: value, origin: entryScope.origin(entry.value)))
        }
        return result
    }

    private func register(_ element: some Sendable, key: String) {
        switch element {
        case let schema as Schema: targets.schemas[key] = schema
        case let parameter as Parameter: targets.parameters[key] = parameter
        case let response as Response: targets.responses[key] = response
        case let body as RequestBody: targets.requestBodies[key] = body
        case let header as Header: targets.headers[key] = header
        default: break
        }
    }

    func parseParameter(_ node: Node, _ scope: Scope) -> Parameter? {
        guard mapping(node, scope) != nil else { return nil }
        guard let name = string(node, "name", scope) else {
            warning("invalid-parameter", "parameter has no 'name'; skipping it", node, scope)
            return nil
        }
        let locationText = string(node, "in", scope) ?? ""
        guard let location = Parameter.Location(rawValue: locationText) else {
            warning("invalid-parameter", "parameter '\(name)' has 'in: \(locationText)', which is not path, query, header or cookie; skipping it", node, scope)
            return nil
        }
        var parameter = Parameter(
            name: name,
            location: location,
            description: string(node, "description", scope),
            isRequired: bool(node, "required", scope) ?? false,
            origin: scope.origin(node)
        )
        parameter.isDeprecated = bool(node, "deprecated", scope) ?? false
        parseStyle(node, into: &parameter, scope)
        parameter.explode = bool(node, "explode", scope)
        parameter.allowReserved = bool(node, "allowReserved", scope) ?? false
        if let schema = node["schema"] {
            parameter.schema = referenceable(schema, scope.child("schema"), kind: .schema) { self.parseSchema($0, $1) }
        }
        if let content = node["content"] {
            parameter.content = parseContent(content, scope.child("content"))
        }
        parameter.example = node["example"].map(Literal.init)
        parameter.extensions = extensions(of: node)
        return parameter
    }

    /// The `style` keyword: one of the styles OpenAPI defines, or a warning and the location's default.
    private func parseStyle(_ node: Node, into parameter: inout Parameter, _ scope: Scope) {
        guard let entry = node.entry("style") else { return }
        let styleScope = scope.child("style")
        parameter.styleOrigin = Origin(file: styleScope.file(of: entry.value), pointer: styleScope.pointer, position: entry.keyLocation)
        guard let text = string(node, "style", scope) else { return }
        guard let style = ParameterStyle(rawValue: text) else {
            let fallback = ParameterStyle.defaultStyle(for: parameter.location).rawValue
            let known = ParameterStyle.styles(for: parameter.location).map(\.rawValue).joined(separator: ", ")
            diagnostics.emit(.warning(
                "unknown-parameter-style",
                "\(parameter.location.rawValue) parameter '\(parameter.name)' has style '\(text)', which OpenAPI does not define (\(parameter.location.rawValue) parameters take \(known)); using '\(fallback)'",
                at: parameter.styleOrigin?.location
            ))
            return
        }
        parameter.style = style
    }

    func parseHeader(_ node: Node, _ scope: Scope) -> Header? {
        guard mapping(node, scope) != nil else { return nil }
        var header = Header(description: string(node, "description", scope), origin: scope.origin(node))
        header.isRequired = bool(node, "required", scope) ?? false
        header.isDeprecated = bool(node, "deprecated", scope) ?? false
        if let schema = node["schema"] {
            header.schema = referenceable(schema, scope.child("schema"), kind: .schema) { self.parseSchema($0, $1) }
        }
        return header
    }

    func parseRequestBody(_ node: Node, _ scope: Scope) -> RequestBody? {
        guard mapping(node, scope) != nil else { return nil }
        return RequestBody(
            description: string(node, "description", scope),
            isRequired: bool(node, "required", scope),
            content: node["content"].map { parseContent($0, scope.child("content")) } ?? [],
            origin: scope.origin(node)
        )
    }

    func parseResponse(_ node: Node, _ scope: Scope) -> Response? {
        guard mapping(node, scope) != nil else { return nil }
        var response = Response(description: string(node, "description", scope), origin: scope.origin(node))
        if let headers = node["headers"], let entries = mapping(headers, scope.child("headers")) {
            for entry in entries {
                let headerScope = scope.child("headers").child(entry.key)
                if let header = referenceable(entry.value, headerScope, kind: .header, parse: { self.parseHeader($0, $1) }) {
                    response.headers.append((entry.key, header))
                }
            }
        }
        if let content = node["content"] {
            response.content = parseContent(content, scope.child("content"))
        }
        return response
    }

    func parseContent(_ node: Node, _ scope: Scope) -> [MediaType] {
        guard let entries = mapping(node, scope) else { return [] }
        return entries.map { entry in
            let mediaScope = scope.child(entry.key)
            var media = MediaType(contentType: entry.key, origin: mediaScope.origin(entry.value))
            if let schema = entry.value["schema"] {
                media.schema = referenceable(schema, mediaScope.child("schema"), kind: .schema) { self.parseSchema($0, $1) }
            }
            media.example = entry.value["example"].map(Literal.init)
            return media
        }
    }

    func parseSecurityScheme(_ node: Node, _ scope: Scope) -> SecurityScheme? {
        guard mapping(node, scope) != nil else { return nil }
        let kind: SecurityScheme.Kind
        switch string(node, "type", scope) {
        case "apiKey":
            kind = .apiKey(name: string(node, "name", scope) ?? "", location: string(node, "in", scope) ?? "header")
        case "http":
            kind = .http(scheme: (string(node, "scheme", scope) ?? "bearer").lowercased(), bearerFormat: string(node, "bearerFormat", scope))
        case "oauth2":
            kind = .oauth2
        case "openIdConnect":
            kind = .openIDConnect(url: string(node, "openIdConnectUrl", scope))
        case "mutualTLS":
            kind = .mutualTLS
        case let other:
            warning("invalid-security-scheme", "security scheme type '\(other ?? "")' is not apiKey, http, oauth2, openIdConnect or mutualTLS; skipping it", node, scope)
            return nil
        }
        return SecurityScheme(kind: kind, description: string(node, "description", scope), origin: scope.origin(node))
    }
}

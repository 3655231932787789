/// Schemas, parameters, responses and security schemes, each from its 2.0 form to its 3.0 one.
extension SwaggerConverter {
    /// The keywords of a 2.0 parameter, header or items object that describe its value, which
    /// 3.0 moves into a `schema`.
    static let valueKeywords: [String] = [
        "type", "format", "items", "default", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "enum", "multipleOf",
    ]

    // MARK: - Schemas

    /// A schema with 2.0's own keywords rewritten: `x-nullable` as `nullable`, `type: file` as
    /// binary, a string `discriminator` as an object, `#/definitions/` references as components.
    func convertSchema(_ node: Node, _ place: Place) -> Node {
        guard let entries = node.entries else { return node }
        if let reference = node["$ref"] {
            let converted = convertReference(reference, kind: .schema, place.child("$ref"))
            guard let nullable = node["x-nullable"], nullable.bool == true else {
                var result = MappingBuilder(at: node.location)
                for entry in entries {
                    result.set(entry.key, entry.key == "$ref" ? converted : entry.value, keyLocation: entry.keyLocation)
                }
                return result.node
            }
            // A `$ref` has no siblings in 3.0: a nullable reference is a nullable `allOf` of one.
            record(place.convertedChild("allOf"))
            let wrapped = Node.mapping([("$ref", converted)], at: reference.location)
            return .mapping([
                ("allOf", Node(.sequence([wrapped]), at: reference.location)),
                ("nullable", nullable),
            ], at: node.location)
        }
        var result = MappingBuilder(at: node.location)
        for entry in entries {
            let child = place.child(entry.key)
            switch entry.key {
            case "x-nullable":
                result.set("nullable", entry.value, keyLocation: entry.keyLocation)
                record(place.child(original: "x-nullable", converted: "nullable"))
            case "type" where entry.value.string == "file":
                result.set("type", .string("string", at: entry.value.location), keyLocation: entry.keyLocation)
                result.set("format", .string("binary", at: entry.value.location), keyLocation: entry.keyLocation)
            case "format" where node["type"]?.string == "file":
                continue
            case "discriminator":
                if entry.value.string != nil {
                    result.set("discriminator", .mapping([("propertyName", entry.value)], at: entry.value.location), keyLocation: entry.keyLocation)
                    record(child.convertedChild("propertyName"))
                } else {
                    result.copy(entry)
                }
            case "properties":
                var properties = MappingBuilder(at: entry.value.location)
                for property in entry.value.entries ?? [] {
                    properties.set(property.key, convertSchema(property.value, child.child(property.key)), keyLocation: property.keyLocation)
                }
                result.set("properties", entry.value.entries == nil ? entry.value : properties.node, keyLocation: entry.keyLocation)
            case "items", "additionalProperties", "not":
                result.set(entry.key, convertSchema(entry.value, child), keyLocation: entry.keyLocation)
            case "allOf", "anyOf", "oneOf":
                let items = entry.value.items?.enumerated().map { index, item in convertSchema(item, child.child(String(index))) }
                result.set(entry.key, items.map { Node(.sequence($0), at: entry.value.location) } ?? entry.value, keyLocation: entry.keyLocation)
            case "collectionFormat":
                warning("swagger-collection-format", "'collectionFormat' only applies to a parameter's own array; ignoring it here", entry.value, child)
            default:
                result.copy(entry)
            }
        }
        return result.node
    }

    // MARK: - Parameters

    /// A path, query, header or cookie parameter: its value keywords become a `schema`, and
    /// `collectionFormat` becomes `style` and `explode`.
    func convertParameter(_ node: Node, _ place: Place) -> Node {
        guard let entries = node.entries else { return node }
        if let reference = node["$ref"] {
            return .mapping([("$ref", convertReference(reference, kind: .parameter, place.child("$ref")))], at: node.location)
        }
        let location = node["in"]?.string ?? ""
        var result = MappingBuilder(at: node.location)
        var wroteSchema = false
        for entry in entries {
            if Self.valueKeywords.contains(entry.key) || entry.key == "x-nullable" || entry.key == "collectionFormat" {
                guard !wroteSchema else { continue }
                wroteSchema = true
                result.set("schema", parameterSchema(node, place.convertedChild("schema")), keyLocation: entry.keyLocation)
                if let (style, explode) = style(of: node, in: location, place) {
                    result.set("style", .string(style, at: node["collectionFormat"]?.location ?? node.location))
                    result.set("explode", .bool(explode, at: node["collectionFormat"]?.location ?? node.location))
                }
            } else if entry.key == "schema" {
                result.set("schema", convertSchema(entry.value, place.child("schema")), keyLocation: entry.keyLocation)
            } else {
                result.copy(entry)
            }
        }
        return result.node
    }

    /// The schema a 2.0 parameter, header or items object describes with its own keywords;
    /// `place` is the schema's converted pointer with the pointer of the parameter itself.
    func parameterSchema(_ node: Node, _ place: Place) -> Node {
        record(place)
        var schema = MappingBuilder(at: node.location)
        for entry in node.entries ?? [] {
            if entry.key == "items" {
                if entry.value["collectionFormat"] != nil {
                    warning("swagger-collection-format", "a nested array's 'collectionFormat' has no OpenAPI 3 equivalent; ignoring it", entry.value["collectionFormat"] ?? entry.value, place.child("items").child("collectionFormat"))
                }
                schema.set("items", itemsSchema(entry.value, place.child("items")), keyLocation: entry.keyLocation)
            } else if Self.valueKeywords.contains(entry.key) || entry.key == "x-nullable" {
                schema.copy(entry)
            }
        }
        return convertSchema(schema.node, place)
    }

    /// An `items` object: a schema of value keywords, with any `collectionFormat` left out.
    private func itemsSchema(_ node: Node, _ place: Place) -> Node {
        guard node["$ref"] == nil, let entries = node.entries else { return node }
        var schema = MappingBuilder(at: node.location)
        for entry in entries where entry.key != "collectionFormat" {
            if entry.key == "items" {
                schema.set("items", itemsSchema(entry.value, place.child("items")), keyLocation: entry.keyLocation)
            } else {
                schema.copy(entry)
            }
        }
        return schema.node
    }

    /// `style` and `explode` for an array parameter's `collectionFormat` (2.0's default is `csv`).
    private func style(of node: Node, in location: String, _ place: Place) -> (String, Bool)? {
        guard node["type"]?.string == "array" else { return nil }
        let formatNode = node["collectionFormat"]
        let format = formatNode?.string ?? "csv"
        let simpleLocation = location == "path" || location == "header"
        let comma = simpleLocation ? ("simple", false) : ("form", false)
        switch format {
        case "csv":
            return comma
        case "ssv" where location == "query":
            return ("spaceDelimited", false)
        case "pipes" where location == "query":
            return ("pipeDelimited", false)
        case "multi" where location == "query":
            return ("form", true)
        default:
            warning("swagger-collection-format", "'collectionFormat: \(format)' has no OpenAPI 3 equivalent for a \(location) parameter; separating the values with commas", formatNode ?? node, place.child("collectionFormat"))
            return comma
        }
    }

    // MARK: - Responses

    func convertResponses(_ node: Node, produces: [String], _ place: Place) -> Node {
        guard let entries = node.entries else { return node }
        var responses = MappingBuilder(at: node.location)
        for entry in entries {
            guard !entry.key.hasPrefix("x-") else {
                responses.copy(entry)
                continue
            }
            responses.set(entry.key, convertResponse(entry.value, produces: produces, place.child(entry.key)), keyLocation: entry.keyLocation)
        }
        return responses.node
    }

    /// A response: its `schema` under each content type the operation `produces`, its headers'
    /// value keywords as schemas.
    func convertResponse(_ node: Node, produces: [String], _ place: Place) -> Node {
        guard let entries = node.entries else { return node }
        if let reference = node["$ref"] {
            return .mapping([("$ref", convertReference(reference, kind: .response, place.child("$ref")))], at: node.location)
        }
        var result = MappingBuilder(at: node.location)
        let mediaTypes = produces.isEmpty ? [Self.defaultMediaType] : produces
        for entry in entries {
            switch entry.key {
            case "schema":
                var content = MappingBuilder(at: entry.value.location)
                for mediaType in mediaTypes {
                    let schemaPlace = Place(fileKey: place.fileKey, original: place.original.appending("schema"), converted: place.converted.appending("content").appending(mediaType).appending("schema"))
                    record(schemaPlace)
                    var media = MappingBuilder(at: entry.value.location)
                    media.set("schema", convertSchema(entry.value, schemaPlace))
                    if let example = node["examples"]?[mediaType] {
                        media.set("example", example)
                    }
                    content.set(mediaType, media.node)
                }
                result.set("content", content.node, keyLocation: entry.keyLocation)
            case "examples":
                continue
            case "headers":
                var headers = MappingBuilder(at: entry.value.location)
                for header in entry.value.entries ?? [] {
                    headers.set(header.key, convertHeader(header.value, place.child("headers").child(header.key)), keyLocation: header.keyLocation)
                }
                result.set("headers", headers.node, keyLocation: entry.keyLocation)
            default:
                result.copy(entry)
            }
        }
        if result.entries.first(where: { $0.key == "description" }) == nil {
            result.set("description", .string("", at: node.location))
        }
        return result.node
    }

    private func convertHeader(_ node: Node, _ place: Place) -> Node {
        guard let entries = node.entries else { return node }
        var header = MappingBuilder(at: node.location)
        var wroteSchema = false
        for entry in entries {
            if Self.valueKeywords.contains(entry.key) || entry.key == "x-nullable" || entry.key == "collectionFormat" {
                guard !wroteSchema else { continue }
                wroteSchema = true
                header.set("schema", parameterSchema(node, place.convertedChild("schema")), keyLocation: entry.keyLocation)
            } else {
                header.copy(entry)
            }
        }
        return header.node
    }

    // MARK: - Security

    /// `basic` as HTTP basic, `apiKey` as it is, `oauth2` with its one flow as 3.0's `flows`.
    func convertSecurityScheme(_ node: Node, _ place: Place) -> Node {
        guard let entries = node.entries, let type = node["type"] else { return node }
        var scheme = MappingBuilder(at: node.location)
        switch type.string {
        case "basic":
            scheme.set("type", .string("http", at: type.location))
            scheme.set("scheme", .string("basic", at: type.location))
        case "apiKey":
            scheme.set("type", type)
            if let name = node["name"] { scheme.set("name", name) }
            if let location = node["in"] { scheme.set("in", location) }
        case "oauth2":
            scheme.set("type", type)
            let flowNode = node["flow"]
            let flowNames = ["implicit": "implicit", "password": "password", "application": "clientCredentials", "accessCode": "authorizationCode"]
            guard let flow = flowNode?.string, let name = flowNames[flow] else {
                warning("swagger-security-scheme", "an oauth2 security definition needs a 'flow' of implicit, password, application or accessCode; leaving it without flows", flowNode ?? node, place.child("flow"))
                break
            }
            var converted = MappingBuilder(at: flowNode?.location ?? node.location)
            if flow == "implicit" || flow == "accessCode", let url = node["authorizationUrl"] {
                converted.set("authorizationUrl", url)
            }
            if flow != "implicit", let url = node["tokenUrl"] {
                converted.set("tokenUrl", url)
            }
            converted.set("scopes", node["scopes"] ?? .mapping([], at: node.location))
            scheme.set("flows", .mapping([(name, converted.node)], at: flowNode?.location ?? node.location))
        default:
            // Not a 2.0 type: passed on as written, for the Document stage to report.
            return node
        }
        for entry in entries where entry.key == "description" || entry.key.hasPrefix("x-") {
            scheme.copy(entry)
        }
        return scheme.node
    }
}

extension SwaggerConverter.Place {
    /// A child that conversion made: its converted pointer under this one, its original pointer this one's.
    func convertedChild(_ token: String) -> SwaggerConverter.Place {
        SwaggerConverter.Place(fileKey: fileKey, original: original, converted: converted.appending(token))
    }
}

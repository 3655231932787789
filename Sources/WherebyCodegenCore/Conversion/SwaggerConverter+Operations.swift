/// Paths and operations: body and form parameters become request bodies, `consumes` and
/// `produces` become the content types of bodies and responses.
extension SwaggerConverter {
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch"]

    /// One entry of a 2.0 parameter list, sorted by what it becomes in 3.0.
    enum ParameterUse {
        /// A path, query, header or cookie parameter, converted.
        case parameter(Node)
        /// A `body` parameter (the node as written, or the one its `$ref` points at).
        case body(Node, Place)
        /// A `formData` parameter, one property of a form body.
        case formField(name: String, Node, Place)
    }

    func convertPaths(_ node: Node, _ place: Place) -> Node {
        guard let entries = node.entries else { return node }
        var paths = MappingBuilder(at: node.location)
        for entry in entries {
            guard !entry.key.hasPrefix("x-") else {
                paths.copy(entry)
                continue
            }
            paths.set(entry.key, convertPathItem(entry.value, place.child(entry.key)), keyLocation: entry.keyLocation)
        }
        return paths.node
    }

    private func convertPathItem(_ node: Node, _ place: Place) -> Node {
        guard let entries = node.entries, node["$ref"] == nil else { return node }
        var item = MappingBuilder(at: node.location)
        // Path-level body and form parameters apply to every operation below.
        var shared: [ParameterUse] = []
        if let parameters = node.entry("parameters") {
            shared = parameterUses(parameters.value, place.child("parameters"))
            let converted = convertedParameters(shared, parameters.value, place.child("parameters"))
            if let converted {
                item.set("parameters", converted, keyLocation: parameters.keyLocation)
            }
        }
        for entry in entries where entry.key != "parameters" {
            if Self.methods.contains(entry.key) {
                item.set(entry.key, convertOperation(entry.value, shared: shared, place.child(entry.key)), keyLocation: entry.keyLocation)
            } else {
                item.copy(entry)
            }
        }
        return item.node
    }

    private func convertOperation(_ node: Node, shared: [ParameterUse], _ place: Place) -> Node {
        guard let entries = node.entries else { return node }
        var operation = MappingBuilder(at: node.location)
        let consumes = node["consumes"]?.strings ?? globalConsumes
        let produces = node["produces"]?.strings ?? globalProduces
        var own: [ParameterUse] = []
        if let parameters = node["parameters"] {
            own = parameterUses(parameters, place.child("parameters"))
        }
        var wroteBody = false
        for entry in entries {
            switch entry.key {
            case "parameters":
                if let converted = convertedParameters(own, entry.value, place.child("parameters")) {
                    operation.set("parameters", converted, keyLocation: entry.keyLocation)
                }
                if let body = requestBody(shared: shared, own: own, consumes: consumes, operation: node, place) {
                    operation.set("requestBody", body, keyLocation: entry.keyLocation)
                }
                wroteBody = true
            case "consumes", "produces":
                continue
            case "schemes":
                warning("swagger-operation-schemes", "an operation's own 'schemes' have no OpenAPI 3 equivalent; using the document's servers", entry.value, place.child("schemes"))
            case "responses":
                operation.set("responses", convertResponses(entry.value, produces: produces, place.child("responses")), keyLocation: entry.keyLocation)
            default:
                operation.copy(entry)
            }
        }
        if !wroteBody, let body = requestBody(shared: shared, own: own, consumes: consumes, operation: node, place) {
            operation.set("requestBody", body)
        }
        return operation.node
    }

    // MARK: - Parameters

    /// Sorts each entry of a parameter list, following `$ref`s to learn where a parameter goes.
    private func parameterUses(_ node: Node, _ place: Place) -> [ParameterUse] {
        guard let items = node.items else { return [] }
        var uses: [ParameterUse] = []
        for (index, item) in items.enumerated() {
            let itemPlace = place.child(String(index))
            var target = (node: item, place: itemPlace)
            if let reference = item["$ref"] {
                guard let found = self.target(of: reference, itemPlace) else {
                    // The Document stage reports a reference to nothing.
                    uses.append(.parameter(Node.mapping([("$ref", convertReference(reference, kind: .parameter, itemPlace.child("$ref")))], at: item.location)))
                    continue
                }
                target = found
            }
            switch target.node["in"]?.string {
            case "body":
                uses.append(.body(target.node, target.place))
            case "formData":
                guard let name = target.node["name"]?.string else {
                    warning("swagger-form-parameter", "a formData parameter has no 'name'; skipping it", target.node, target.place)
                    continue
                }
                uses.append(.formField(name: name, target.node, target.place))
            default:
                if let reference = item["$ref"] {
                    uses.append(.parameter(Node.mapping([("$ref", convertReference(reference, kind: .parameter, itemPlace.child("$ref")))], at: item.location)))
                } else {
                    uses.append(.parameter(convertParameter(item, itemPlace)))
                }
            }
        }
        return uses
    }

    /// The path, query, header and cookie parameters of a list, renumbered where body and form
    /// parameters left it; `nil` when none is left.
    private func convertedParameters(_ uses: [ParameterUse], _ node: Node, _ place: Place) -> Node? {
        var converted: [Node] = []
        for (index, use) in uses.enumerated() {
            guard case .parameter(let parameter) = use else { continue }
            if converted.count != index {
                // The parameter, and the `schema` made of its own keywords, under its new index.
                let original = place.original.appending(String(index))
                let moved = place.converted.appending(String(converted.count))
                record(Place(fileKey: place.fileKey, original: original, converted: moved))
                record(Place(fileKey: place.fileKey, original: original, converted: moved.appending("schema")))
            }
            converted.append(parameter)
        }
        return converted.isEmpty ? nil : Node(.sequence(converted), at: node.location)
    }

    // MARK: - Request bodies

    /// The request body of an operation: its `body` parameter, or a form of its `formData` ones.
    private func requestBody(shared: [ParameterUse], own: [ParameterUse], consumes: [String], operation: Node, _ place: Place) -> Node? {
        let bodies = own.compactMap(Self.body)
        let sharedBodies = shared.compactMap(Self.body)
        var fields: [(name: String, node: Node, place: Place)] = []
        for use in shared + own {
            guard case .formField(let name, let node, let fieldPlace) = use else { continue }
            // An operation's own field replaces a path-level one of the same name.
            fields.removeAll { $0.name == name }
            fields.append((name, node, fieldPlace))
        }
        let bodyPlace = place.child("requestBody")
        if let (body, origin) = bodies.first ?? sharedBodies.first {
            if bodies.count > 1 {
                warning("swagger-multiple-bodies", "an operation has more than one body parameter; using the first", bodies[1].0, bodies[1].1)
            }
            if let field = fields.first {
                warning("swagger-body-and-form", "an operation has both a body and formData parameters; using the body and ignoring the form", field.node, field.place)
            }
            return convertBody(body, consumes: consumes, bodyPlace, from: origin)
        }
        guard !fields.isEmpty else { return nil }
        return formBody(fields, consumes: consumes, operation: operation, bodyPlace)
    }

    private static func body(_ use: ParameterUse) -> (Node, Place)? {
        if case .body(let node, let place) = use { return (node, place) }
        return nil
    }

    private func convertBody(_ node: Node, consumes: [String], _ place: Place, from origin: Place) -> Node {
        record(Place(fileKey: origin.fileKey, original: origin.original, converted: place.converted))
        var body = MappingBuilder(at: node.location)
        if let description = node["description"] { body.set("description", description) }
        if let required = node["required"] { body.set("required", required) }
        let formTypes = consumes.filter { $0 == Self.multipart || $0 == Self.urlEncoded }
        var mediaTypes = consumes.filter { !formTypes.contains($0) }
        if mediaTypes.isEmpty { mediaTypes = [Self.defaultMediaType] }
        var content = MappingBuilder(at: node.location)
        if let schema = node["schema"] {
            for mediaType in mediaTypes {
                let schemaPlace = Place(fileKey: origin.fileKey, original: origin.original.appending("schema"), converted: place.converted.appending("content").appending(mediaType).appending("schema"))
                record(schemaPlace)
                content.set(mediaType, .mapping([("schema", convertSchema(schema, schemaPlace))], at: schema.location))
            }
        } else {
            warning("swagger-body-schema", "a body parameter has no 'schema'; the request body accepts any value", node, origin)
            for mediaType in mediaTypes {
                content.set(mediaType, .mapping([], at: node.location))
            }
        }
        body.set("content", content.node)
        for entry in node.entries ?? [] where entry.key.hasPrefix("x-") {
            body.copy(entry)
        }
        return body.node
    }

    /// A form body: `multipart/form-data` or `application/x-www-form-urlencoded` per `consumes`,
    /// one property per `formData` parameter, `type: file` as binary.
    private func formBody(_ fields: [(name: String, node: Node, place: Place)], consumes: [String], operation: Node, _ place: Place) -> Node {
        let first = fields[0]
        let hasFile = fields.contains { $0.node["type"]?.string == "file" }
        var mediaTypes = consumes.filter { $0 == Self.multipart || $0 == Self.urlEncoded }
        if hasFile && mediaTypes.contains(Self.urlEncoded) {
            if !mediaTypes.contains(Self.multipart) {
                let field = fields.first { $0.node["type"]?.string == "file" } ?? first
                warning("swagger-file-in-url-encoded-form", "a file parameter cannot be sent in an 'application/x-www-form-urlencoded' form; sending the form as 'multipart/form-data'", field.node, field.place)
            }
            mediaTypes = [Self.multipart]
        }
        if mediaTypes.isEmpty {
            mediaTypes = [hasFile ? Self.multipart : Self.urlEncoded]
        }
        record(Place(fileKey: first.place.fileKey, original: first.place.original, converted: place.converted))
        let schemaPointer = place.converted.appending("content").appending(mediaTypes[0]).appending("schema")
        var properties = MappingBuilder(at: first.node.location)
        var required: [Node] = []
        var isRequired = false
        for field in fields {
            if field.node["type"]?.string == "array", field.node["collectionFormat"]?.string != "multi" {
                // Form bodies send an array as one field per value, which is what `multi` says.
                let format = field.node["collectionFormat"]?.string ?? "csv"
                let at = field.node["collectionFormat"] ?? field.node["type"] ?? field.node
                warning("swagger-collection-format", "form field '\(field.name)' has 'collectionFormat: \(format)', which a form body cannot express; sending one field per value, as 'multi' does", at, field.node["collectionFormat"] == nil ? field.place.child("type") : field.place.child("collectionFormat"))
            }
            let propertyPlace = Place(fileKey: field.place.fileKey, original: field.place.original, converted: schemaPointer.appending("properties").appending(field.name))
            properties.set(field.name, parameterSchema(field.node, propertyPlace), keyLocation: field.node["name"]?.location)
            if field.node["required"]?.bool == true {
                required.append(.string(field.name, at: field.node["required"]?.location ?? field.node.location))
                isRequired = true
            }
        }
        var schema = MappingBuilder(at: first.node.location)
        schema.set("type", .string("object", at: first.node.location))
        schema.set("properties", properties.node)
        if !required.isEmpty {
            schema.set("required", Node(.sequence(required), at: first.node.location))
        }
        var content = MappingBuilder(at: first.node.location)
        for mediaType in mediaTypes {
            let mediaPlace = place.converted.appending("content").appending(mediaType)
            for field in fields {
                record(Place(fileKey: field.place.fileKey, original: field.place.original, converted: mediaPlace.appending("schema").appending("properties").appending(field.name)))
            }
            content.set(mediaType, .mapping([("schema", schema.node)], at: first.node.location))
        }
        var body = MappingBuilder(at: first.node.location)
        if isRequired { body.set("required", .bool(true, at: first.node.location)) }
        body.set("content", content.node)
        return body.node
    }
}

/// Converts a Swagger 2.0 document, node tree to node tree, into the OpenAPI 3.0 tree the
/// Document stage reads, so that every stage after it works as it does for OpenAPI 3.
///
/// Runs after overlays are applied. Every converted node keeps the location of the node it was
/// made from, and a `PointerMap` per file maps the converted JSON pointers back, so diagnostics
/// still point into the file the user wrote. What 2.0 can say and 3.0 cannot is a located
/// warning that says what was done, never a failure.
public final class SwaggerConverter {
    /// Reads another file of the document by its reference key (its path relative to the root
    /// document's folder); `nil` when it cannot be read, which the Document stage reports.
    public typealias Loader = (_ fileKey: String) -> (displayPath: String, root: Node)?

    /// What the conversion produced.
    public struct Result: Sendable {
        /// The root document, as OpenAPI 3.0.
        public var root: Node
        /// The other files the document refers into, converted where it does, by reference key.
        public var files: [String: File]
        /// Per file, as diagnostics print its path: how to map converted pointers back.
        public var pointerMaps: [String: PointerMap]
        public var diagnostics: [Diagnostic]
    }

    public struct File: Sendable {
        public var displayPath: String
        public var root: Node
    }

    /// The kind of element a reference into another file points at, which decides its conversion.
    enum Kind {
        case schema, parameter, response
    }

    /// Where a node being converted is: its file and its pointers before and after conversion.
    struct Place {
        var fileKey: String
        var original: JSONPointer
        var converted: JSONPointer

        func child(_ token: String) -> Place {
            Place(fileKey: fileKey, original: original.appending(token), converted: converted.appending(token))
        }

        func child(original: String, converted: String) -> Place {
            Place(fileKey: fileKey, original: self.original.appending(original), converted: self.converted.appending(converted))
        }
    }

    static let defaultMediaType = "application/json"
    static let multipart = "multipart/form-data"
    static let urlEncoded = "application/x-www-form-urlencoded"

    let rootPath: String
    /// The root document's own reference key when another file refers back to it (`api.yaml`).
    let rootSelfKey: String
    let original: Node
    let loader: Loader
    /// The overlays applied to the document, for nodes they merged in (`SourceLocation.source`).
    let overlayFiles: [String]
    var globalConsumes: [String] = []
    var globalProduces: [String] = []
    var diagnostics = DiagnosticCollector()
    var maps: [String: PointerMap] = [:]
    var files: [String: File] = [:]
    /// References into other files still to convert there, with what they point at.
    var pending: [(fileKey: String, pointer: JSONPointer, kind: Kind)] = []

    private init(root: Node, path: String, loader: @escaping Loader, overlayFiles: [String]) {
        self.original = root
        self.overlayFiles = overlayFiles
        self.rootPath = path
        self.rootSelfKey = String(path.split(separator: "/").last ?? Substring(path))
        self.loader = loader
    }

    /// Whether `root` is a Swagger 2.0 document.
    public static func isSwagger(_ root: Node) -> Bool {
        root["swagger"] != nil && root["openapi"] == nil
    }

    /// Converts the document `root`, read from `path`, and the parts of other files it refers to.
    public static func convert(_ root: Node, path: String, loader: @escaping Loader = { _ in nil }, overlayFiles: [String] = []) -> Result {
        let converter = SwaggerConverter(root: root, path: path, loader: loader, overlayFiles: overlayFiles)
        let converted = converter.convertDocument(root)
        converter.convertPending()
        var pointerMaps: [String: PointerMap] = [:]
        for (fileKey, map) in converter.maps {
            pointerMaps[fileKey.isEmpty ? path : converter.files[fileKey]?.displayPath ?? fileKey] = map
        }
        var files = converter.files
        // A reference back into the root document by its file name reads the converted root.
        files[converter.rootSelfKey] = File(displayPath: path, root: converted)
        return Result(root: converted, files: files, pointerMaps: pointerMaps, diagnostics: converter.diagnostics.diagnostics)
    }

    // MARK: - Document

    private func convertDocument(_ root: Node) -> Node {
        let place = Place(fileKey: "", original: .root, converted: .root)
        var result = MappingBuilder(at: root.location)
        globalConsumes = root["consumes"]?.strings ?? []
        globalProduces = root["produces"]?.strings ?? []
        if let version = root["swagger"]?.scalarText, version != "2.0" {
            warning("swagger-version", "swagger version '\(version)' is not 2.0; reading it as 2.0", root["swagger"] ?? root, place.child("swagger"))
        }
        var wroteServers = false
        var wroteComponents = false
        for entry in root.entries ?? [] {
            switch entry.key {
            case "swagger":
                result.set("openapi", .string("3.0.3", at: entry.value.location), keyLocation: entry.keyLocation)
                record(place.child(original: "swagger", converted: "openapi"))
            case "host", "basePath", "schemes":
                guard !wroteServers else { continue }
                wroteServers = true
                if let servers = convertServers(root, place) {
                    result.set("servers", servers, keyLocation: entry.keyLocation)
                    record(place.child(original: entry.key, converted: "servers"))
                }
            case "consumes", "produces":
                continue
            case "definitions", "parameters", "responses", "securityDefinitions":
                guard !wroteComponents else { continue }
                wroteComponents = true
                result.set("components", convertComponents(root, place), keyLocation: entry.keyLocation)
            case "paths":
                result.set("paths", convertPaths(entry.value, place.child("paths")), keyLocation: entry.keyLocation)
            default:
                result.copy(entry)
            }
        }
        if !wroteComponents {
            result.set("components", convertComponents(root, place))
        }
        return result.node
    }

    private func convertServers(_ root: Node, _ place: Place) -> Node? {
        let host = root["host"]?.string
        let basePath = root["basePath"]?.string ?? ""
        let location = (root["host"] ?? root["basePath"] ?? root["schemes"] ?? root).location
        var urls: [String] = []
        if let host {
            let schemes = root["schemes"]?.strings ?? []
            urls = (schemes.isEmpty ? ["https"] : schemes).map { "\($0)://\(host)\(basePath)" }
        } else if !basePath.isEmpty {
            urls = [basePath]
        } else {
            return nil
        }
        let servers = urls.map { Node.mapping([("url", .string($0, at: location))], at: location) }
        return Node(.sequence(servers), at: location)
    }

    private func convertComponents(_ root: Node, _ place: Place) -> Node {
        var components = MappingBuilder(at: (root["definitions"] ?? root["parameters"] ?? root["responses"] ?? root).location)
        let componentsPlace = Place(fileKey: "", original: .root, converted: JSONPointer(["components"]))
        if let definitions = root.entry("definitions") {
            let definitionsPlace = Place(fileKey: "", original: JSONPointer(["definitions"]), converted: JSONPointer(["components", "schemas"]))
            record(definitionsPlace)
            var schemas = MappingBuilder(at: definitions.value.location)
            for entry in definitions.value.entries ?? [] {
                schemas.set(entry.key, convertSchema(entry.value, definitionsPlace.child(entry.key)), keyLocation: entry.keyLocation)
            }
            components.set("schemas", schemas.node, keyLocation: definitions.keyLocation)
        }
        if let parameters = root.entry("parameters") {
            let parametersPlace = Place(fileKey: "", original: JSONPointer(["parameters"]), converted: JSONPointer(["components", "parameters"]))
            record(parametersPlace)
            var converted = MappingBuilder(at: parameters.value.location)
            for entry in parameters.value.entries ?? [] {
                // Body and form parameters become request bodies where operations use them.
                let location = entry.value["in"]?.string
                guard location != "body" && location != "formData" else { continue }
                converted.set(entry.key, convertParameter(entry.value, parametersPlace.child(entry.key)), keyLocation: entry.keyLocation)
            }
            if !converted.isEmpty {
                components.set("parameters", converted.node, keyLocation: parameters.keyLocation)
            }
        }
        if let responses = root.entry("responses") {
            let responsesPlace = Place(fileKey: "", original: JSONPointer(["responses"]), converted: JSONPointer(["components", "responses"]))
            record(responsesPlace)
            var converted = MappingBuilder(at: responses.value.location)
            for entry in responses.value.entries ?? [] {
                converted.set(entry.key, convertResponse(entry.value, produces: globalProduces, responsesPlace.child(entry.key)), keyLocation: entry.keyLocation)
            }
            components.set("responses", converted.node, keyLocation: responses.keyLocation)
        }
        if let security = root.entry("securityDefinitions") {
            let securityPlace = Place(fileKey: "", original: JSONPointer(["securityDefinitions"]), converted: componentsPlace.converted.appending("securitySchemes"))
            record(securityPlace)
            var converted = MappingBuilder(at: security.value.location)
            for entry in security.value.entries ?? [] {
                converted.set(entry.key, convertSecurityScheme(entry.value, securityPlace.child(entry.key)), keyLocation: entry.keyLocation)
            }
            components.set("securitySchemes", converted.node, keyLocation: security.keyLocation)
        }
        // Each section a 2.0 reference can name exists, so that a reference to nothing is
        // reported as a missing name, not a missing `components`.
        for section in ["schemas", "parameters", "responses"] where !components.entries.contains(where: { $0.key == section }) {
            components.set(section, .mapping([], at: root.location))
        }
        return components.node
    }

    // MARK: - Other files

    /// Converts, in place, the parts of other files that the document refers to.
    private func convertPending() {
        var done: Set<String> = []
        var index = 0
        while index < pending.count {
            let (fileKey, pointer, kind) = pending[index]
            index += 1
            guard done.insert(fileKey + pointer.description).inserted else { continue }
            guard let file = externalFile(fileKey), let node = file.root.descendant(at: pointer.tokens) else { continue }
            let place = Place(fileKey: fileKey, original: pointer, converted: pointer)
            let converted: Node
            switch kind {
            case .schema: converted = convertSchema(node, place)
            case .parameter: converted = convertParameter(node, place)
            case .response: converted = convertResponse(node, produces: globalProduces, place)
            }
            files[fileKey]?.root = file.root.replacing(at: pointer.tokens[...], with: converted)
        }
    }

    /// Another file of the document, read once.
    func externalFile(_ fileKey: String) -> File? {
        if let file = files[fileKey] { return file }
        guard let (displayPath, root) = loader(fileKey) else { return nil }
        let file = File(displayPath: displayPath, root: root)
        files[fileKey] = file
        return file
    }

    // MARK: - References

    /// The text of a `$ref` written in `place`'s file, pointing where the converted document has
    /// the same element; references into other files are noted for converting there.
    func convertReference(_ node: Node, kind: Kind, _ place: Place) -> Node {
        guard let text = node.string else { return node }
        let (filePart, fragment) = Self.split(text)
        let targetKey = filePart.isEmpty ? place.fileKey : DocumentParser.joinPath(directory: DocumentParser.directory(of: place.fileKey), filePart)
        guard targetKey.isEmpty || targetKey == rootSelfKey else {
            if let pointer = JSONPointer(fragment: fragment) {
                pending.append((targetKey, pointer, kind))
            }
            return node
        }
        for (new, old) in PointerMap.referencePrefixes where fragment.hasPrefix(old) {
            return .string(filePart + new + fragment.dropFirst(old.count), at: node.location)
        }
        return node
    }

    static func split(_ reference: String) -> (file: String, fragment: String) {
        guard let hash = reference.firstIndex(of: "#") else { return (reference, "#") }
        return (String(reference[..<hash]), String(reference[hash...]))
    }

    /// The node a `$ref` points at in the original document or another file, with its place.
    func target(of reference: Node, _ place: Place) -> (node: Node, place: Place)? {
        guard let text = reference.string else { return nil }
        let (filePart, fragment) = Self.split(text)
        guard let pointer = JSONPointer(fragment: fragment) else { return nil }
        let targetKey = filePart.isEmpty ? place.fileKey : DocumentParser.joinPath(directory: DocumentParser.directory(of: place.fileKey), filePart)
        let root = targetKey.isEmpty || targetKey == rootSelfKey ? original : externalFile(targetKey)?.root
        guard let node = root?.descendant(at: pointer.tokens) else { return nil }
        return (node, Place(fileKey: targetKey == rootSelfKey ? "" : targetKey, original: pointer, converted: pointer))
    }

    // MARK: - Bookkeeping

    func record(_ place: Place) {
        maps[place.fileKey, default: PointerMap()].record(place.converted, from: place.original)
    }

    func displayPath(_ fileKey: String) -> String {
        fileKey.isEmpty ? rootPath : files[fileKey]?.displayPath ?? fileKey
    }

    func warning(_ id: Diagnostic.ID, _ message: String, _ node: Node, _ place: Place) {
        let source = node.location.source
        let file = source > 0 && source <= overlayFiles.count ? overlayFiles[source - 1] : displayPath(place.fileKey)
        diagnostics.emit(.warning(id, message, at: Diagnostic.Location(file: file, position: node.location, pointer: place.original)))
    }
}

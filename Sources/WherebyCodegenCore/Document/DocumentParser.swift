/// Reads a node tree into the OpenAPI model: the Document stage.
///
/// Collects every problem it finds. Defects a real vendor document has (a wrongly typed keyword,
/// a 3.1 construct in a 3.0 document) are warnings that say what was done; only a document that
/// cannot be used at all (not OpenAPI 3, a `$ref` to nothing) is an error.
public final class DocumentParser {
    /// Loads another file named by a `$ref`, by its path relative to the root document's folder.
    public typealias Loader = (_ relativePath: String) throws(DiagnosticError) -> (displayPath: String, root: Node)

    var diagnostics = DiagnosticCollector()
    var version = OpenAPIVersion(major: 3, minor: 0, text: "3.0.0")
    var targets = ReferenceTargets()
    /// References still to follow, with the kind of element each must point at.
    var pendingReferences: [(reference: Reference, kind: ReferenceKind)] = []
    /// Keys of the elements already read, components included, so no target is read twice.
    var readKeys: Set<String> = []
    /// The root of every file read so far, by the file part of a reference key ("" for the root document).
    var files: [String: (displayPath: String, root: Node)] = [:]
    /// Every operation written as a `$ref` (not standard, but common), for one warning about them all.
    var operationReferences: [Reference] = []
    let loader: Loader?
    let overlayFiles: [String]

    private init(loader: Loader?, overlayFiles: [String]) {
        self.loader = loader
        self.overlayFiles = overlayFiles
    }

    /// Parses `root`, read from `file`, following `$ref`s into other files through `loader`.
    /// Returns the model and the warnings; throws every diagnostic when any is an error.
    public static func parse(
        _ root: Node,
        file: String,
        loader: Loader? = nil,
        overlayFiles: [String] = []
    ) throws(DiagnosticError) -> (document: OpenAPIDocument, diagnostics: [Diagnostic]) {
        let parser = DocumentParser(loader: loader, overlayFiles: overlayFiles)
        parser.files[""] = (file, root)
        let document = parser.parseDocument(root, file: file)
        parser.followReferences()
        try parser.diagnostics.throwIfErrors()
        guard var document else { throw DiagnosticError(parser.diagnostics.diagnostics) }
        document.referenceTargets = parser.targets
        return (document, parser.diagnostics.diagnostics)
    }

    // MARK: - Document

    private func parseDocument(_ root: Node, file: String) -> OpenAPIDocument? {
        let scope = Scope(file: file, fileKey: "", pointer: .root, overlayFiles: overlayFiles)
        guard root.entries != nil else {
            error("not-openapi", "not an OpenAPI document: the top level is \(root.kindDescription), not a mapping", root, scope)
            return nil
        }
        guard let version = parseVersion(root, scope) else { return nil }
        self.version = version

        let info = parseInfo(root["info"], scope.child("info"))
        var document = OpenAPIDocument(file: file, version: version, info: info)
        if let servers = root["servers"] {
            document.servers = parseServers(servers, scope.child("servers"))
        }
        if let components = root["components"] {
            document.components = parseComponents(components, scope.child("components"))
        }
        if let security = root["security"] {
            document.security = parseSecurity(security, scope.child("security"))
        }
        if let paths = root["paths"] {
            document.operations = parsePaths(paths, scope.child("paths"))
            reportOperationReferences()
            requireOperations(document.operations, in: root, scope)
        } else if root["webhooks"] == nil && root["components"] == nil {
            error("missing-paths", "the document has no 'paths', 'components' or 'webhooks'", root, scope)
        }
        document.extensions = extensions(of: root)
        return document
    }

    private func parseVersion(_ root: Node, _ scope: Scope) -> OpenAPIVersion? {
        if let swagger = root["swagger"] {
            error("unsupported-version", "swagger \(swagger.scalarText ?? "2.0") documents are not supported; convert the document to OpenAPI 3 first", swagger, scope.child("swagger"))
            return nil
        }
        guard let node = root["openapi"] else {
            error("not-openapi", "not an OpenAPI document: the top level has no 'openapi' version", root, scope)
            return nil
        }
        let text = node.scalarText ?? ""
        let parts = text.split(separator: ".")
        guard parts.count >= 2, let major = Int(parts[0]), let minor = Int(parts[1]), major == 3, minor <= 1 else {
            error("unsupported-version", "unsupported OpenAPI version '\(text)'; this generator reads 3.0.x and 3.1.x", node, scope.child("openapi"))
            return nil
        }
        return OpenAPIVersion(major: major, minor: minor, text: text)
    }

    private func parseInfo(_ node: Node?, _ scope: Scope) -> OpenAPIDocument.Info {
        guard let node, node.entries != nil else {
            return OpenAPIDocument.Info(title: "API", version: "", description: nil)
        }
        return OpenAPIDocument.Info(
            title: string(node, "title", scope) ?? "API",
            version: node["version"]?.scalarText ?? "",
            description: string(node, "description", scope)
        )
    }

    private func parseServers(_ node: Node, _ scope: Scope) -> [OpenAPIDocument.Server] {
        guard let items = sequence(node, scope) else { return [] }
        return items.enumerated().compactMap { index, item in
            let scope = scope.child(index)
            guard item.entries != nil, let url = string(item, "url", scope) else {
                warning("invalid-server", "a server needs a 'url'; skipping it", item, scope)
                return nil
            }
            var variables: [(name: String, defaultValue: String, allowed: [String])] = []
            for entry in item["variables"]?.entries ?? [] {
                let variable = scope.child("variables").child(entry.key)
                let allowed = entry.value["enum"]?.items?.compactMap(\.scalarText) ?? []
                variables.append((entry.key, string(entry.value, "default", variable) ?? allowed.first ?? "", allowed))
            }
            return OpenAPIDocument.Server(
                url: url,
                description: string(item, "description", scope),
                variables: variables,
                origin: scope.origin(item)
            )
        }
    }

    // MARK: - Paths and operations

    private func parsePaths(_ node: Node, _ scope: Scope) -> [APIOperation] {
        guard let entries = mapping(node, scope) else { return [] }
        var operations: [APIOperation] = []
        for entry in entries where !entry.key.hasPrefix("x-") {
            let itemScope = scope.child(entry.key)
            guard entry.key.hasPrefix("/") else {
                warning("invalid-path", "path '\(entry.key)' does not start with '/'; reading it as '/\(entry.key)'", entry.value, itemScope)
                operations += parsePathItem(entry.value, path: "/" + entry.key, itemScope)
                continue
            }
            operations += parsePathItem(entry.value, path: entry.key, itemScope)
        }
        return operations
    }

    private func parsePathItem(_ node: Node, path: String, _ listing: Scope) -> [APIOperation] {
        // A path item, and each of its operations, may be a `$ref`, into another file too.
        guard let (node, scope) = followingReferences(node, listing, isOperation: false), mapping(node, scope) != nil else { return [] }
        let shared = parameterList(node["parameters"], scope.child("parameters"))
        var operations: [APIOperation] = []
        // Document order, which is the order the operations are generated in.
        for entry in node.entries ?? [] {
            guard let method = APIOperation.Method(rawValue: entry.key),
                  let (operationNode, operationScope) = followingReferences(entry.value, scope.child(entry.key), isOperation: true)
            else { continue }
            if var operation = parseOperation(operationNode, method: method, path: path, shared: shared, operationScope) {
                operation.listing = listing.child(entry.key).pointer
                operations.append(operation)
            }
        }
        return operations
    }

    /// Paths that name no operation at all give a client with nothing in it: an error, unless a
    /// reference that led nowhere (already an error) is the reason. A document without paths, or
    /// with none, is a document of models and generates them.
    private func requireOperations(_ operations: [APIOperation], in root: Node, _ scope: Scope) {
        guard operations.isEmpty, !diagnostics.hasErrors, let paths = root.entry("paths") else { return }
        let count = (paths.value.entries ?? []).filter { !$0.key.hasPrefix("x-") }.count
        guard count > 0 else { return }
        diagnostics.emit(.error(
            "no-operations",
            "'paths' has \(count) \(count == 1 ? "path" : "paths") but no operation in any of them; there is nothing to generate a client from, so nothing was written",
            at: Diagnostic.Location(file: scope.file(of: paths.value), position: paths.keyLocation, pointer: scope.child("paths").pointer)
        ))
    }

    private func parseOperation(
        _ node: Node,
        method: APIOperation.Method,
        path: String,
        shared: [Referenceable<Parameter>],
        _ scope: Scope
    ) -> APIOperation? {
        guard mapping(node, scope) != nil else { return nil }
        var operation = APIOperation(method: method, path: path, origin: scope.origin(node))
        operation.operationID = string(node, "operationId", scope)
        operation.summary = string(node, "summary", scope)
        operation.description = string(node, "description", scope)
        operation.tags = node["tags"]?.items?.compactMap(\.string) ?? []
        operation.isDeprecated = bool(node, "deprecated", scope) ?? false
        let own = parameterList(node["parameters"], scope.child("parameters"))
        operation.parameters = shared + own
        if let body = node["requestBody"] {
            operation.requestBody = referenceable(body, scope.child("requestBody"), kind: .requestBody) {
                self.parseRequestBody($0, $1)
            }
        }
        if let responses = node["responses"], let entries = mapping(responses, scope.child("responses")) {
            for entry in entries where !entry.key.hasPrefix("x-") {
                let responseScope = scope.child("responses").child(entry.key)
                if let response = referenceable(entry.value, responseScope, kind: .response, parse: { self.parseResponse($0, $1) }) {
                    operation.responses.append((entry.key, response))
                }
            }
        } else {
            warning("missing-responses", "operation has no 'responses'; generating it without a result", node, scope)
        }
        if let security = node["security"] {
            operation.security = parseSecurity(security, scope.child("security"))
        }
        operation.extensions = extensions(of: node)
        return operation
    }

    private func parameterList(_ node: Node?, _ scope: Scope) -> [Referenceable<Parameter>] {
        guard let node, let items = sequence(node, scope) else { return [] }
        return items.enumerated().compactMap { index, item in
            referenceable(item, scope.child(index), kind: .parameter) { self.parseParameter($0, $1) }
        }
    }

    func parseSecurity(_ node: Node, _ scope: Scope) -> [SecurityRequirement] {
        guard let items = sequence(node, scope) else { return [] }
        return items.enumerated().compactMap { index, item in
            guard let entries = mapping(item, scope.child(index)) else { return nil }
            return SecurityRequirement(schemes: entries.map { entry in
                (entry.key, entry.value.items?.compactMap(\.string) ?? [])
            })
        }
    }
}

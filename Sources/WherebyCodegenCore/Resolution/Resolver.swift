/// Options that shape resolution.
public struct ResolverOptions: Sendable {
    /// The client type's name; nil takes the configuration's, else derives it from the document
    /// title (`Whereby REST API` → `WherebyClient`).
    public var clientName: String?
    /// Naming and type overrides, and which operations to keep.
    public var configuration: GeneratorConfiguration

    public init(clientName: String? = nil, configuration: GeneratorConfiguration = GeneratorConfiguration()) {
        self.clientName = clientName
        self.configuration = configuration
    }
}

/// Turns the OpenAPI model into the intermediate model: the Resolution stage.
///
/// Chooses every Swift name, maps every schema to a Swift type (hoisting inline objects and enums
/// into nested declarations), and repairs what a vendor document gets wrong, with a warning that
/// says what was done.
public final class Resolver {
    /// Type names the generated code refers to unqualified, so no declaration may take them.
    static let reservedTypeNames: Set<String> = EmitterNames.reservedTypeNames

    let document: OpenAPIDocument
    let options: ResolverOptions
    var diagnostics = DiagnosticCollector()

    /// Declarations in the order they were made; assembled into a tree at the end.
    var declarations: [TypeDeclaration] = []
    var scopes: [TypePath: NameScope] = [:]
    var topLevel = NameScope(reserved: Resolver.reservedTypeNames.union(EmitterNames.clientNestedTypes))
    /// The declared type of each component schema, by reference key.
    var componentTypes: [String: TypePath] = [:]
    /// Component schemas the configuration replaces with a type of its own, by reference key.
    var customComponentTypes: [String: String] = [:]
    /// Types already made for a schema, by where it is written (and the context that shapes it).
    var resolvedSchemas: [String: TypeReference] = [:]
    /// Names to keep free in a scope, found by an earlier pass to shadow a top-level type used there.
    let avoidedNames: [TypePath: Set<String>]
    /// Top-level names referenced from inside each scope, to detect shadowing.
    var topLevelReferences: [TypePath: Set<String>] = [:]
    /// Names a type had before `x-swift-type-name` renamed it, kept as deprecated aliases.
    var renamedFrom: [RenamedType] = []
    /// The `style` keys already warned about, so a shared parameter is reported once.
    var reportedStyles: Set<Origin> = []

    init(document: OpenAPIDocument, options: ResolverOptions, avoidedNames: [TypePath: Set<String>]) {
        self.document = document
        self.options = options
        self.avoidedNames = avoidedNames
    }

    /// Resolves `document`; returns the model and the warnings, or throws every diagnostic on error.
    public static func resolve(
        _ document: OpenAPIDocument,
        options: ResolverOptions = ResolverOptions()
    ) throws(DiagnosticError) -> (model: APIModel, diagnostics: [Diagnostic]) {
        var resolver = Resolver(document: document, options: options, avoidedNames: [:])
        var model = resolver.run()
        // A nested type that shadows a top-level type used inside its scope would make that use
        // refer to the wrong type: resolve again with those nested names kept free.
        let shadowed = resolver.shadowedNames()
        if !shadowed.isEmpty {
            resolver = Resolver(document: document, options: options, avoidedNames: shadowed)
            model = resolver.run()
        }
        try resolver.diagnostics.throwIfErrors()
        return (model, resolver.diagnostics.diagnostics)
    }

    private func run() -> APIModel {
        let clientName = (options.clientName ?? options.configuration.clientName).map(SwiftNaming.typeName) ?? Self.clientName(fromTitle: document.info.title)
        _ = topLevel.claim(clientName)
        // The endpoint protocol's name: a schema of that name is numbered, like one named as the client.
        _ = topLevel.claim(EmitterNames.clientProtocol(clientName))
        var model = APIModel(
            sourceFileName: Self.fileName(of: document.file),
            title: document.info.title,
            version: document.info.version,
            description: document.info.description,
            clientName: clientName
        )
        model.servers = resolveServers()
        model.securitySchemes = resolveSecuritySchemes()
        resolveComponentSchemas()
        resolveComponentResponses()
        model.operations = resolveOperations(defaultSecurity: defaultSecurity(model.securitySchemes))
        declareRenamedAliases()
        if !options.configuration.filter.isEmpty {
            model.operations = filter(model.operations, options.configuration.filter)
        }
        breakCycles()
        markRequestTypes(model.operations)
        paginate(&model.operations)
        model.types = assembleDeclarations()
        if !options.configuration.filter.isEmpty {
            model.types = keepReachable(model.types, from: model.operations)
        }
        return model
    }

    // MARK: - Names

    /// `Whereby REST API` → `WherebyClient`: the title without generic words, plus `Client`.
    static func clientName(fromTitle title: String) -> String {
        let generic: Set<String> = ["api", "rest", "openapi", "http", "https", "service", "server", "v1", "v2", "v3"]
        let kept = title.split { !$0.isLetter && !$0.isNumber }.filter { !generic.contains($0.lowercased()) }
        let words = kept.flatMap { SwiftNaming.words(String($0)) }
        guard !words.isEmpty else { return "APIClient" }
        return SwiftNaming.typeName(words.joined(separator: " ") + " Client")
    }

    static func fileName(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Claims a unique name for a new type in `parent` (nil: the top level).
    func claimTypeName(_ hint: String, in parent: TypePath?) -> TypePath {
        var name = SwiftNaming.typeName(hint)
        let dotted = parent.map { $0.description + "." + name } ?? name
        if let renamed = options.configuration.typeNames[dotted] {
            name = renamed
        }
        // `ThrottleError.data` → `DataPayload`, not `Data2`: the suffix says why it is not `Data`.
        if Self.reservedTypeNames.contains(name) || (parent == nil && EmitterNames.clientNestedTypes.contains(name)) {
            name += "Payload"
        }
        // `Transcription.type` → `TranscriptionType`: `Type` cannot name a nested type.
        if name.hasSuffix("_"), SwiftNaming.unusable.contains(String(name.dropLast())) {
            name = (parent?.name ?? "") + String(name.dropLast())
            if parent == nil { name += "Value" }
        }
        guard let parent else {
            return TypePath([topLevel.claim(name)])
        }
        var scope = typeScope(parent)
        let claimed = scope.claim(name)
        scopes[parent] = scope
        return parent.appending(claimed)
    }

    /// The names taken among the types nested in `parent`.
    func typeScope(_ parent: TypePath) -> NameScope {
        scopes[parent] ?? NameScope(reserved: Self.reservedTypeNames.union([parent.name]).union(avoidedNames[parent] ?? []))
    }

    func declare(_ declaration: TypeDeclaration) {
        declarations.append(declaration)
    }

    /// Nests each declaration in its parent, keeping the order they were made in.
    private func assembleDeclarations() -> [TypeDeclaration] {
        var children: [TypePath: [TypeDeclaration]] = [:]
        var roots: [TypeDeclaration] = []
        for declaration in declarations {
            if declaration.path.components.count == 1 {
                roots.append(declaration)
            } else {
                children[TypePath(Array(declaration.path.components.dropLast())), default: []].append(declaration)
            }
        }
        func attach(_ declaration: TypeDeclaration) -> TypeDeclaration {
            var copy = declaration
            copy.nested = (children[declaration.path] ?? []).map(attach)
            return copy
        }
        return roots.map(attach)
    }

    /// Scopes whose nested types shadow a top-level type that is used inside them.
    private func shadowedNames() -> [TypePath: Set<String>] {
        var nestedNames: [TypePath: Set<String>] = [:]
        for declaration in declarations where declaration.path.components.count > 1 {
            nestedNames[TypePath(Array(declaration.path.components.dropLast())), default: []].insert(declaration.name)
        }
        var result: [TypePath: Set<String>] = [:]
        for (scope, names) in topLevelReferences {
            // The scope itself and every enclosing scope can shadow.
            var path = scope.components
            while !path.isEmpty {
                let candidate = TypePath(path)
                let clash = names.intersection(nestedNames[candidate] ?? [])
                if !clash.isEmpty { result[candidate, default: []].formUnion(clash) }
                path.removeLast()
            }
        }
        return result
    }

    // MARK: - Servers and security

    private func resolveServers() -> [ServerModel] {
        var names = NameScope()
        return document.servers.enumerated().map { index, server in
            let words = SwiftNaming.words(server.description ?? "").filter { $0.lowercased() != "server" }
            let hint = words.isEmpty ? "server\(index + 1)" : words.joined(separator: " ")
            var url = server.url
            for variable in server.variables {
                url = url.replacingAll("{\(variable.name)}", with: variable.defaultValue)
            }
            return ServerModel(swiftName: names.claim(SwiftNaming.memberName(hint)), url: url, description: server.description)
        }
    }

    private func resolveSecuritySchemes() -> [SecuritySchemeModel] {
        var names = NameScope()
        return document.components.securitySchemes.compactMap { named in
            guard case .value(let scheme) = named.value else { return nil }
            let kind: SecuritySchemeModel.Kind
            switch scheme.kind {
            case .http(let scheme, let format) where scheme == "bearer": kind = .bearer(format: format)
            case .http(let scheme, _) where scheme == "basic": kind = .basic
            case .http(let scheme, _): kind = .other("http \(scheme)")
            case .apiKey(let name, let location): kind = .apiKey(name: name, location: location)
            case .oauth2: kind = .other("oauth2")
            case .openIDConnect: kind = .other("openIdConnect")
            case .mutualTLS: kind = .other("mutualTLS")
            }
            return SecuritySchemeModel(
                name: named.name,
                swiftName: names.claim(memberName(named.name)),
                kind: kind,
                description: scheme.description
            )
        }
    }

    /// The security of operations that declare none. A document that defines schemes but requires
    /// none anywhere almost always means every operation needs them: that is what the generator assumes.
    private func defaultSecurity(_ schemes: [SecuritySchemeModel]) -> [[String]] {
        let declared = document.security.map { $0.schemes.map(\.name) }
        if !declared.isEmpty || schemes.isEmpty { return declared }
        let anyOperationDeclares = document.operations.contains { $0.security != nil }
        guard !anyOperationDeclares, let first = document.components.securitySchemes.first else { return declared }
        let names = schemes.map(\.name)
        diagnostics.emit(.warning(
            "unused-security-scheme",
            "security scheme \(names.map { "'\($0)'" }.joined(separator: ", ")) is defined but no 'security' requirement uses it; requiring '\(names[0])' for every operation",
            at: first.origin.location
        ))
        return [[names[0]]]
    }
}

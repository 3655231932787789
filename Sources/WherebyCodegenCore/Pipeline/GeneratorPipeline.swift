/// The generator from end to end: read → document → resolve → emit, each stage a type of its own.
///
/// Each stage collects all of its problems; the run stops after the first stage that found an
/// error and throws everything found so far. Nothing is written here: output is rendered in
/// memory, and `OutputDirectory` writes it.
public struct GeneratorPipeline: Sendable {
    public struct Options: Sendable {
        public var resolver: ResolverOptions
        public var emitter: EmitterOptions
        public var readerLimits: ReaderLimits

        public init(resolver: ResolverOptions = ResolverOptions(), emitter: EmitterOptions = EmitterOptions(), readerLimits: ReaderLimits = .default) {
            self.resolver = resolver
            self.emitter = emitter
            self.readerLimits = readerLimits
        }
    }

    /// What a successful run produced.
    public struct Output: Sendable {
        public var files: [GeneratedFile]
        public var model: APIModel
        /// Warnings from every stage, in the order the stages ran.
        public var diagnostics: [Diagnostic]
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Generates from the document at `path`, with the overlays at `overlayPaths` applied in order;
    /// `$ref`s to other files are read relative to the document.
    public func run(specPath path: String, overlayPaths: [String] = []) throws(DiagnosticError) -> Output {
        let file = try SourceFile.load(path: path)
        var overlays: [SourceFile] = []
        for overlayPath in overlayPaths {
            overlays.append(try SourceFile.load(path: overlayPath))
        }
        return try run(file, overlays: overlays)
    }

    /// Generates from a document already in memory.
    public func run(_ file: SourceFile, overlays: [SourceFile] = []) throws(DiagnosticError) -> Output {
        // Each stage's input goes out of scope when that stage is done, so the node tree and the
        // document are freed before the next stage builds its own: the peak is one stage's
        // memory, not all of theirs together.
        let (model, diagnostics) = try resolve(file, overlays: overlays)
        let files = SwiftEmitter(model: model, options: options.emitter).emit()
        return Output(files: files, model: model, diagnostics: diagnostics)
    }

    private func resolve(_ file: SourceFile, overlays: [SourceFile]) throws(DiagnosticError) -> (model: APIModel, diagnostics: [Diagnostic]) {
        let (document, pointerMaps, documentDiagnostics) = try parse(file, overlays: overlays)
        // Pointers into a converted Swagger 2.0 document are mapped back to the file as written.
        let mapped = { (diagnostics: [Diagnostic]) in diagnostics.map { PointerMap.mapping($0, through: pointerMaps) } }
        do {
            let resolved = try Resolver.resolve(document, options: options.resolver)
            let model = pointerMaps[file.path].map(resolved.model.mappingProvenance) ?? resolved.model
            return (model, documentDiagnostics + mapped(resolved.diagnostics))
        } catch {
            throw DiagnosticError(documentDiagnostics + mapped(error.diagnostics))
        }
    }

    private func parse(_ file: SourceFile, overlays: [SourceFile]) throws(DiagnosticError) -> (document: OpenAPIDocument, pointerMaps: [String: PointerMap], diagnostics: [Diagnostic]) {
        let prepared = try prepare(file, overlays: overlays)
        let pointerMaps = prepared.pointerMaps
        do {
            let parsed = try DocumentParser.parse(prepared.root, file: file.path, loader: prepared.loader, overlayFiles: overlays.map(\.path))
            return (parsed.document, pointerMaps, prepared.diagnostics + parsed.diagnostics.map { PointerMap.mapping($0, through: pointerMaps) })
        } catch {
            throw DiagnosticError(prepared.diagnostics + error.diagnostics.map { PointerMap.mapping($0, through: pointerMaps) })
        }
    }

    /// The document as the Document stage reads it, from the files at these paths.
    public func prepare(specPath path: String, overlayPaths: [String] = []) throws(DiagnosticError) -> PreparedDocument {
        let file = try SourceFile.load(path: path)
        var overlays: [SourceFile] = []
        for overlayPath in overlayPaths {
            overlays.append(try SourceFile.load(path: overlayPath))
        }
        return try prepare(file, overlays: overlays)
    }

    /// The document as the Document stage reads it: read, with the overlays applied in order and
    /// Swagger 2.0 converted to OpenAPI 3.0, beside the reader of the other files it refers to.
    public func prepare(_ file: SourceFile, overlays: [SourceFile] = []) throws(DiagnosticError) -> PreparedDocument {
        var root = try DocumentReader.read(file, limits: options.readerLimits)
        var overlayDiagnostics: [Diagnostic] = []
        for (index, overlayFile) in overlays.enumerated() {
            let overlayRoot = try DocumentReader.read(overlayFile, limits: options.readerLimits).tagged(source: index + 1)
            let overlay = try Overlay.parse(overlayRoot, file: overlayFile.path)
            let applied = overlay.apply(to: root)
            root = applied.document
            overlayDiagnostics += applied.diagnostics
        }
        let limits = options.readerLimits
        let directory = DocumentParser.directory(of: file.path)
        let read = { (relative: String) throws(DiagnosticError) -> (displayPath: String, root: Node) in
            let path = directory.isEmpty || relative.hasPrefix("/") ? relative : directory + "/" + relative
            let other = try SourceFile.load(path: path)
            return (path, try DocumentReader.read(other, limits: limits))
        }
        // Swagger 2.0 becomes OpenAPI 3.0 here, after the overlays (which are written against
        // the document as published) and before the Document stage, which reads only 3.x.
        var converted: SwaggerConverter.Result?
        if SwaggerConverter.isSwagger(root) {
            let conversion = SwaggerConverter.convert(root, path: file.path, loader: { try? read($0) }, overlayFiles: overlays.map(\.path))
            root = conversion.root
            overlayDiagnostics += conversion.diagnostics
            converted = conversion
        }
        let convertedFiles = converted?.files ?? [:]
        let loader: DocumentParser.Loader = { (relative: String) throws(DiagnosticError) -> (displayPath: String, root: Node) in
            if let file = convertedFiles[relative] { return (file.displayPath, file.root) }
            return try read(relative)
        }
        var pointerMaps = converted?.pointerMaps ?? [:]
        // Nodes an overlay merged in are reported in the overlay, at pointers into the document.
        if let rootMap = pointerMaps[file.path] {
            for overlay in overlays where pointerMaps[overlay.path] == nil {
                pointerMaps[overlay.path] = rootMap
            }
        }
        return PreparedDocument(root: root, path: file.path, overlayFiles: overlays.map(\.path), loader: loader, pointerMaps: pointerMaps, diagnostics: overlayDiagnostics)
    }
}

/// A document ready for the Document stage: its root node after overlays and conversion, and
/// how to read the other files its `$ref`s point into.
public struct PreparedDocument {
    public var root: Node
    /// The document's path, as diagnostics print it.
    public var path: String
    /// The overlays applied, in order: a node's `SourceLocation.source` n is in the n-th.
    public var overlayFiles: [String]
    /// Reads another file by its path relative to the document's folder.
    public var loader: DocumentParser.Loader
    /// Per converted Swagger 2.0 file: how to map pointers back to the file as written.
    public var pointerMaps: [String: PointerMap]
    /// Warnings from the overlays and the conversion.
    public var diagnostics: [Diagnostic]
}

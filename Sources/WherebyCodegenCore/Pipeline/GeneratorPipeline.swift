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

    /// Generates from the document at `path`; `$ref`s to other files are read relative to it.
    public func run(specPath path: String) throws(DiagnosticError) -> Output {
        let file = try SourceFile.load(path: path)
        return try run(file)
    }

    /// Generates from a document already in memory.
    public func run(_ file: SourceFile) throws(DiagnosticError) -> Output {
        let root = try DocumentReader.read(file, limits: options.readerLimits)
        let limits = options.readerLimits
        let directory = DocumentParser.directory(of: file.path)
        let loader: DocumentParser.Loader = { (relative: String) throws(DiagnosticError) -> (displayPath: String, root: Node) in
            let path = directory.isEmpty || relative.hasPrefix("/") ? relative : directory + "/" + relative
            let other = try SourceFile.load(path: path)
            return (path, try DocumentReader.read(other, limits: limits))
        }
        let (document, documentDiagnostics) = try DocumentParser.parse(root, file: file.path, loader: loader)
        let resolved: (model: APIModel, diagnostics: [Diagnostic])
        do {
            resolved = try Resolver.resolve(document, options: options.resolver)
        } catch {
            throw DiagnosticError(documentDiagnostics + error.diagnostics)
        }
        let files = SwiftEmitter(model: resolved.model, options: options.emitter).emit()
        return Output(files: files, model: resolved.model, diagnostics: documentDiagnostics + resolved.diagnostics)
    }
}

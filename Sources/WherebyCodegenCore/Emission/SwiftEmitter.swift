/// Options that shape the emitted text.
public struct EmitterOptions: Sendable {
    /// The access level of generated declarations: `public`, `package` or `internal`.
    public var accessModifier: String
    /// The command shown in each header as the way to regenerate the file.
    public var regenerateCommand: String
    /// The files to emit.
    public var files: [GeneratorConfiguration.File]
    /// Emit a header-only file in place of each file left out, for build tools whose outputs are fixed.
    public var placeholdersForOmittedFiles: Bool
    /// Whether models are `Hashable` rather than only `Equatable`.
    public var hashableModels: Bool

    public init(
        accessModifier: String = "public",
        regenerateCommand: String = "swift run whereby-codegen generate",
        files: [GeneratorConfiguration.File] = GeneratorConfiguration.File.allCases,
        placeholdersForOmittedFiles: Bool = false,
        hashableModels: Bool = false
    ) {
        self.accessModifier = accessModifier
        self.regenerateCommand = regenerateCommand
        self.files = files
        self.placeholdersForOmittedFiles = placeholdersForOmittedFiles
        self.hashableModels = hashableModels
    }

    /// The options a configuration file asks for.
    public init(configuration: GeneratorConfiguration, placeholdersForOmittedFiles: Bool = false) {
        self.init(
            accessModifier: configuration.accessModifier.rawValue,
            files: configuration.files,
            placeholdersForOmittedFiles: placeholdersForOmittedFiles,
            hashableModels: configuration.hashableModels
        )
    }
}

/// Turns the intermediate model into Swift source files: the Emission stage.
///
/// Reads only the model, never the document; the same model always gives the same bytes.
public struct SwiftEmitter: Sendable {
    /// The files every run produces, in this order, whatever the document holds.
    public static let fileNames = GeneratorConfiguration.File.allCases.flatMap(\.fileNames)

    let model: APIModel
    let options: EmitterOptions
    /// Every declaration by its path, nested ones included.
    private let declarations: [TypePath: TypeDeclaration]
    /// Types that declarations and operations which are not deprecated refer to.
    let usedByCurrentCode: Set<TypePath>

    public init(model: APIModel, options: EmitterOptions = EmitterOptions()) {
        self.model = model
        self.options = options
        var declarations: [TypePath: TypeDeclaration] = [:]
        var pending = model.types
        while let declaration = pending.popLast() {
            declarations[declaration.path] = declaration
            pending += declaration.nested
        }
        self.declarations = declarations
        usedByCurrentCode = Self.typesUsedByCurrentCode(model)
    }

    private static func typesUsedByCurrentCode(_ model: APIModel) -> Set<TypePath> {
        var used: Set<TypePath> = []
        func add(_ type: TypeReference) {
            switch type {
            case .named(let path): used.insert(path)
            case .array(let element), .dictionary(let element): add(element)
            default: break
            }
        }
        var pending = model.types
        while let declaration = pending.popLast() {
            pending += declaration.nested
            guard !declaration.documentation.isDeprecated else { continue }
            switch declaration.kind {
            case .structure(let properties): properties.filter { !$0.documentation.isDeprecated }.forEach { add($0.type) }
            case .oneOf(let model): model.cases.forEach { add($0.type) }
            case .bodyAlternatives(let cases): cases.forEach { add($0.type) }
            case .typeAlias(let target): add(target)
            case .stringEnum, .integerEnum: break
            }
        }
        for operation in model.operations where !operation.documentation.isDeprecated {
            operation.parameters.forEach { add($0.type) }
            switch operation.body?.content {
            case .single(_, _, let type)?: add(type)
            case .alternatives(let type, let cases)?: add(type); cases.forEach { add($0.type) }
            case nil: break
            }
            if case .json(let type) = operation.success.result { add(type) }
        }
        return used
    }

    func declaration(at path: TypePath) -> TypeDeclaration? {
        declarations[path]
    }

    public func emit() -> [GeneratedFile] {
        GeneratorConfiguration.File.allCases.flatMap { file -> [GeneratedFile] in
            let contents: [String]
            if options.files.contains(file) {
                switch file {
                case .client: contents = [clientFile()]
                case .types: contents = typesFiles(count: file.partCount)
                case .operations: contents = operationsFiles(count: file.partCount)
                }
            } else if options.placeholdersForOmittedFiles {
                var writer = CodeWriter()
                writer.line("// \(EmitterNames.generatedMarker): left out by the configuration's `files`; kept so build tools")
                writer.line("// find every output.")
                contents = Array(repeating: writer.text, count: file.partCount)
            } else {
                return []
            }
            return zip(file.fileNames, contents).map { GeneratedFile(name: $0, contents: $1) }
        }
    }

    var access: String { options.accessModifier }

    func header(_ writer: inout CodeWriter, purpose: String) {
        writer.line("// \(purpose)")
        writer.line("//")
        writer.line("// \(EmitterNames.generatedMarker) from \(SwiftText.commentLines(model.sourceFileName).joined()). Do not edit:")
        writer.line("// change the document (or its overlay) and run `\(options.regenerateCommand)`.")
        writer.line()
        writer.line("import Foundation")
        writer.line("import \(EmitterNames.supportModule)")
        writer.line()
    }

    // MARK: - Spelling

    /// The Swift spelling of a type; declared types by their full path from the top level.
    func spell(_ type: TypeReference) -> String {
        switch type {
        case .string: "String"
        case .integer(.natural): "Int"
        case .integer(.int32): "Int32"
        case .integer(.int64): "Int64"
        case .double: "Double"
        case .float: "Float"
        case .bool: "Bool"
        case .date, .unixTime: "Date"
        case .data: "Data"
        case .multipartFile: "MultipartFile"
        case .jsonValue: "JSONValue"
        case .jsonObject: "JSONObject"
        case .named(let path): path.description
        case .array(let element): "[\(spell(element))]"
        case .dictionary(let element): "[String: \(spell(element))]"
        case .custom(let spelling): spelling
        }
    }

    /// The doc comment of a declaration: summary, description, extra lines, then the remarks.
    func documentationLines(_ documentation: Documentation, extra: [String] = [], remarks: [String] = []) -> [String] {
        var lines: [String] = []
        if let summary = documentation.summary {
            lines += SwiftText.commentLines(summary)
        }
        if let description = documentation.description {
            let body = SwiftText.commentLines(description)
            if !body.isEmpty {
                if !lines.isEmpty { lines.append("") }
                lines += body
            }
        }
        if !extra.isEmpty {
            if !lines.isEmpty { lines.append("") }
            lines += extra
        }
        var remarks = remarks
        if let provenance = documentation.provenance {
            remarks.append("- Remark: Generated from `\(SwiftText.commentLines(provenance).joined())`.")
        }
        if !remarks.isEmpty {
            if !lines.isEmpty && extra.isEmpty { lines.append("") }
            lines += remarks
        }
        return lines
    }

    func deprecation(_ documentation: Documentation, _ writer: inout CodeWriter) {
        if documentation.isDeprecated {
            writer.line("@available(*, deprecated)")
        }
    }
}

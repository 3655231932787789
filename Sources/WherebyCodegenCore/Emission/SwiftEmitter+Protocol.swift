/// The protocol every endpoint function makes up (`WherebyClientProtocol`), which the client
/// conforms to and an app's tests can implement with a fake; and what every conforming type
/// gets from it: calls without their optional arguments, and the `all…` sequences.
///
/// Requirements carry no default arguments, so a fake implements each function exactly once
/// and the compiler names any it misses. The conveniences in the protocol extension take a
/// different argument list from every requirement, so none of them can stand in for a
/// requirement a fake forgot (which would call itself forever).
extension SwiftEmitter {
    /// The protocol's name: the client's name and `Protocol`, as apple/swift-openapi-generator
    /// names its `APIProtocol`.
    var protocolName: String { model.clientName + EmitterNames.protocolSuffix }

    /// The protocol, the client's conformance and the protocol extension, at the top level.
    func protocolSection() -> String {
        var writer = CodeWriter()
        let client = model.clientName
        let mapper = EmitterNames.pagesErrorMapper
        let mapperType = "(@Sendable (\(EmitterNames.clientErrorType)) -> any Error)?"
        writer.documentation([
            "Every endpoint function of ``\(client)``, for code that takes the client as a dependency",
            "and for a fake that stands in for it in tests.",
            "",
            "A fake implements each function (`async throws`, every argument spelled out) and gets",
            "the rest from the protocol extension: each call without its optional arguments and",
            "the `all…` sequences, which page through the fake's list functions.",
        ])
        writer.block("\(access) protocol \(protocolName): Sendable") { writer in
            for (index, operation) in model.operations.enumerated() {
                if index > 0 { writer.line() }
                writer.documentation(requirementDocumentation(operation))
                deprecation(operation.documentation, &writer)
                writer.line("func \(operation.swiftName)(\(arguments(operation, defaults: false).joined(separator: ", "))) async throws\(resultType(operation))")
            }
            if model.operations.contains(where: { $0.pagination != nil }) {
                if !model.operations.isEmpty { writer.line() }
                writer.documentation([
                    "What the errors an `all…` sequence raises itself (a cursor cycle, the page limit,",
                    "cancellation between pages) become. The client answers its runtime's `errorMapper`;",
                    "the protocol extension answers `nil`, which leaves them as the runtime's errors.",
                ])
                writer.line("var \(mapper): \(mapperType) { get }")
            }
        }
        writer.line()
        writer.block("extension \(client): \(protocolName)") { writer in
            if model.operations.contains(where: { $0.pagination != nil }) {
                writer.documentation(["The runtime's `errorMapper`, so `all…` sequences throw what every call throws."])
                writer.line("\(access) var \(mapper): \(mapperType) { self.\(EmitterNames.runtimeProperty).errorMapper }")
            }
        }
        let conveniences = model.operations.compactMap(convenience)
        guard !conveniences.isEmpty else { return writer.text }
        writer.line()
        writer.block("extension \(protocolName)") { writer in
            if model.operations.contains(where: { $0.pagination != nil }) {
                writer.documentation(["`nil`: an `all…` sequence throws its own errors as the runtime's."])
                writer.line("\(access) var \(mapper): \(mapperType) { nil }")
                writer.line()
            }
            for (index, text) in conveniences.enumerated() {
                if index > 0 { writer.line() }
                writer.append(text)
            }
        }
        return writer.text
    }

    /// The summary and the HTTP remark: the full documentation is on the client's function.
    private func requirementDocumentation(_ operation: OperationModel) -> [String] {
        var lines = operation.documentation.summary.map(SwiftText.commentLines) ?? []
        if !lines.isEmpty { lines.append("") }
        lines.append("- Remark: HTTP `\(operation.method.rawValue.uppercased()) \(SwiftText.commentLines(operation.path).joined())`.")
        return lines
    }

    /// The call without its optional arguments, when it has any, then the `all…` sequence.
    private func convenience(_ operation: OperationModel) -> String? {
        var writer = CodeWriter(indentation: 1, capacity: FileParts.pieceCapacity)
        let hasOptional = operation.parameters.contains { !$0.isRequired } || operation.body.map { !$0.isRequired } == true
        if hasOptional {
            let name = SwiftNaming.unescaped(operation.swiftName)
            writer.documentation(["`\(name)` with its optional arguments left out."])
            deprecation(operation.documentation, &writer)
            let required = arguments(operation, requiredOnly: true)
            let locals = argumentLocals(operation.parameters, avoiding: EmitterNames.endpointLocals)
            var forwarded = operation.parameters.map { parameter in
                let value = parameter.isRequired ? locals[parameter.swiftName] ?? parameter.swiftName : "nil"
                return "\(SwiftNaming.unescaped(parameter.swiftName)): \(value)"
            }
            if let body = operation.body {
                forwarded.append(body.isRequired ? EmitterNames.bodyParameter : "nil")
            }
            let returns = operation.success.result == .none ? "" : "return "
            writer.block("\(access) func \(operation.swiftName)(\(required.joined(separator: ", "))) async throws\(resultType(operation))") { writer in
                writer.line("\(returns)try await \(operation.swiftName)(\(forwarded.joined(separator: ", ")))")
            }
        }
        if let pagination = operation.pagination {
            if hasOptional { writer.line() }
            emitPages(operation, pagination, &writer)
        }
        return hasOptional || operation.pagination != nil ? writer.text : nil
    }

    /// `allMeetings(pageSize:fields:startingAt:)`: the list's arguments but the cursor, the
    /// page size named for what it is, and where to start; every item of every page.
    private func emitPages(_ operation: OperationModel, _ pagination: PaginationModel, _ writer: inout CodeWriter) {
        let list = SwiftNaming.unescaped(operation.swiftName)
        let start = EmitterNames.startCursorParameter
        var lines = [
            "Every item of `\(list)`, page after page; `.pages` gives the pages with their cursors.",
            "",
            "Fetches a page only when the items of the one before are used up, following",
            "`\(SwiftNaming.unescaped(pagination.cursorProperty))` until the last page. A cursor seen before or more pages than",
            "`maximumPages(_:)` allows end it with an error; cancelling the iterating task stops",
            "it before the next page.",
            "",
            "- Parameters:",
        ]
        var arguments: [String] = []
        var forwarded: [String] = []
        // Arguments named like the closure's locals (`page`, `cursor`) or the start argument keep
        // their labels and get other names inside.
        let passed = operation.parameters.filter { $0.swiftName != pagination.cursorParameter }
        let locals = argumentLocals(passed, avoiding: EmitterNames.pagesLocals.union([start]))
        for parameter in operation.parameters {
            let label = SwiftNaming.unescaped(parameter.swiftName)
            if parameter.swiftName == pagination.cursorParameter {
                forwarded.append("\(label): cursor")
                continue
            }
            let isPageSize = parameter.swiftName == pagination.pageSizeParameter
            let name = isPageSize ? EmitterNames.pageSizeParameter : parameter.swiftName
            let declared = isPageSize ? name : argumentDeclaration(name, locals)
            let type = spell(parameter.type)
            arguments.append(parameter.isRequired ? "\(declared): \(type)" : "\(declared): \(type)? = nil")
            forwarded.append("\(label): \(isPageSize ? name : locals[name] ?? name)")
            let text = isPageSize
                ? "How many items each page holds (`\(SwiftText.commentLines(parameter.name).joined())`); the server's default when `nil`."
                : "As for `\(list)`."
            lines.append("  - \(SwiftNaming.unescaped(name)): \(text)")
        }
        arguments.append("startingAt \(start): String? = nil")
        lines.append("  - \(start): A page's `nextCursor` stored earlier, to resume there; `nil` for the first page.")
        writer.documentation(lines)
        deprecation(operation.documentation, &writer)
        let item = spell(pagination.itemType)
        writer.block("\(access) func \(pagination.functionName)(\(arguments.joined(separator: ", "))) -> CursorPages<\(item)>") { writer in
            let header = "CursorPages(operationID: \(SwiftText.stringLiteral(operation.operationID)), startingAt: \(start), errorMapper: self.\(EmitterNames.pagesErrorMapper)) { cursor in"
            writer.closure(header) { writer in
                writer.line("let page = try await self.\(operation.swiftName)(\(forwarded.joined(separator: ", ")))")
                let items = "page.\(pagination.itemsProperty)" + (pagination.itemsAreOptional ? " ?? []" : "")
                writer.line("return CursorPage(items: \(items), nextCursor: page.\(pagination.cursorProperty))")
            }
        }
    }
}

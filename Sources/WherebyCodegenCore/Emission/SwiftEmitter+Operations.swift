/// `Operations1.swift`…: one endpoint function per operation, each a short call into the runtime.
extension SwiftEmitter {
    /// The endpoint functions in the document's order, cut into `count` files of about equal
    /// size, each an extension of the client.
    func operationsFiles(count: Int) -> [String] {
        let pieces = model.operations.map { operation in
            var writer = CodeWriter(indentation: 1, capacity: FileParts.pieceCapacity)
            emit(operation, &writer)
            return writer.text
        }
        let title = SwiftText.commentLines(model.title).joined(separator: " ")
        // The protocol the functions make up closes the last part, counted in its share.
        return FileParts.render(pieces, into: count, trailer: protocolSection()) { index, isEmpty, writer in
            let purpose = "Endpoint functions for \(title), part \(index + 1) of \(count)"
            header(&writer, purpose: purpose + (index + 1 == count ? ", and the `\(protocolName)` they make up." : "."))
            writer.line(isEmpty ? "// Empty: the document's operations fit in the parts before this one." : "extension \(model.clientName) {")
        } close: { isEmpty, writer in
            if !isEmpty { writer.line("}") }
        }
    }

    private func emit(_ operation: OperationModel, _ writer: inout CodeWriter) {
        writer.documentation(operationDocumentation(operation))
        deprecation(operation.documentation, &writer)
        let signature = "\(access) func \(operation.swiftName)(\(arguments(operation).joined(separator: ", "))) async throws\(resultType(operation))"
        writer.block(signature) { writer in
            let request = EmitterNames.requestVariable
            let method = "." + operation.method.rawValue
            let isMutated = !operation.security.isEmpty || !operation.parameters.isEmpty || operation.body != nil
            writer.line("\(isMutated ? "var" : "let") \(request) = \(EmitterNames.requestType)(operationID: \(SwiftText.stringLiteral(operation.operationID)), method: \(method), path: \(SwiftText.stringLiteral(operation.path)))")
            if !operation.security.isEmpty {
                let alternatives = operation.security.map { "[" + $0.map(SwiftText.stringLiteral).joined(separator: ", ") + "]" }
                writer.line("\(request).security = [\(alternatives.joined(separator: ", "))]")
            }
            emitValidation(operation, &writer)
            let locals = argumentLocals(operation.parameters, avoiding: EmitterNames.endpointLocals)
            for parameter in operation.parameters {
                writer.line(parameterCall(parameter, value: locals[parameter.swiftName] ?? parameter.swiftName))
            }
            if let body = operation.body {
                emitBody(body, &writer)
            }
            writer.line(sendCall(operation))
        }
    }

    /// Checks the document's constraints on the arguments before anything is built or sent.
    private func emitValidation(_ operation: OperationModel, _ writer: inout CodeWriter) {
        let locals = argumentLocals(operation.parameters, avoiding: EmitterNames.endpointLocals)
        var checks = operation.parameters.flatMap { parameter in
            constraintChecks(value: locals[parameter.swiftName] ?? parameter.swiftName, path: SwiftText.stringLiteral(parameter.name), type: parameter.type, constraints: parameter.constraints)
        }
        if let body = operation.body, case .single(_, _, let type) = body.content, isValidated(type) {
            checks.append("try Validation.check(\(EmitterNames.bodyParameter), at: \"body\")")
        }
        if let body = operation.body, case .alternatives(_, let cases) = body.content, cases.contains(where: { isValidated($0.type) }) {
            var lines = ["switch \(EmitterNames.bodyParameter) {"]
            for bodyCase in cases {
                lines.append(isValidated(bodyCase.type)
                    ? "case .\(bodyCase.swiftName)(let value): try Validation.check(value, at: \"body\")"
                    : "case .\(bodyCase.swiftName): break")
            }
            lines.append("}")
            checks += lines
        }
        for group in operation.requiredAnyOf {
            let names = group.map { SwiftText.stringLiteral($0.name) }.joined(separator: ", ")
            let given = group.map { "\(locals[$0.swiftName] ?? $0.swiftName) != nil" }.joined(separator: ", ")
            checks.append("try Validation.requireAny(of: [\(names)], given: [\(given)])")
        }
        guard !checks.isEmpty else { return }
        writer.block("try \(EmitterNames.requestVariable).validate") { writer in
            for check in checks { writer.line(check) }
        }
    }

    /// The declared arguments; optional ones `= nil` unless `defaults` is false (a protocol
    /// requirement), and only the required ones when `requiredOnly`. An argument named like a
    /// local of the body keeps its label and gets another name inside (`request request2`).
    func arguments(_ operation: OperationModel, defaults: Bool = true, requiredOnly: Bool = false) -> [String] {
        let none = defaults ? " = nil" : ""
        let locals = argumentLocals(operation.parameters, avoiding: EmitterNames.endpointLocals)
        var arguments = operation.parameters.compactMap { parameter -> String? in
            let type = spell(parameter.type)
            let name = argumentDeclaration(parameter.swiftName, locals)
            if parameter.isRequired { return "\(name): \(type)" }
            return requiredOnly ? nil : "\(name): \(type)?\(none)"
        }
        if let body = operation.body {
            let type = spell(bodyType(body))
            if body.isRequired {
                arguments.append("_ \(EmitterNames.bodyParameter): \(type)")
            } else if !requiredOnly {
                arguments.append("_ \(EmitterNames.bodyParameter): \(type)?\(none)")
            }
        }
        return arguments
    }

    private func bodyType(_ body: BodyModel) -> TypeReference {
        switch body.content {
        case .single(_, _, let type): type
        case .alternatives(let type, _): type
        }
    }

    func resultType(_ operation: OperationModel) -> String {
        switch operation.success.result {
        case .none: ""
        case .json(let type): " -> " + spell(type)
        case .data: " -> Data"
        case .text: " -> String"
        }
    }

    /// The name of each argument inside a function, by its label, where the two differ: an
    /// argument named like a local of the body (`request`) is `request2` inside, while callers
    /// still write `request:`.
    func argumentLocals(_ parameters: [ParameterModel], avoiding bodyLocals: Set<String>) -> [String: String] {
        let labels = parameters.map { SwiftNaming.unescaped($0.swiftName) }
        var scope = NameScope(reserved: bodyLocals.union(labels).union([EmitterNames.bodyParameter]))
        var locals: [String: String] = [:]
        for parameter in parameters where bodyLocals.contains(SwiftNaming.unescaped(parameter.swiftName)) {
            locals[parameter.swiftName] = scope.claim(SwiftNaming.unescaped(parameter.swiftName))
        }
        return locals
    }

    /// `page` or, when it is named otherwise inside, `page page2`.
    func argumentDeclaration(_ label: String, _ locals: [String: String]) -> String {
        locals[label].map { "\(label) \($0)" } ?? label
    }

    private func parameterCall(_ parameter: ParameterModel, value: String) -> String {
        let name = SwiftText.stringLiteral(parameter.name)
        let function = switch parameter.location {
        case .path: "setPathParameter"
        case .query: "addQueryParameter"
        case .header: "setHeaderParameter"
        case .cookie: "addCookieParameter"
        }
        var call = "try \(EmitterNames.requestVariable).\(function)(\(name), \(value)"
        // The runtime's defaults are the location's; a parameter that differs in either says both.
        let locationDefault = ParameterStyle.defaultStyle(for: parameter.location.documentLocation)
        if parameter.style != locationDefault || parameter.explode != locationDefault.defaultExplode {
            call += ", style: .\(parameter.style.rawValue), explode: \(parameter.explode)"
        }
        if parameter.location == .query && parameter.allowReserved { call += ", allowReserved: true" }
        return call + ")"
    }

    private func emitBody(_ body: BodyModel, _ writer: inout CodeWriter) {
        let request = EmitterNames.requestVariable
        let bodyName = EmitterNames.bodyParameter
        func assignment(_ encoding: BodyEncoding, contentType: String, value: String) -> String {
            switch encoding {
            case .json: "\(request).body = .json(\(value))"
            case .multipartForm: "\(request).body = .multipartForm(\(value))"
            case .formURLEncoded: "\(request).body = .formURLEncoded(\(value))"
            case .binary: "\(request).body = .data(\(value), contentType: \(SwiftText.stringLiteral(contentType)))"
            case .text: "\(request).body = .text(\(value), contentType: \(SwiftText.stringLiteral(contentType)))"
            }
        }
        func emitContent(_ value: String, _ writer: inout CodeWriter) {
            switch body.content {
            case .single(let encoding, let contentType, _):
                writer.line(assignment(encoding, contentType: contentType, value: value))
            case .alternatives(_, let cases):
                writer.switchBlock("switch \(value)") { writer in
                    for bodyCase in cases {
                        writer.line("case .\(bodyCase.swiftName)(let value): " + assignment(bodyCase.encoding, contentType: bodyCase.contentType, value: "value"))
                    }
                }
            }
        }
        if body.isRequired {
            emitContent(bodyName, &writer)
        } else {
            writer.block("if let \(bodyName)") { writer in
                emitContent(bodyName, &writer)
            }
        }
    }

    private func sendCall(_ operation: OperationModel) -> String {
        let statuses = "[" + operation.success.statuses.map(Self.expectedStatus).joined(separator: ", ") + "]"
        // `self.`: an argument may be named like the client's property.
        let runtime = "self." + EmitterNames.runtimeProperty
        let request = EmitterNames.requestVariable
        switch operation.success.result {
        case .none:
            return "try await \(runtime).send(\(request), expecting: \(statuses))"
        case .json(let type):
            return "return try await \(runtime).send(\(request), expecting: \(statuses), decoding: \(spell(type)).self)"
        case .data:
            return "return try await \(runtime).send(\(request), expecting: \(statuses)).body"
        case .text:
            return "return String(decoding: try await \(runtime).send(\(request), expecting: \(statuses)).body, as: UTF8.self)"
        }
    }

    /// `201` → `201`, `2XX` → `.range(200...299)`, `default` → `.any`.
    static func expectedStatus(_ status: String) -> String {
        if let code = Int(status) { return String(code) }
        let upper = status.uppercased()
        if upper.count == 3, upper.hasSuffix("XX"), let hundreds = Int(upper.prefix(1)) {
            return ".range(\(hundreds * 100)...\(hundreds * 100 + 99))"
        }
        return ".any"
    }

    private func operationDocumentation(_ operation: OperationModel) -> [String] {
        var extra: [String] = []
        // Once any argument is documented, all are: DocC warns about a list with gaps.
        let documented = operation.parameters.contains { $0.documentation.description != nil || $0.defaultValue != nil }
        if documented || operation.body?.description != nil {
            extra.append("- Parameters:")
            for parameter in operation.parameters {
                let fallback = "The `\(SwiftText.commentLines(parameter.name).joined())` \(parameter.location.rawValue) parameter."
                var text = SwiftText.commentLines(parameter.documentation.description ?? fallback).joined(separator: " ")
                if let defaultValue = parameter.defaultValue {
                    text += (text.isEmpty ? "" : " ") + "The server's default is `\(SwiftText.commentLines(defaultValue).joined())`."
                }
                extra.append("  - \(SwiftNaming.unescaped(parameter.swiftName)): \(text)")
            }
            if let body = operation.body {
                extra.append("  - \(EmitterNames.bodyParameter): " + SwiftText.commentLines(body.description ?? "The request body.").joined(separator: " "))
            }
        }
        if let description = operation.success.description, operation.success.result != .none {
            extra.append("- Returns: " + SwiftText.commentLines(description).joined(separator: " "))
        }
        let failures = operation.responses.filter { !$0.status.hasPrefix("2") }
        if !failures.isEmpty {
            extra.append("- Throws: When the server answers with another status; the documented ones are")
            for failure in failures {
                let text = SwiftText.commentLines(failure.description ?? "").joined(separator: " ")
                extra.append("  `\(SwiftText.commentLines(failure.status).joined())` \(text)")
            }
        }
        let remark = "- Remark: HTTP `\(operation.method.rawValue.uppercased()) \(SwiftText.commentLines(operation.path).joined())`."
        return documentationLines(operation.documentation, extra: extra, remarks: [remark])
    }
}

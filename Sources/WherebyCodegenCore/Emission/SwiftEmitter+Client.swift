/// `Client.swift`: the client type, its servers and its security schemes.
extension SwiftEmitter {
    func clientFile() -> String {
        var writer = CodeWriter()
        header(&writer, purpose: "The \(SwiftText.commentLines(model.title).joined(separator: " ")) client type.")
        let client = model.clientName
        var about: [String] = []
        about += SwiftText.commentLines(model.title + (model.version.isEmpty ? "" : " (\(model.version))"))
        if let description = model.description {
            about.append("")
            about += SwiftText.commentLines(description)
        }
        writer.documentation(about)
        writer.block("\(access) struct \(client): Sendable") { writer in
            writer.documentation(["Builds, authenticates, sends and decodes every request: server URL, transport,", "middlewares, credentials and coding."])
            writer.line("\(access) let \(EmitterNames.runtimeProperty): \(EmitterNames.runtimeType)")
            writer.line()
            writer.documentation(["Creates a client that sends its requests through `runtime`."])
            writer.block("\(access) init(\(EmitterNames.runtimeProperty): \(EmitterNames.runtimeType))") { writer in
                writer.line("self.\(EmitterNames.runtimeProperty) = \(EmitterNames.runtimeProperty)")
            }
        }
        if !model.servers.isEmpty {
            writer.line()
            writer.block("extension \(client)") { writer in
                writer.documentation(["The servers the document lists."])
                writer.block("\(access) enum Servers") { writer in
                    for (index, server) in model.servers.enumerated() {
                        if index > 0 { writer.line() }
                        writer.documentation(SwiftText.commentLines(server.description ?? server.url))
                        writer.line("\(access) static let \(server.swiftName) = URL(string: \(SwiftText.stringLiteral(server.url)))!")
                    }
                }
            }
        }
        if !model.securitySchemes.isEmpty {
            writer.line()
            writer.block("extension \(client)") { writer in
                writer.documentation(["The names of the document's security schemes, the keys of `Credentials`."])
                writer.block("\(access) enum SecuritySchemes") { writer in
                    for (index, scheme) in model.securitySchemes.enumerated() {
                        if index > 0 { writer.line() }
                        var lines = scheme.description.map(SwiftText.commentLines) ?? []
                        if !lines.isEmpty { lines.append("") }
                        lines.append("- Remark: \(Self.describe(scheme.kind)).")
                        writer.documentation(lines)
                        writer.line("\(access) static let \(scheme.swiftName) = \(SwiftText.stringLiteral(scheme.name))")
                    }
                }
            }
        }
        return writer.text
    }

    private static func describe(_ kind: SecuritySchemeModel.Kind) -> String {
        switch kind {
        case .bearer: "HTTP bearer authentication: `Credential.bearer(_:)`"
        case .basic: "HTTP basic authentication: `Credential.basic(username:password:)`"
        case .apiKey(let name, let location): "An API key in the \(location) `\(SwiftText.commentLines(name).joined())`: `Credential.apiKey(_:name:location:)`"
        case .other(let name): "\(SwiftText.commentLines(name).joined()); supply a `Credential` the runtime can apply, or a middleware"
        }
    }
}

import Foundation
import OpenAPIClientSupport

extension WherebyClient: CustomStringConvertible, CustomDebugStringConvertible {
    /// The server and the credential kinds, never the API key:
    /// `WherebyClient(https://api.whereby.dev/v1, Credentials(BearerAuth: Credential.bearer(<redacted>)))`.
    public var description: String {
        "WherebyClient(\(runtime.serverURL.absoluteString), \(runtime.credentials))"
    }

    public var debugDescription: String {
        let transportName = (runtime.transport as? AttemptTransport).map(\.description) ?? "\(type(of: runtime.transport))"
        let middlewares = runtime.middlewares.map { String(describing: type(of: $0)) }.joined(separator: ", ")
        let observability = runtime.observer.map { ", observability: \($0)" } ?? ""
        return "WherebyClient(\(runtime.serverURL.absoluteString), \(runtime.credentials), "
            + "transport: \(transportName), middlewares: [\(middlewares)]\(observability))"
    }
}

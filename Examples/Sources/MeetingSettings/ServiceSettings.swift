public import Foundation
import WherebyAPI

/// What a meeting service reads from its environment; the Hummingbird and the Vapor example read
/// the same variables.
public struct ServiceSettings: Sendable {
    /// `WHEREBY_API_KEY`: required; the service never prints it.
    public let apiKey: String
    /// `WHEREBY_BASE_URL`: Whereby's API, `https://api.whereby.dev/v1` unless set, for example to
    /// `whereby-mock`'s `http://127.0.0.1:8080/v1`.
    public let wherebyURL: URL
    /// `HOST`: the address to listen on, `127.0.0.1` unless set.
    public let host: String
    /// `PORT`: the port to listen on, `defaultPort` unless set (`whereby-mock` takes 8080).
    public let port: Int

    /// Why the environment cannot be used, in one line.
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads the settings from `environment`.
    /// - Parameters:
    ///   - environment: The process's environment variables.
    ///   - defaultPort: The port to listen on when `PORT` is not set.
    /// - Throws: ``Problem`` when the key is missing or a value does not parse.
    public init(environment: [String: String], defaultPort: Int) throws(Problem) {
        guard let apiKey = environment["WHEREBY_API_KEY"], !apiKey.isEmpty else {
            throw Problem(description: "WHEREBY_API_KEY is not set; set it to your Whereby API key (whereby-mock accepts whereby-mock-dev-key)")
        }
        self.apiKey = apiKey

        if let text = environment["WHEREBY_BASE_URL"], !text.isEmpty {
            guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw Problem(description: "WHEREBY_BASE_URL is not an http or https URL: \(text)")
            }
            wherebyURL = url
        } else {
            wherebyURL = WherebyClient.Servers.production
        }

        host = environment["HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        if let text = environment["PORT"], !text.isEmpty {
            guard let port = Int(text), (0...65535).contains(port) else {
                throw Problem(description: "PORT is not a port number: \(text)")
            }
            self.port = port
        } else {
            port = defaultPort
        }
    }
}

import Foundation
import WherebyAPI

/// What the service reads from its environment.
struct ServiceSettings: Sendable {
    /// `WHEREBY_API_KEY`: required; the service never prints it.
    let apiKey: String
    /// `WHEREBY_BASE_URL`: Whereby's API, `https://api.whereby.dev/v1` unless set, for example to
    /// `whereby-mock`'s `http://127.0.0.1:8080/v1`.
    let wherebyURL: URL
    /// `HOST`: the address to listen on, `127.0.0.1` unless set.
    let host: String
    /// `PORT`: the port to listen on, 8081 unless set (`whereby-mock` takes 8080).
    let port: Int

    /// Why the environment cannot be used, in one line.
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// Reads the settings from `environment`.
    /// - Throws: ``Problem`` when the key is missing or a value does not parse.
    init(environment: [String: String]) throws(Problem) {
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
            port = 8081
        }
    }
}

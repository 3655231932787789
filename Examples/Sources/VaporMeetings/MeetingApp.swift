import Foundation
import Logging
import MeetingSettings
import Vapor

/// Creates Whereby meetings for the users of an app and deletes them again, on Vapor.
///
/// ```console
/// $ WHEREBY_API_KEY=... swift run vapor-meetings
/// ```
///
/// Vapor's own options work too: `swift run vapor-meetings serve --port 9000 --log debug`.
@main
enum MeetingApp {
    static func main() async throws {
        var environment = try Environment.detect()
        try LoggingSystem.bootstrap(from: &environment)
        let app = try await Application.make(environment)
        // Read after Application.make, which loads a `.env` file into the environment.
        let settings: ServiceSettings
        do {
            settings = try ServiceSettings(environment: ProcessInfo.processInfo.environment, defaultPort: 8082)
        } catch {
            FileHandle.standardError.write(Data("vapor-meetings: \(error)\n".utf8))
            try? await app.asyncShutdown()
            exit(1)
        }
        do {
            try await configure(app, settings: settings)
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        // Shuts the Whereby client's HTTPClient down with the rest of the app's storage.
        try await app.asyncShutdown()
    }

    /// The server's address, its JSON, its middleware, the Whereby client, and the routes.
    static func configure(_ app: Application, settings: ServiceSettings) async throws {
        app.http.server.configuration.hostname = settings.host
        app.http.server.configuration.port = settings.port
        app.http.server.configuration.serverName = "vapor-meetings"

        // JSON answers that are easy to read in a terminal: keys sorted, and URLs without escaped
        // slashes (`https://`, not `https:\/\/`).
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        ContentConfiguration.global.use(encoder: encoder, for: .json)

        // A span per request, kept in `request.serviceContext` for the calls made for it
        // (`MeetingController.inTrace`). It records nothing until the app bootstraps a tracer.
        // First, so that its span also covers the error answers ErrorMiddleware makes.
        app.middleware.use(TracingMiddleware(), at: .beginning)

        await app.useWhereby(apiKey: settings.apiKey, serverURL: settings.wherebyURL)
        try app.register(collection: MeetingController())
        app.logger.info("vapor-meetings calling Whereby at \(settings.wherebyURL)")
    }
}

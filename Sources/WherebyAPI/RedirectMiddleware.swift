import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Follows redirects, but only to the server's own origin, so the API key never goes anywhere
/// else.
///
/// ``WherebyClient`` expects a transport that does not follow redirects itself (its default
/// transport does not) and installs this layer between your middlewares and the rate-limit
/// pacing, so every hop is paced, spends its points and has its own attempt timeout.
///
/// - A `301`, `302`, `303`, `307` or `308` with a `Location` on the same origin as the server
///   URL (scheme, host and port) is followed, at most ``maximumHops`` times; the last
///   redirect after that is reported as an unexpected status.
/// - `303` turns the request into a `GET` without a body (a `HEAD` stays a `HEAD`); `307` and
///   `308` keep the method and the body; `301` and `302` keep the method, except that a `POST`
///   becomes a `GET` without a body, as browsers and URLSession do.
/// - A redirect to another origin is not followed: the call fails with
///   ``WherebyError/redirectRefused(operation:location:response:)``, which names only the
///   origin of the location.
struct RedirectMiddleware: ClientMiddleware, CustomStringConvertible {
    /// The most redirects followed for one attempt.
    static let maximumHops = 5

    /// The statuses that redirect.
    static let redirectStatuses: Set<Int> = [301, 302, 303, 307, 308]

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let origin = Origin(baseURL)
        var (request, body, baseURL) = (request, body, baseURL)
        var hops = 0
        while true {
            let (response, responseBody) = try await next(request, body, baseURL)
            guard Self.redirectStatuses.contains(response.status.code), hops < Self.maximumHops,
                  let location = response.headerFields[.location],
                  let current = Self.url(of: request, baseURL: baseURL),
                  let target = URL(string: location, relativeTo: current)?.absoluteURL
            else { return (response, responseBody) }
            guard let origin, Origin(target) == origin, let originURL = origin.url else {
                let refused = Origin(target)?.description ?? "a location without a host"
                throw RedirectRefusedError(status: response.status.code, origin: refused, response: response)
            }
            hops += 1
            let method = Self.method(after: response.status.code, for: request.method)
            if method != request.method || response.status.code == 303 {
                request.method = method
                body = nil
                request.headerFields[.contentType] = nil
                request.headerFields[.contentLength] = nil
            }
            var components = URLComponents()
            let path = target.path(percentEncoded: true)
            components.percentEncodedPath = path.isEmpty ? "/" : path
            components.percentEncodedQuery = target.query(percentEncoded: true)
            request.path = components.string ?? "/"
            baseURL = originURL
        }
    }

    /// The method of the request that follows a redirect of `status`.
    static func method(after status: Int, for method: HTTPRequest.Method) -> HTTPRequest.Method {
        switch status {
        case 303: method == .head ? .head : .get
        case 301, 302: method == .post ? .get : method
        default: method
        }
    }

    /// The URL a transport sends `request` to: the base URL followed by the path.
    static func url(of request: HTTPRequest, baseURL: URL) -> URL? {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return URL(string: base + (request.path ?? ""))
    }

    var description: String { "RedirectMiddleware" }
}

/// The scheme, host and port of a URL, which a redirect must keep for the API key to follow.
struct Origin: Hashable, CustomStringConvertible {
    var scheme: String
    var host: String
    var port: Int

    init?(_ url: URL) {
        guard let scheme = url.scheme?.lowercased(), let host = url.host(percentEncoded: false)?.lowercased(), !host.isEmpty else { return nil }
        let port = url.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : -1)
        guard port >= 0 else { return nil }
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// `https://api.whereby.dev:443`-style, without the default port.
    var description: String {
        let defaultPort = (scheme == "https" && port == 443) || (scheme == "http" && port == 80)
        let host = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(host)" + (defaultPort ? "" : ":\(port)")
    }

    /// The origin as a base URL with an empty path.
    var url: URL? {
        URL(string: description)
    }
}

/// A redirect to another origin was refused; becomes
/// ``WherebyError/redirectRefused(operation:location:response:)``.
struct RedirectRefusedError: Error, Sendable, CustomStringConvertible {
    var status: Int
    /// The origin of the location, never its path or query.
    var origin: String
    var response: HTTPResponse

    var description: String {
        "refused to follow a \(status) redirect to another origin, \(origin)"
    }
}

public import Foundation
public import HTTPTypes
public import OpenAPIRuntime

/// Sends the requests of a generated client: builds each HTTP request, applies credentials,
/// runs the middlewares around the transport, checks the status and decodes the body.
///
/// Generated clients hold one and call it from every operation:
///
/// ```swift
/// let runtime = APIRuntime(
///     serverURL: URL(string: "https://api.whereby.dev/v1")!,
///     transport: URLSessionTransport(),
///     credentials: ["BearerAuth": .bearer(apiToken)]
/// )
/// let meeting = try await runtime.send(request, expecting: [201], decoding: Meeting.self)
/// ```
///
/// The transport seam is swift-openapi-runtime's `ClientTransport`, so any transport
/// (URLSession, AsyncHTTPClient) and any `ClientMiddleware` (logging, retries, tracing) works.
public struct APIRuntime: Sendable {
    /// The server URL the request paths are relative to, passed to the transport as `baseURL`.
    public var serverURL: URL
    /// What sends the HTTP requests.
    public var transport: any ClientTransport
    /// Middlewares run around the transport; the first is the outermost, seeing the request
    /// first and the response last.
    public var middlewares: [any ClientMiddleware]
    /// The credentials applied according to each request's security requirements.
    public var credentials: Credentials
    /// How JSON bodies are encoded and decoded.
    public var coding: JSONCoding
    /// The longest response body read into memory, in bytes (32 MiB unless changed); a longer
    /// one fails the call with ``ResponseBodyTooLargeError``.
    public var maximumResponseBodySize: Int = 32 * 1024 * 1024
    /// Turns every error ``send(_:expecting:)`` would throw into the error the caller sees, so
    /// a client can offer one error type of its own; `nil` (the default) throws
    /// ``APIClientError`` and `CancellationError` as they are.
    ///
    /// It is called once per failed call, with the final error: after the middlewares (and any
    /// retries among them) are done. Cancellation of the calling task reaches it as
    /// ``APIClientError/cancelled(operationID:)``, so the mapped type can cover it too.
    ///
    /// ```swift
    /// runtime.errorMapper = { error in MyAPIError(error) }
    /// ```
    public var errorMapper: (@Sendable (APIClientError) -> any Error)?
    /// Runs around every call, to log, measure or trace it; `nil` (the default) costs nothing.
    /// It sees the errors before ``errorMapper`` maps them.
    public var observer: (any APICallObserver)?

    /// Creates a runtime.
    /// - Parameters:
    ///   - serverURL: The server URL request paths are relative to.
    ///   - transport: What sends the HTTP requests.
    ///   - middlewares: Middlewares around the transport, outermost first.
    ///   - credentials: Credentials keyed by security scheme name.
    ///   - coding: How JSON bodies are encoded and decoded.
    public init(
        serverURL: URL,
        transport: any ClientTransport,
        middlewares: [any ClientMiddleware] = [],
        credentials: Credentials = Credentials(),
        coding: JSONCoding = .default
    ) {
        self.serverURL = serverURL
        self.transport = transport
        self.middlewares = middlewares
        self.credentials = credentials
        self.coding = coding
    }

    /// Sends a request and returns the response when its status is expected.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - statuses: The statuses that count as success.
    /// - Returns: The response, with its whole body.
    /// - Throws: ``APIClientError`` when the request has a ``APIRequest/problem`` or cannot be
    ///   built, the transport or a middleware fails, or the status is not expected;
    ///   `CancellationError` when the calling task is cancelled. With an ``errorMapper``, what it
    ///   makes of these.
    @discardableResult
    public func send(_ request: APIRequest, expecting statuses: [ExpectedStatus]) async throws -> APIResponse {
        do {
            guard let observer else { return try await exchange(request, expecting: statuses) }
            return try await observer.observe(APICall(request)) { try await exchange(request, expecting: statuses) }
        } catch {
            throw mapped(error, operationID: request.operationID)
        }
    }

    /// Sends a request and decodes the JSON body of a response whose status is expected.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - statuses: The statuses that count as success.
    ///   - type: The type to decode the body as.
    /// - Returns: The decoded body.
    /// - Throws: What ``send(_:expecting:)`` throws, and
    ///   ``APIClientError/decodingFailed(operationID:codingPath:reason:bodyExcerpt:response:)`` when the
    ///   body is not a `Response` (or what the ``errorMapper`` makes of it).
    public func send<Response: Decodable & Sendable>(
        _ request: APIRequest,
        expecting statuses: [ExpectedStatus],
        decoding type: Response.Type
    ) async throws -> Response {
        do {
            guard let observer else {
                let response = try await exchange(request, expecting: statuses)
                return try decode(Response.self, from: response, operationID: request.operationID)
            }
            return try await observer.observe(APICall(request)) {
                let response = try await exchange(request, expecting: statuses)
                return try decode(Response.self, from: response, operationID: request.operationID)
            }
        } catch {
            throw mapped(error, operationID: request.operationID)
        }
    }

    /// Builds the HTTP request ``send(_:expecting:)`` would send, without sending it.
    ///
    /// The path is the template with its placeholders filled and the query appended, relative
    /// to ``serverURL`` (the transport joins them); credentials are applied; the body is
    /// encoded, with its `Content-Type` and `Content-Length` headers.
    ///
    /// - Throws: The request's ``APIRequest/problem``;
    ///   ``APIClientError/invalidParameter(operationID:name:reason:)`` for a path
    ///   placeholder without a value or an API key with an invalid header name; and
    ///   ``APIClientError/encodingFailed(operationID:reason:)`` when the body cannot be encoded.
    public func makeHTTPRequest(_ request: APIRequest) throws -> (HTTPRequest, HTTPBody?) {
        if let problem = request.problem { throw problem }
        var headerFields = request.headerFields
        var queryPieces = request.queryPieces
        var cookiePieces = request.cookiePieces

        for credential in credentials.satisfying(request.security) {
            do {
                try credential.apply(to: &headerFields, queryPieces: &queryPieces, cookiePieces: &cookiePieces)
            } catch {
                throw APIClientError.invalidParameter(operationID: request.operationID, name: error.name, reason: error.reason)
            }
        }
        if !cookiePieces.isEmpty {
            let cookies = (headerFields[.cookie].map { [$0] } ?? []) + cookiePieces
            headerFields[.cookie] = cookies.joined(separator: "; ")
            headerFields.neverIndex(.cookie)
        }

        var body: HTTPBody?
        if let requestBody = request.body {
            let encoded: (data: Data, contentType: String)
            do {
                encoded = try requestBody.encoded(with: coding)
            } catch {
                throw APIClientError.encodingFailed(operationID: request.operationID, reason: APIClientError.reason(for: error))
            }
            headerFields[.contentType] = encoded.contentType
            headerFields[.contentLength] = String(encoded.data.count)
            body = HTTPBody(encoded.data)
        }

        var path = try request.filledPath()
        if !queryPieces.isEmpty { path += "?" + queryPieces.joined(separator: "&") }
        let httpRequest = HTTPRequest(method: request.method, scheme: nil, authority: nil, path: path, headerFields: headerFields)
        return (httpRequest, body)
    }

    // MARK: - Sending

    /// Sends a request and checks its status, throwing the runtime's own errors unmapped.
    private func exchange(_ request: APIRequest, expecting statuses: [ExpectedStatus]) async throws -> APIResponse {
        try Task.checkCancellation()
        let operationID = request.operationID
        let (httpRequest, requestBody) = try makeHTTPRequest(request)
        let (httpResponse, responseBody) = try await perform(httpRequest, body: requestBody, operationID: operationID)
        let response = APIResponse(
            status: httpResponse.status.code,
            headerFields: httpResponse.headerFields,
            body: try await collect(responseBody, operationID: operationID)
        )
        guard statuses.contains(where: { $0.contains(response.status) }) else {
            throw APIClientError.unexpectedStatus(operationID: operationID, response: redacted(response))
        }
        return response
    }

    /// Decodes a response's JSON body.
    private func decode<Response: Decodable>(
        _ type: Response.Type,
        from response: APIResponse,
        operationID: String
    ) throws(APIClientError) -> Response {
        do {
            return try coding.decode(Response.self, from: response.body)
        } catch {
            let (codingPath, reason) = APIClientError.location(of: error)
            let secrets = credentials.secrets
            throw .decodingFailed(
                operationID: operationID,
                codingPath: SecretText.redact(codingPath, secrets: secrets),
                reason: SecretText.redact(reason, secrets: secrets),
                bodyExcerpt: APIClientError.excerpt(of: SecretText.redact(response.body, secrets: secrets)),
                response: redacted(response)
            )
        }
    }

    /// A response with every credential's secret replaced by `<redacted>` in its body and
    /// header values, before anything quotes (and cuts) them.
    private func redacted(_ response: APIResponse) -> APIResponse {
        let secrets = credentials.secrets
        guard !secrets.isEmpty else { return response }
        return APIResponse(
            status: response.status,
            headerFields: SecretText.redact(response.headerFields, secrets: secrets),
            body: SecretText.redact(response.body, secrets: secrets)
        )
    }

    /// What ``errorMapper`` makes of an error the runtime throws; task cancellation reaches it
    /// as ``APIClientError/cancelled(operationID:)``, anything else that is not an
    /// ``APIClientError`` as ``APIClientError/transportFailed(operationID:underlying:)``, so a
    /// mapped client throws only what its mapper makes. Without a mapper, the error itself.
    private func mapped(_ error: any Error, operationID: String) -> any Error {
        guard let errorMapper else { return error }
        switch error {
        case let error as APIClientError: return errorMapper(error)
        case is CancellationError: return errorMapper(.cancelled(operationID: operationID))
        default: return errorMapper(.transportFailed(operationID: operationID, underlying: error))
        }
    }

    /// Runs the middlewares around the transport, the first middleware outermost, as
    /// swift-openapi-runtime's `UniversalClient` does.
    private func perform(
        _ request: HTTPRequest,
        body: HTTPBody?,
        operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let transport = transport
        var next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?) = {
            request, body, baseURL in
            try await transport.send(request, body: body, baseURL: baseURL, operationID: operationID)
        }
        for middleware in middlewares.reversed() {
            let inner = next
            next = { request, body, baseURL in
                try await middleware.intercept(request, body: body, baseURL: baseURL, operationID: operationID, next: inner)
            }
        }
        do {
            return try await next(request, body, serverURL)
        } catch {
            throw failure(error, operationID: operationID)
        }
    }

    /// Reads a response body into memory, up to ``maximumResponseBodySize``.
    private func collect(_ body: HTTPBody?, operationID: String) async throws -> Data {
        guard let body else { return Data() }
        do {
            return try await body.collected(upTo: maximumResponseBodySize, as: Data.self)
        } catch {
            throw failure(error, operationID: operationID)
        }
    }

    /// The error to throw for one the transport, a middleware or the body threw: cancellation
    /// of the calling task as `CancellationError`, everything else as an ``APIClientError``.
    private func failure(_ error: any Error, operationID: String) -> any Error {
        if error is APIClientError { return error }
        if Task.isCancelled { return error is CancellationError ? error : CancellationError() }
        if error is CancellationError { return APIClientError.cancelled(operationID: operationID) }
        if let error = error as? URLError, error.code == .cancelled {
            return APIClientError.cancelled(operationID: operationID)
        }
        return APIClientError.transportFailed(operationID: operationID, underlying: error)
    }
}

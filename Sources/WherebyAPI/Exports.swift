// What `import WherebyAPI` brings in from the runtime: only the types a caller names when using
// the client. The rest of OpenAPIClientSupport (Validatable, Validation, Credentials, Credential,
// APIRequest, APIResponse, ParameterStyle, …) stays behind the module boundary, so it cannot
// clash with an app's own names or Vapor's and Hummingbird's (`Validatable`, `Validation`,
// `Credentials`). Code that builds an `APIRuntime` by hand imports OpenAPIClientSupport itself.
//
// Examples/Sources/ImportHygiene imports WherebyAPI, Vapor and Hummingbird together and uses the
// clashing names unqualified; a wider re-export here makes it fail to compile.

// In the models: free-form JSON, `null` against absent, file uploads.
@_exported import enum OpenAPIClientSupport.JSONValue
@_exported import typealias OpenAPIClientSupport.JSONObject
@_exported import enum OpenAPIClientSupport.Nullable
@_exported import struct OpenAPIClientSupport.MultipartFile
// What the `all…` functions return, and the pages they walk.
@_exported import struct OpenAPIClientSupport.CursorPages
@_exported import struct OpenAPIClientSupport.CursorPage
// `WherebyClient.runtime` and `WherebyClient(runtime:)`.
@_exported import struct OpenAPIClientSupport.APIRuntime

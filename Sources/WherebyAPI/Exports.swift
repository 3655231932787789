// The runtime's types are part of WherebyAPI's own API (JSONValue, Nullable, MultipartFile,
// CursorPages, Credentials): `import WherebyAPI` brings them along.
@_exported import OpenAPIClientSupport

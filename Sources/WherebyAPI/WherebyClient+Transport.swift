public import OpenAPIRuntime

extension WherebyClient {
    /// The transport of a client whose configuration names none: a ``WherebyURLSessionTransport``,
    /// on Linux and Apple platforms alike. It never follows redirects (the client decides),
    /// stops reading a body at the 32 MiB limit, and its session keeps no cache, cookies or
    /// credentials.
    public static func makeDefaultTransport() -> any ClientTransport {
        WherebyURLSessionTransport()
    }
}

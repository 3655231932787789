/// Every name of the runtime that generated code prints, in one place.
enum EmitterNames {
    static let supportModule = "OpenAPIClientSupport"
    static let runtimeType = "APIRuntime"
    static let runtimeProperty = "runtime"
    static let requestType = "APIRequest"
    static let requestVariable = "request"
    static let bodyParameter = "body"
    static let unknownCase = "unknown"
    /// The runtime's one coding key type, which every model codes its properties with.
    static let propertyKey = "PropertyKey"
    static let generator = "whereby-codegen"
}

/// Every name of the runtime that generated code prints, in one place.
enum EmitterNames {
    static let supportModule = "OpenAPIClientSupport"
    static let runtimeType = "APIRuntime"
    static let runtimeProperty = "runtime"
    static let requestType = "APIRequest"
    static let requestVariable = "request"
    static let bodyParameter = "body"
    static let unknownCase = "unknown"
    static let codingKeys = "CodingKeys"
    static let generator = "whereby-codegen"
}

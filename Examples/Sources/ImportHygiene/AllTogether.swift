import AppNames
import Hummingbird
import Vapor
import WherebyAPI

// WherebyAPI, Vapor, Hummingbird and the app's own names in one file. Every name below is used
// unqualified: if WherebyAPI leaked the runtime's type of the same name, this would not compile.

/// Vapor's `Validatable` and `Validation`, which OpenAPIClientSupport also declares.
struct SignUp: Content, Validatable {
    var roomNamePrefix: String

    static func validations(_ validations: inout Validations) {
        validations.add("roomNamePrefix", as: String.self, is: .count(1...39))
    }
}

/// Vapor's `Validation` has no public initializer: naming the type is what would be ambiguous.
func describe(_ validation: Validation) -> String {
    String(describing: validation)
}

/// Hummingbird's `RequestBody`, which OpenAPIClientSupport also declares.
func bodyOf(_ request: Hummingbird.Request) -> RequestBody { request.body }

/// The app's own types.
let appNames: (Credentials, Credential, APIRequest, APIResponse, APIClientError, ValidationFailure, ExpectedStatus, PropertyKey, JSONCoding, ParameterStyle) =
    (Credentials(), Credential(), APIRequest(), APIResponse(), APIClientError(), ValidationFailure(), ExpectedStatus(), PropertyKey(), JSONCoding(), ParameterStyle())

/// What `import WherebyAPI` must still bring: the client, its protocol, its errors, and the
/// runtime types its API names.
func useTheClient(_ whereby: some WherebyClientProtocol) async throws -> [JSONValue] {
    var collected: [JSONValue] = []
    for try await page in whereby.allMeetings(pageSize: 50).maximumPages(10).pages {
        let cursor: String? = page.nextCursor
        collected.append(cursor.map(JSONValue.string) ?? .null)
        // Members from the runtime's extensions, and its literal conformances.
        _ = collected.last?.stringValue
        let literal: JSONValue = ["pages": 1]
        _ = literal.objectValue
        let typed: CursorPage<Meeting> = page
        _ = typed.items.count
    }
    let sequence: CursorPages<Meeting> = whereby.allMeetings()
    _ = sequence
    let nullable: Nullable<String> = .null
    let file = MultipartFile(data: Data("x".utf8), filename: "logo.png", contentType: "image/png")
    _ = (nullable, file)
    return collected
}

func makeClient() -> WherebyClient {
    let client = WherebyClient(apiKey: "not a real key")
    let runtime: APIRuntime = client.runtime
    _ = runtime.serverURL
    return client
}

func describe(_ error: any Error) -> String {
    if let error = error as? WherebyError { return error.description }
    return String(describing: error)
}

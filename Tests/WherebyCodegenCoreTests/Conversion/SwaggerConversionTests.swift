import Testing
@testable import WherebyCodegenCore

/// Swagger 2.0 in: the conversion to an OpenAPI 3.0 node tree, and diagnostics that still point
/// into the file as written.
@Suite struct SwaggerConversionTests {
    static let petstorePath = repositoryPath("Tests/Corpus/documents/swagger2-petstore-like.yaml")
    static let multifilePath = repositoryPath("Tests/Corpus/documents/swagger2-multifile/api.yaml")

    /// The converted tree of a document held in a string.
    func convert(_ text: String, path: String = "swagger.yaml") throws -> SwaggerConverter.Result {
        let root = try DocumentReader.read(SourceFile(path: path, bytes: Array(text.utf8)))
        return SwaggerConverter.convert(root, path: path)
    }

    func convertFile(_ path: String) throws -> SwaggerConverter.Result {
        let root = try DocumentReader.read(try SourceFile.load(path: path))
        let directory = DocumentParser.directory(of: path)
        return SwaggerConverter.convert(root, path: path) { key in
            let other = directory + "/" + key
            guard let file = try? SourceFile.load(path: other), let root = try? DocumentReader.read(file) else { return nil }
            return (other, root)
        }
    }

    func node(_ root: Node, _ pointer: String) -> Node? {
        JSONPointer(fragment: pointer).flatMap { root.descendant(at: $0.tokens) }
    }

    func text(_ root: Node, _ pointer: String) -> String? {
        node(root, pointer)?.scalarText
    }

    func keys(_ root: Node, _ pointer: String) -> [String] {
        node(root, pointer)?.entries?.map(\.key) ?? []
    }

    @Test func convertsTheDocumentLevelToOpenAPI3() throws {
        let result = try convertFile(Self.petstorePath)
        let root = result.root
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(text(root, "#/openapi") == "3.0.3")
        #expect(root["swagger"] == nil && root["definitions"] == nil && root["securityDefinitions"] == nil)
        #expect(root["host"] == nil && root["basePath"] == nil && root["consumes"] == nil)
        #expect(root["servers"]?.items?.compactMap { $0["url"]?.string } == ["https://petstore.example.com/v2", "http://petstore.example.com/v2"])
        #expect(keys(root, "#/components/schemas") == ["Category", "Pet", "ApiResponse", "ApiError"])
        // Body parameters become request bodies where they are used, not components.
        #expect(keys(root, "#/components/parameters") == ["limitParam", "traceHeader"])
        #expect(text(root, "#/components/parameters/limitParam/schema/type") == "integer")
        #expect(text(root, "#/components/parameters/limitParam/schema/maximum") == "100")
        #expect(root["components"]?["parameters"]?["limitParam"]?["type"] == nil)
        #expect(text(root, "#/components/responses/NotFound/content/application~1json/schema/$ref") == "#/components/schemas/ApiError")
    }

    @Test func rewritesDefinitionReferencesAndNullability() throws {
        let root = try convertFile(Self.petstorePath).root
        #expect(text(root, "#/components/schemas/Pet/properties/category/$ref") == "#/components/schemas/Category")
        // A `$ref` has no siblings in 3.0, so a nullable one is wrapped.
        #expect(text(root, "#/components/schemas/Pet/properties/owner/allOf/0/$ref") == "#/components/schemas/Category")
        #expect(text(root, "#/components/schemas/Pet/properties/owner/nullable") == "true")
        #expect(text(root, "#/components/schemas/Pet/properties/nickname/nullable") == "true")
        #expect(node(root, "#/components/schemas/Pet/properties/nickname/x-nullable") == nil)
        #expect(text(root, "#/paths/~1pets/get/responses/200/content/application~1json/schema/items/$ref") == "#/components/schemas/Pet")
        #expect(text(root, "#/paths/~1pets~1{petId}/get/responses/404/$ref") == "#/components/responses/NotFound")
        #expect(text(root, "#/paths/~1pets/parameters/0/$ref") == "#/components/parameters/traceHeader")
    }

    @Test func turnsCollectionFormatsIntoStyles() throws {
        let root = try convertFile(Self.petstorePath).root
        let get = "#/paths/~1pets/get/parameters"
        #expect(text(root, get + "/0/$ref") == "#/components/parameters/limitParam")
        let styles = (1...4).map { "\(text(root, "\(get)/\($0)/name") ?? ""): \(text(root, "\(get)/\($0)/style") ?? "") \(text(root, "\(get)/\($0)/explode") ?? "")" }
        #expect(styles == ["tags: form false", "status: form true", "words: spaceDelimited false", "codes: pipeDelimited false"])
        #expect(text(root, get + "/2/schema/items/enum/0") == "available")
        #expect(node(root, get + "/2/collectionFormat") == nil && node(root, get + "/2/items") == nil)
        let upload = "#/paths/~1pets~1{petId}~1photos~1{sizes}/put/parameters"
        #expect(text(root, upload + "/1/name") == "sizes")
        #expect(text(root, upload + "/1/style") == "simple")
        #expect(text(root, upload + "/1/explode") == "false")
    }

    @Test func turnsBodyAndFormParametersIntoRequestBodies() throws {
        let root = try convertFile(Self.petstorePath).root
        let add = "#/paths/~1pets/post"
        #expect(node(root, add + "/parameters") == nil)
        #expect(keys(root, add + "/requestBody/content") == ["application/json", "application/xml"])
        #expect(text(root, add + "/requestBody/required") == "true")
        #expect(text(root, add + "/requestBody/content/application~1xml/schema/$ref") == "#/components/schemas/Pet")

        let form = "#/paths/~1pets~1{petId}/post/requestBody"
        #expect(keys(root, form + "/content") == ["application/x-www-form-urlencoded"])
        let formSchema = form + "/content/application~1x-www-form-urlencoded/schema"
        #expect(keys(root, formSchema + "/properties") == ["name", "status"])
        #expect(node(root, formSchema + "/required")?.strings == ["status"])
        #expect(text(root, formSchema + "/properties/status/enum/2") == "sold")

        let upload = "#/paths/~1pets~1{petId}~1photos~1{sizes}/put"
        #expect(node(root, upload + "/parameters")?.items?.count == 2)
        #expect(keys(root, upload + "/requestBody/content") == ["multipart/form-data"])
        let file = upload + "/requestBody/content/multipart~1form-data/schema/properties/file"
        #expect(text(root, file + "/type") == "string")
        #expect(text(root, file + "/format") == "binary")
        #expect(text(root, file + "/description") == nil, "a parameter's description is not a schema keyword")

        #expect(keys(root, "#/paths/~1pets~1{petId}~1photo/get/responses/200/content") == ["image/png"])
        #expect(text(root, "#/paths/~1pets~1{petId}~1photo/get/responses/200/content/image~1png/schema/format") == "binary")
        #expect(text(root, "#/paths/~1pets/get/responses/200/headers/X-Rate-Limit/schema/format") == "int32")
    }

    @Test func convertsSecurityDefinitions() throws {
        let root = try convertFile(Self.petstorePath).root
        let schemes = "#/components/securitySchemes"
        #expect(keys(root, schemes) == ["petstore_auth", "token_auth", "api_key", "basic_auth"])
        #expect(text(root, schemes + "/basic_auth/type") == "http")
        #expect(text(root, schemes + "/basic_auth/scheme") == "basic")
        #expect(text(root, schemes + "/basic_auth/description") == "User name and password.")
        #expect(text(root, schemes + "/api_key/in") == "header")
        #expect(text(root, schemes + "/petstore_auth/flows/implicit/authorizationUrl") == "https://petstore.example.com/oauth/dialog")
        #expect(keys(root, schemes + "/petstore_auth/flows/implicit/scopes") == ["write:pets", "read:pets"])
        #expect(text(root, schemes + "/token_auth/flows/authorizationCode/tokenUrl") == "https://petstore.example.com/oauth/token")
        #expect(node(root, schemes + "/token_auth/flow") == nil)
    }

    @Test func convertedNodesKeepTheirPlacesInTheOriginalFile() throws {
        let result = try convertFile(Self.petstorePath)
        // `Pet:` is on line 236 of the fixture, its mapping starts on the next line.
        let pet = try #require(node(result.root, "#/components/schemas/Pet"))
        #expect(pet.location.line == 237)
        #expect(result.root["components"]?["schemas"]?.entry("Pet")?.keyLocation.line == 236)
        let map = try #require(result.pointerMaps[Self.petstorePath])
        #expect(map.original(for: JSONPointer(["components", "schemas", "Pet", "properties", "id"])).description == "#/definitions/Pet/properties/id")
        #expect(map.original(for: JSONPointer(["paths", "/pets/{petId}/photos/{sizes}", "put", "requestBody", "content", "multipart/form-data", "schema", "properties", "file"])).description
            == "#/paths/~1pets~1{petId}~1photos~1{sizes}/put/parameters/3")
        #expect(map.original(for: JSONPointer(["paths", "/pets", "post", "requestBody", "content", "application/json", "schema"])).description == "#/parameters/petBody/schema")
        #expect(map.original(for: JSONPointer(["paths", "/pets", "get", "parameters", "1", "schema", "items"])).description == "#/paths/~1pets/get/parameters/1/items")
        #expect(map.original(for: JSONPointer(["components", "securitySchemes", "basic_auth"])).description == "#/securityDefinitions/basic_auth")
    }

    @Test func aDiagnosticOnAConvertedNodeReportsTheOriginalPlace() throws {
        let diagnostics = try generate("""
            swagger: "2.0"
            info: { title: Located, version: "1" }
            paths:
              /things:
                get:
                  operationId: listThings
                  parameters:
                    - { name: body, in: body, schema: { type: object } }
                    - name: filter
                      in: query
                      type: string
                      colour: blue
                      maxLength: 3
                      x-nullable: true
                      shade: { dark: true }
                  responses:
                    "200":
                      description: ok
                      schema: { $ref: "#/definitions/Thing" }
            definitions:
              Thing:
                type: object
                properties:
                  name:
                    type: string
                    flavour: sweet
            """, path: "located.yaml", expecting: ["unknown-keyword"]).diagnostics
        #expect(diagnostics.map(\.description) == [
            "located.yaml:26:18: warning: 'flavour' is not a schema keyword; ignoring it [#/definitions/Thing/properties/name/flavour]",
        ])
    }

    @Test func aDiagnosticInsideAConvertedParameterPointsAtTheParameter() throws {
        let failures = failures("""
            swagger: "2.0"
            info: { title: Located, version: "1" }
            paths:
              /things:
                get:
                  operationId: listThings
                  parameters:
                    - { name: body, in: body, schema: { type: object } }
                    - name: kind
                      in: query
                      type: array
                      items: { $ref: "#/definitions/Missing" }
                  responses:
                    "200": { description: ok }
            """, path: "broken.yaml")
        #expect(failures.map(\.description) == [
            "broken.yaml:12:26: error: '$ref' '#/definitions/Missing' points at nothing: there is no 'Missing' there [#/paths/~1things/get/parameters/1/items/$ref]",
        ])
    }

    @Test func unsupportedConstructsAreLocatedWarnings() throws {
        let output = try generate("""
            swagger: "2.0"
            info: { title: Odd, version: "1" }
            securityDefinitions:
              legacy: { type: oauth2, scopes: {} }
            security:
              - legacy: []
            paths:
              /odd:
                post:
                  operationId: oddThing
                  schemes: [ws]
                  parameters:
                    - { name: ids, in: header, type: array, items: { type: string }, collectionFormat: tsv }
                    - { name: payload, in: body, schema: { type: string } }
                    - { name: extra, in: formData, type: string }
                  responses:
                    "200": { description: ok }
            """, path: "odd.yaml", expecting: ["swagger-security-scheme", "swagger-operation-schemes", "swagger-collection-format", "swagger-body-and-form"])
        #expect(output.diagnostics.map(\.description).sorted() == [
            "odd.yaml:15:11: warning: an operation has both a body and formData parameters; using the body and ignoring the form [#/paths/~1odd/post/parameters/2]",
            "odd.yaml:4:11: warning: an oauth2 security definition needs a 'flow' of implicit, password, application or accessCode; leaving it without flows [#/securityDefinitions/legacy/flow]",
            "odd.yaml:11:16: warning: an operation's own 'schemes' have no OpenAPI 3 equivalent; using the document's servers [#/paths/~1odd/post/schemes]",
            "odd.yaml:13:92: warning: 'collectionFormat: tsv' has no OpenAPI 3 equivalent for a header parameter; separating the values with commas [#/paths/~1odd/post/parameters/0/collectionFormat]",
        ].sorted())
        #expect(output.operation("oddThing") != nil)
    }

    @Test func generatesThePetstoreLikeDocument() throws {
        let output = try GeneratorPipeline().run(specPath: Self.petstorePath)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics.map(\.description))")
        #expect(output.model.operations.map(\.swiftName) == ["listPets", "addPet", "getPet", "updatePetWithForm", "uploadPhoto", "downloadPhoto"])
        #expect(output.operation("uploadPhoto")?.body?.isRequired == true)
        #expect(output.operation("listPets")?.parameters.map(\.name) == ["limit", "tags", "status", "words", "codes", "X-Trace-Id"])
        #expect(output.type("Pet")?.property("nickname") != nil)
        #expect(output.model.operations.first?.path == "/pets")
        // Provenance remarks name the places in the file as written.
        let types = output.files.map(\.contents).joined()
        #expect(types.contains("/// - Remark: Generated from `#/definitions/Pet/properties/nickname`."))
        #expect(!types.contains("#/components/"))
        #expect(output.type("Pet")?.documentation.provenance == "#/definitions/Pet")
    }

    @Test func followsReferencesBetweenTheFilesOfAMultiFileDocument() throws {
        let result = try convertFile(Self.multifilePath)
        let order = try #require(result.files["definitions/order.yaml"]?.root)
        #expect(text(order, "#/Order/properties/total/$ref") == "../api.yaml#/components/schemas/Money")
        #expect(text(order, "#/Order/properties/note/nullable") == "true")
        let parameters = try #require(result.files["parameters.yaml"]?.root)
        #expect(text(parameters, "#/pageSize/schema/minimum") == "1")

        let output = try GeneratorPipeline().run(specPath: Self.multifilePath)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics.map(\.description))")
        #expect(output.model.operations.map(\.swiftName) == ["listOrders", "createOrder"])
        #expect(output.type("Order")?.property("total") != nil)
        #expect(output.type("Money") != nil)
        #expect(output.operation("listOrders")?.parameters.map(\.name) == ["page_size"])
    }

    @Test func overlaysApplyToTheDocumentAsPublishedBeforeItIsConverted() throws {
        let spec = """
            swagger: "2.0"
            info: { title: Overlaid, version: "1" }
            paths:
              /things:
                get:
                  operationId: listThings
                  responses:
                    "200": { description: ok, schema: { $ref: "#/definitions/Thing" } }
            definitions:
              Thing:
                type: object
                properties:
                  name: { type: string }
            """
        let overlay = """
            overlay: 1.0.0
            info: { title: Fixes, version: "1" }
            actions:
              - target: $.definitions.Thing
                update:
                  required: [colour]
                  properties:
                    colour: { type: string, x-nullable: true, flavour: sweet }
            """
        let output = try GeneratorPipeline().run(SourceFile(path: "api.yaml", bytes: Array(spec.utf8)), overlays: [SourceFile(path: "fix.yaml", bytes: Array(overlay.utf8))])
        #expect(output.type("Thing")?.property("colour")?.presence == .requiredNullable, "x-nullable from the overlay")
        // The merged node is converted too, and a problem in it is located in the overlay.
        #expect(output.diagnostics.map(\.description) == [
            "fix.yaml:8:60: warning: 'flavour' is not a schema keyword; ignoring it [#/definitions/Thing/properties/colour/flavour]",
        ])
    }

    @Test func formArraysOtherThanMultiAreLocatedWarnings() throws {
        let output = try generate("""
            swagger: "2.0"
            info: { title: Forms, version: "1" }
            paths:
              /tags:
                post:
                  operationId: setTags
                  consumes: [application/x-www-form-urlencoded]
                  parameters:
                    - { name: all, in: formData, type: array, items: { type: string }, collectionFormat: multi }
                    - { name: some, in: formData, type: array, items: { type: string }, collectionFormat: pipes }
                    - { name: plain, in: formData, type: array, items: { type: string } }
                  responses:
                    "204": { description: ok }
            """, path: "forms.yaml", expecting: ["swagger-collection-format", "swagger-collection-format"])
        #expect(output.diagnostics.map(\.description) == [
            "forms.yaml:10:95: warning: form field 'some' has 'collectionFormat: pipes', which a form body cannot express; sending one field per value, as 'multi' does [#/paths/~1tags/post/parameters/1/collectionFormat]",
            "forms.yaml:11:46: warning: form field 'plain' has 'collectionFormat: csv', which a form body cannot express; sending one field per value, as 'multi' does [#/paths/~1tags/post/parameters/2/type]",
        ])
    }
}

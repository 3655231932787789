import Foundation
import Testing
@testable import WherebyCodegenCore

/// `allOf`, `anyOf` and `oneOf` as vendors write them: a reference wrapped for its description is
/// the referenced type, and a real merge refers to its members' nested types where they exist.
///
/// Components are found by the pointer they were generated from, so that these tests say what
/// is declared where whatever the naming rule makes of `File--Mini`.
@Suite struct CompositionTests {
    static let corpusFixture = "Tests/Corpus/documents/allof.yaml"

    func fixture() throws -> GeneratorPipeline.Output {
        let text = try String(contentsOfFile: repositoryPath(Self.corpusFixture), encoding: .utf8)
        return try generate(text, path: "allof.yaml")
    }

    // MARK: - A reference wrapped for its description

    @Test func aReferenceWrappedForItsDescriptionIsTheReferencedType() throws {
        let output = try fixture()
        let retention = try #require(output.component("Retention"))
        let fileMini = try #require(output.component("File--Mini")).path
        let file = try #require(retention.property("file"))
        #expect(file.type == .named(fileMini))
        #expect(file.presence == .required)
        #expect(file.documentation.description == "The file this retention applies to.")
        #expect(file.documentation.summary == nil, "the wrapper's description replaces the type's title and description")
        #expect(retention.nested.isEmpty, "no copy of File--Mini is declared in Retention: \(retention.nested.map(\.name))")
        // The annotation may come first.
        #expect(retention.property("files")?.type == .array(.named(fileMini)))
    }

    @Test func annotationsBesideTheReferenceDescribeTheProperty() throws {
        let output = try fixture()
        let retention = try #require(output.component("Retention"))
        let userMini = try #require(output.component("User--Mini")).path

        let previous = try #require(retention.property("previous_file"))
        #expect(previous.type == output.component("File--Mini").map { .named($0.path) })
        #expect(previous.presence == .requiredNullable, "nullable: true in the annotating member")

        let owner = try #require(retention.property("owner"))
        #expect(owner.type == .named(userMini), "anyOf of one reference")
        #expect(owner.documentation.description == "Who set the retention.")

        let reviewer = try #require(retention.property("reviewer"))
        #expect(reviewer.type == .named(userMini), "oneOf of one reference")
        #expect(reviewer.documentation.isDeprecated)
        #expect(reviewer.presence == .optional)
    }

    @Test func theWrappedTypeAppearsInTheGeneratedPropertyWithItsDocComment() throws {
        let types = try fixture().text(of: .types)
        #expect(types.contains("""
                /// The file this retention applies to.
                ///
                /// - Remark: Generated from `#/components/schemas/Retention/properties/file`.
                public var file: FileMini
            """), "\(types)")
    }

    @Test func aComponentThatWrapsAReferenceIsAnAliasOfIt() throws {
        let output = try generate(document(components: """
            schemas:
              Pet:
                type: object
                properties:
                  kind: { type: string, enum: [cat, dog] }
              DescribedPet:
                allOf:
                  - $ref: '#/components/schemas/Pet'
                  - description: A pet, described.
                    example: { kind: cat }
            """))
        #expect(output.type("DescribedPet")?.kind == .typeAlias(.named(TypePath(["Pet"]))))
        #expect(output.type("DescribedPet")?.nested.isEmpty == true)
    }

    @Test func aWrappedReferenceKeepsTheReferencedConstraintsAndNullability() throws {
        let output = try generate(document(components: """
            schemas:
              Code:
                type: string
                maxLength: 8
                nullable: true
              Holder:
                type: object
                required: [code]
                properties:
                  code:
                    allOf:
                      - $ref: '#/components/schemas/Code'
                      - description: The holder's code.
            """))
        let code = try #require(output.type("Holder")?.property("code"))
        #expect(code.type == .named(TypePath(["Code"])))
        #expect(code.constraints.maxLength == 8)
        #expect(code.presence == .requiredNullable)
        #expect(code.documentation.description == "The holder's code.")
    }

    @Test func aNullAlternativeBesideAReferenceMakesThePropertyNullable() throws {
        let output = try generate(document(version: "3.1.0", components: """
            schemas:
              Pet: { type: object, properties: { name: { type: string } } }
              Holder:
                type: object
                required: [pet]
                properties:
                  pet:
                    oneOf:
                      - $ref: '#/components/schemas/Pet'
                      - { type: 'null' }
            """))
        let pet = try #require(output.type("Holder")?.property("pet"))
        #expect(pet.type == .named(TypePath(["Pet"])))
        #expect(pet.presence == .requiredNullable)
    }

    @Test func anEmptyAlternativeBesideAReferenceStaysAnAlternative() throws {
        // In oneOf, `{}` accepts any value: it is a second alternative, not an annotation.
        let output = try generate(document(components: """
            schemas:
              Pet: { type: object, properties: { name: { type: string } } }
              Holder:
                type: object
                properties:
                  pet:
                    oneOf:
                      - $ref: '#/components/schemas/Pet'
                      - {}
            """))
        let pet = try #require(output.type("Holder")?.property("pet"))
        guard case .named(let path) = pet.type, case .oneOf(let model)? = output.type(path)?.kind else {
            Issue.record("expected a one-of enum, got \(pet.type)")
            return
        }
        #expect(model.cases.map(\.type) == [.named(TypePath(["Pet"])), .jsonValue])
    }

    @Test func aWrapperThatRequiresPropertiesStillMerges() throws {
        let output = try generate(document(components: """
            schemas:
              Pet: { type: object, properties: { name: { type: string } } }
              NamedPet:
                required: [name]
                allOf:
                  - $ref: '#/components/schemas/Pet'
                  - description: A pet that has a name.
            """))
        let named = try #require(output.type("NamedPet"))
        #expect(named.property("name")?.presence == .required)
    }

    @Test func anInlineSchemaBesideADescriptionStaysAStructOfItsOwnName() throws {
        let output = try generate(document(components: """
            schemas:
              Pet:
                allOf:
                  - type: object
                    properties:
                      kind: { type: string, enum: [cat, dog] }
                  - description: A pet.
            """))
        let pet = try #require(output.type("Pet"))
        #expect(pet.property("kind")?.type == .named(TypePath(["Pet", "Kind"])))
        #expect(output.model.types.map(\.name) == ["Pet"])
    }

    // MARK: - Merging

    @Test func mergedMembersReferToTheirNestedTypesWhereTheMemberDeclaresThem() throws {
        let output = try fixture()
        let partA = try #require(output.component("Part--A"))
        let partB = try #require(output.component("Part--B"))
        let inline = try #require(output.component("Bundle")?.nested.first { $0.name == "Inline" })
        let merged = try #require(output.component("Merged"))

        for declaration in [inline, merged] {
            #expect(declaration.property("status")?.type == .named(partA.path.appending("Status")))
            #expect(declaration.property("detail")?.type == .named(partA.path.appending("Detail")))
            #expect(declaration.property("layout")?.type == .named(partB.path.appending("Layout")))
            #expect(declaration.property("tags")?.type == .array(.named(partB.path.appending("Tag"))))
        }
        // Three levels down, still in the member that writes them.
        let deepest = try #require(output.type(partA.path.description + ".Detail.Inner.Deepest"))
        #expect(deepest.property("mode")?.type == .named(deepest.path.appending("Mode")))
        #expect(output.type(partB.path.description + ".Layout.Cell.Padding.Unit") != nil)
        // Only what the merge writes itself is declared in it.
        #expect(inline.nested.map(\.name) == ["Note"])
        #expect(merged.nested.isEmpty)
        #expect(partA.property("status")?.type == .named(partA.path.appending("Status")))
    }

    @Test func requiredAddedByTheMergeMakesMembersRequired() throws {
        let output = try fixture()
        let merged = try #require(output.component("Merged"))
        let strict = try #require(output.component("MergedRequired"))
        for name in ["status", "detail", "colour", "layout"] {
            #expect(merged.property(name)?.presence == .optional, "\(name)")
            #expect(strict.property(name)?.presence == .required, "\(name)")
            #expect(strict.property(name)?.type == merged.property(name)?.type, "\(name)")
        }
        #expect(strict.property("id")?.presence == .required)
    }

    @Test func everyNamedTypeTheFixtureUsesIsDeclared() throws {
        let output = try fixture()
        let missing = output.undeclaredNames()
        #expect(missing.isEmpty, "\(missing)")
    }

    @Test func theMergeComesOutTheSameWhicheverSchemaIsMetFirst() throws {
        let parts = """
              Part:
                type: object
                properties:
                  status: { type: string, enum: [on, off] }
                  detail: { type: object, properties: { level: { type: string, enum: [low, high] } } }
              Extra:
                type: object
                properties:
                  colour: { type: string, enum: [red, green] }
            """
        let merge = """
              Merged:
                allOf:
                  - $ref: '#/components/schemas/Part'
                  - $ref: '#/components/schemas/Extra'
            """
        let mergeFirst = try generate(document(components: "schemas:\n" + merge + "\n" + parts))
        let partsFirst = try generate(document(components: "schemas:\n" + parts + "\n" + merge))
        for output in [mergeFirst, partsFirst] {
            #expect(output.type("Merged")?.property("status")?.type == .named(TypePath(["Part", "Status"])))
            #expect(output.type("Merged")?.property("detail")?.type == .named(TypePath(["Part", "Detail"])))
            #expect(output.type("Merged")?.property("colour")?.type == .named(TypePath(["Extra", "Colour"])))
            #expect(output.type("Part.Detail.Level") != nil)
            #expect(output.type("Merged")?.nested.isEmpty == true)
            #expect(output.undeclaredNames().isEmpty)
        }
    }

    @Test func aMergeInAMultipartBodyDeclaresItsOwnFileParts() throws {
        let output = try generate(document(paths: """
            /uploads:
              post:
                operationId: upload
                requestBody:
                  content:
                    multipart/form-data:
                      schema:
                        allOf:
                          - $ref: '#/components/schemas/Attachment'
                          - type: object
                            properties:
                              caption: { type: string }
                responses:
                  "204": { description: done }
            """, components: """
            schemas:
              Attachment:
                type: object
                properties:
                  file: { type: string, format: binary }
                  meta: { type: object, properties: { kind: { type: string, enum: [image, text] } } }
            """))
        let request = try #require(output.type("UploadRequest"))
        #expect(request.property("file")?.type == .multipartFile)
        #expect(request.property("meta")?.type == .named(TypePath(["UploadRequest", "Meta"])))
        #expect(output.type("Attachment")?.property("file")?.type == .data)
        #expect(output.undeclaredNames().isEmpty)
    }
}

extension GeneratorPipeline.Output {
    /// The declaration generated from the component schema `name`, whatever its Swift name.
    func component(_ name: String) -> TypeDeclaration? {
        let pointer = "#/components/schemas/" + name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        return model.types.first { $0.documentation.provenance == pointer }
    }

    /// The declaration at `path`.
    func type(_ path: TypePath) -> TypeDeclaration? {
        type(path.description)
    }

    /// Every type path a declaration or operation names that no declaration has.
    func undeclaredNames() -> [String] {
        var declared: Set<TypePath> = []
        var pending = model.types
        var all: [TypeDeclaration] = []
        while let declaration = pending.popLast() {
            declared.insert(declaration.path)
            all.append(declaration)
            pending += declaration.nested
        }
        var used: [TypeReference] = []
        for declaration in all {
            switch declaration.kind {
            case .structure(let properties): used += properties.map(\.type)
            case .oneOf(let model): used += model.cases.map(\.type)
            case .bodyAlternatives(let cases): used += cases.map(\.type)
            case .typeAlias(let target): used.append(target)
            case .stringEnum, .integerEnum: break
            }
        }
        var missing: [String] = []
        while let type = used.popLast() {
            switch type {
            case .named(let path) where !declared.contains(path): missing.append(path.description)
            case .array(let element), .dictionary(let element): used.append(element)
            default: break
            }
        }
        return missing.sorted()
    }
}

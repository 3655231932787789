import Foundation
import Testing
@testable import WherebyCodegenCore

@Suite struct OverlayTests {
    let spec = document(paths: """
        /meetings:
          get:
            summary: Get meetings
            parameters:
              - { name: cursor, in: query }
              - { name: debug, in: query, schema: { type: boolean } }
            responses:
              "200":
                description: ok
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        cursor: { type: string }
                        tags: { type: array, items: { type: string } }
        """)

    func run(overlay: String, expecting expected: [Diagnostic.ID] = [], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> GeneratorPipeline.Output {
        let output = try GeneratorPipeline().run(
            SourceFile(path: "api.yaml", bytes: Array(spec.utf8)),
            overlays: [SourceFile(path: "api.overlay.yaml", bytes: Array(overlay.utf8))]
        )
        #expect(output.diagnostics.map(\.id.rawValue).sorted() == expected.map(\.rawValue).sorted(), "\(output.diagnostics)", sourceLocation: sourceLocation)
        return output
    }

    @Test func updatesMergeIntoTheTargetAndRemovesDelete() throws {
        let output = try run(overlay: """
            overlay: 1.0.0
            info: { title: fixes, version: 1.0.0 }
            actions:
              - target: $.paths['/meetings'].get
                update:
                  operationId: listMeetings
              - target: $.paths['/meetings'].get.parameters[?@.name == 'cursor']
                update:
                  schema: { type: string }
              - target: $.paths['/meetings'].get.parameters[?@.name == 'debug']
                remove: true
              - target: $..schema.properties.cursor
                update: { nullable: true }
            """)
        let operation = try #require(output.operation("listMeetings"))
        #expect(operation.parameters.map(\.name) == ["cursor"])
        #expect(output.type("ListMeetingsResponse")?.property("cursor")?.presence == .optional)
        #expect(output.diagnostics.isEmpty)
    }

    @Test func arraysGetTheUpdateAppended() throws {
        let output = try run(overlay: """
            overlay: 1.0.0
            actions:
              - target: $.paths['/meetings'].get.parameters
                update:
                  - { name: extra, in: query, schema: { type: string } }
            """, expecting: ["missing-operation-id", "missing-parameter-schema"])
        #expect(output.operation("listMeetings")?.parameters.map(\.name) == ["cursor", "debug", "extra"])
    }

    @Test func unmatchedTargetIsALocatedWarningInTheOverlay() throws {
        let output = try run(overlay: """
            overlay: 1.0.0
            actions:
              - target: $.paths['/nowhere'].get
                update: { operationId: nothing }
            """, expecting: ["overlay-target-unmatched", "missing-operation-id", "missing-parameter-schema"])
        let warning = try #require(output.diagnostics.first { $0.id == "overlay-target-unmatched" })
        #expect(warning.description.hasPrefix("api.overlay.yaml:3:13: warning: overlay target '$.paths['/nowhere'].get' matches nothing"))
    }

    @Test func problemsInMergedNodesPointIntoTheOverlay() throws {
        let output = try run(overlay: """
            overlay: 1.0.0
            actions:
              - target: $.paths['/meetings'].get
                update:
                  operationId: listMeetings
                  parameters:
                    - { name: page, in: query }
            """, expecting: ["missing-parameter-schema", "missing-parameter-schema"])
        let fromOverlay = try #require(output.diagnostics.first { $0.message.contains("'page'") })
        #expect(fromOverlay.location?.file == "api.overlay.yaml")
        #expect(fromOverlay.location?.position?.line == 7)
        let fromSpec = try #require(output.diagnostics.first { $0.message.contains("'cursor'") })
        #expect(fromSpec.location?.file == "api.yaml")
    }

    @Test func malformedOverlaysAreErrors() {
        func errors(_ overlay: String) -> [Diagnostic.ID] {
            do {
                _ = try GeneratorPipeline().run(SourceFile(path: "api.yaml", bytes: Array(spec.utf8)), overlays: [SourceFile(path: "o.yaml", bytes: Array(overlay.utf8))])
                return []
            } catch {
                return error.diagnostics.map(\.id)
            }
        }
        #expect(errors("actions: []") == ["not-an-overlay"])
        #expect(errors("overlay: 2.0.0\nactions: []") == ["unsupported-overlay-version"])
        #expect(errors("overlay: 1.0.0\nactions:\n  - target: paths\n    remove: true") == ["invalid-jsonpath"])
    }

    @Test func overlayBesideTheSpecIsFound() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("overlay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = folder.appendingPathComponent("api.json").path
        #expect(OverlayDiscovery.overlay(besideSpec: spec) == nil)
        try Data().write(to: folder.appendingPathComponent("api.overlay.yml"))
        #expect(OverlayDiscovery.overlay(besideSpec: spec) == folder.appendingPathComponent("api.overlay.yml").path)
    }
}

// swift-tools-version: 6.2
import PackageDescription

/// Settings every Swift target in this package shares: Swift 6 language mode is the
/// tools-version default; these upcoming features keep imports and existentials explicit.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "whereby-swift",
    platforms: [.macOS(.v14), .iOS(.v17), .tvOS(.v17), .watchOS(.v10), .visionOS(.v1)],
    products: [
        // What apps import: the Whereby client, generated from `spec/` by the build plugin.
        .library(name: "WherebyAPI", targets: ["WherebyAPI"]),
        // The spec-independent support any generated client compiles against.
        .library(name: "OpenAPIClientSupport", targets: ["OpenAPIClientSupport"]),
        .executable(name: "whereby-codegen", targets: ["whereby-codegen"]),
        .plugin(name: "WherebyCodegenPlugin", targets: ["WherebyCodegenPlugin"]),
        // RegenerateWherebyClient is no product: it rewrites this repository's generated/, a job for
        // its maintainers (a root package's command plugins need none), and an app building against
        // this package would compile it on its first build for nothing.
    ],
    // Only what an app building WherebyAPI, or a maintainer building whereby-codegen, needs: an app
    // checks out what every product here needs, used or not, so the stand-in server and the
    // transport tests, which need Hummingbird, SwiftNIO and AsyncHTTPClient, are a package of
    // their own in Tests/Integration. Tests/Packaging/check-packaging.sh resolve checks the list.
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // The client's logging, metrics and tracing (WherebyClient.Observability), all off by
        // default. None of the three depends on anything, SwiftNIO least of all.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
        // `swift package generate-documentation --target WherebyAPI`; a plugin, built only when run.
        // No product uses it, so an app depending on this package does not check it out (measured
        // with Swift 6.3.1; the resolve step of Tests/Packaging/check-packaging.sh would name it).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // MARK: Generator

        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(
            name: "WherebyCodegenCore",
            dependencies: ["CYAML"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "whereby-codegen",
            dependencies: [
                "WherebyCodegenCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .plugin(
            name: "WherebyCodegenPlugin",
            capability: .buildTool(),
            dependencies: ["whereby-codegen"]
        ),
        .plugin(
            name: "RegenerateWherebyClient",
            capability: .command(
                intent: .custom(verb: "regenerate-whereby-client", description: "Regenerate generated/ from spec/ and summarize what changed"),
                permissions: [.writeToPackageDirectory(reason: "regenerate-whereby-client rewrites the checked-in client in generated/")]
            ),
            dependencies: ["whereby-codegen"]
        ),

        // MARK: Runtime

        .target(
            name: "OpenAPIClientSupport",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "WherebyAPI",
            dependencies: [
                "OpenAPIClientSupport",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            // Generated files use plain imports, which are public without InternalImportsByDefault.
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")],
            plugins: ["WherebyCodegenPlugin"]
        ),

        // MARK: Test support

        // What several test targets share: running a child process, or CPU-bound work, without
        // holding a Swift concurrency thread, and transports that record or fail. Tests/Integration
        // builds the same folder through a symlink.
        .target(
            name: "TestSupport",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            path: "Tests/Support/TestSupport",
            swiftSettings: strictSettings
        ),

        // MARK: Tests

        .testTarget(
            name: "WherebyCodegenCoreTests",
            dependencies: ["WherebyCodegenCore", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "OpenAPIClientSupportTests",
            dependencies: [
                "OpenAPIClientSupport",
                "TestSupport",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WherebyAPITests",
            dependencies: [
                "WherebyAPI",
                "TestSupport",
                "OpenAPIClientSupport",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WherebyCodegenCLITests",
            dependencies: ["whereby-codegen", "TestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)

// swift-tools-version: 6.2
import PackageDescription

// The examples: two servers that create and delete Whereby meetings for their users, one on
// Hummingbird and one on Vapor, each calling Whereby through WherebyAPI over AsyncHTTPClient, and
// the import-hygiene check. They are one package so that SwiftNIO, AsyncHTTPClient, BoringSSL,
// Hummingbird and Vapor build once for all three. It depends on this repository by path, so it
// always builds against the client next to it.

/// Settings every target here shares: imports and existentials stay explicit, as in the client.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Examples",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hummingbird-meetings", targets: ["HummingbirdMeetings"]),
        .executable(name: "vapor-meetings", targets: ["VaporMeetings"]),
        .executable(name: "import-hygiene", targets: ["ImportHygiene"]),
    ],
    dependencies: [
        // Named, because a path dependency's identity is its folder's name, which differs
        // between clones; the name lets the targets refer to it as "whereby-swift" everywhere.
        .package(name: "whereby-swift", path: ".."),
        .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
        // No Hummingbird traits: the examples need neither swift-configuration nor the
        // full-Foundation form coders, so they are not built.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // `ServiceContext`, to hand a request's trace to the calls made for it; Vapor and
        // Hummingbird already build it.
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
    ],
    targets: [
        // MARK: Examples

        // What both services read from their environment: the API key, Whereby's URL, the address.
        .target(
            name: "MeetingSettings",
            dependencies: [.product(name: "WherebyAPI", package: "whereby-swift")],
            swiftSettings: strictSettings + [.enableUpcomingFeature("InternalImportsByDefault")]
        ),
        // `swift run hummingbird-meetings`: the meeting service on Hummingbird.
        .executableTarget(
            name: "HummingbirdMeetings",
            dependencies: [
                "MeetingSettings",
                .product(name: "WherebyAPI", package: "whereby-swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            swiftSettings: strictSettings + [.enableUpcomingFeature("InternalImportsByDefault")]
        ),
        // `swift run vapor-meetings`: the same service on Vapor.
        .executableTarget(
            name: "VaporMeetings",
            dependencies: [
                "MeetingSettings",
                .product(name: "WherebyAPI", package: "whereby-swift"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            swiftSettings: strictSettings + [.enableUpcomingFeature("InternalImportsByDefault")]
        ),

        // MARK: Import hygiene

        // Fails to compile when `import WherebyAPI` brings in names an app or its web framework
        // also declares. Built by Tests/Packaging/check-packaging.sh (step `hygiene`); nothing
        // runs. Here rather than in a package of its own so that Vapor and Hummingbird build once.
        // Without InternalImportsByDefault, as most apps are: an app's `import` is public.
        .target(name: "AppNames"),
        .executableTarget(
            name: "ImportHygiene",
            dependencies: [
                "AppNames",
                .product(name: "WherebyAPI", package: "whereby-swift"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)

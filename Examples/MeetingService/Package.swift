// swift-tools-version: 6.2
import PackageDescription

// A Hummingbird server that creates and deletes Whereby meetings for its users, calling Whereby
// through WherebyAPI over AsyncHTTPClient. It depends on this repository by path, so it always
// builds against the client next to it.
let package = Package(
    name: "MeetingService",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "meeting-service", targets: ["MeetingService"]),
    ],
    dependencies: [
        // Named, because a path dependency's identity is its folder's name, which differs
        // between clones; the name lets the target refer to it as "whereby-swift" everywhere.
        .package(name: "whereby-swift", path: "../.."),
        // No Hummingbird traits: the service needs neither swift-configuration nor the
        // full-Foundation form coders, so they are not built.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .executableTarget(
            name: "MeetingService",
            dependencies: [
                .product(name: "WherebyAPI", package: "whereby-swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
                .enableUpcomingFeature("InternalImportsByDefault"),
            ]
        ),
    ]
)

// swift-tools-version: 6.2
import PackageDescription

// Fails to compile when `import WherebyAPI` brings in names an app or its web framework also
// declares. Built by Tests/Packaging/check-packaging.sh (step `hygiene`); its first build takes
// several minutes, for Vapor and Hummingbird.
let package = Package(
    name: "ImportHygiene",
    platforms: [.macOS(.v14)],
    dependencies: [
        // Named, so the target can refer to it whatever the clone's folder is called.
        .package(name: "whereby-swift", path: "../.."),
        .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    ],
    targets: [
        // Types an app declares itself, named like the runtime's internals.
        .target(name: "AppNames"),
        .executableTarget(
            name: "ImportHygiene",
            dependencies: [
                "AppNames",
                .product(name: "WherebyAPI", package: "whereby-swift"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
            ]
        ),
    ]
)

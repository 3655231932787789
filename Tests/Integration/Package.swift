// swift-tools-version: 6.2
import PackageDescription

// The stand-in server and the tests that need it or a real network stack: whereby-mock, the
// fault server, transport-probe, and the end-to-end, stand-in and transport tests. A package of
// its own so that an app depending on whereby-swift resolves only what it builds: SwiftPM checks
// out what every product of a dependency needs, used by the app or not, and the stand-in is a
// product; here, Hummingbird, SwiftNIO and AsyncHTTPClient stay out of apps' resolution. It
// depends on this repository by path, so it always tests the client two folders up.
// Run: `swift test --package-path Tests/Integration`.

/// Settings every Swift target in this package shares, the same as the root package's.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "whereby-integration",
    platforms: [.macOS(.v14), .iOS(.v17), .tvOS(.v17), .watchOS(.v10), .visionOS(.v1)],
    products: [
        // A local stand-in for the Whereby REST API, for trying the client offline and end-to-end tests.
        .library(name: "WherebyMock", targets: ["WherebyMock"]),
        .executable(name: "whereby-mock", targets: ["whereby-mock"]),
        .executable(name: "transport-probe", targets: ["transport-probe"]),
    ],
    dependencies: [
        // Named, because a path dependency's identity is its folder's name, which differs
        // between clones; the name lets the targets refer to it as "whereby-swift" everywhere.
        .package(name: "whereby-swift", path: "../.."),
        // The versions the root package declares, or declared before this package split off.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // The stand-in server. No Hummingbird traits: the stand-in needs neither
        // swift-configuration nor the full-Foundation form coders, so they are not built.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // TransportTests and transport-probe test and measure the client over AsyncHTTPClient as
        // the README shows it, and transport-probe over swift-openapi-urlsession's transport.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.4.0"),
    ],
    targets: [
        // MARK: Stand-in server

        .target(
            name: "WherebyMock",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["README.md"],
            resources: [.copy("Resources/fixture.json")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "whereby-mock",
            dependencies: [
                "WherebyMock",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Test support

        // A fault-injecting HTTP/1.1 server on loopback (stalls, redirects, huge bodies, cut
        // connections) that records what it received. Test and benchmark targets only.
        .target(
            name: "FaultServer",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // Thousands of calls through a transport, most cancelled or timed out in flight.
        .target(
            name: "TransportSoak",
            dependencies: [
                "FaultServer",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        // The root package's Tests/Support/TestSupport (running a child process without holding a
        // Swift concurrency thread, recording transports), which the root's tests use too.
        // Sources/TestSupport is a committed relative symlink to it: SwiftPM refuses a target
        // path outside the package's folder, and a copy would drift.
        .target(
            name: "TestSupport",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        // Peak memory for a huge body and soak runs, one process each, for Benchmarks/run.py.
        .executableTarget(
            name: "transport-probe",
            dependencies: [
                .product(name: "WherebyAPI", package: "whereby-swift"),
                "FaultServer",
                "TransportSoak",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Tests

        .testTarget(
            name: "WherebyMockTests",
            // whereby-mock so that its binary is built for the command-line tests.
            dependencies: ["WherebyMock", "whereby-mock", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WherebyEndToEndTests",
            // The client against the stand-in over loopback HTTP, through the default transport.
            dependencies: [
                .product(name: "WherebyAPI", package: "whereby-swift"),
                "WherebyMock",
                // The fault server, for stalls, 5xx and 400s the stand-in does not make.
                "FaultServer",
                // For the request-counting ClientMiddleware the tests install.
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TransportTests",
            // The transports the client sends through, against the fault server over loopback.
            dependencies: [
                .product(name: "WherebyAPI", package: "whereby-swift"),
                .product(name: "OpenAPIClientSupport", package: "whereby-swift"),
                "FaultServer",
                "TransportSoak",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)

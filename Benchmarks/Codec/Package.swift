// swift-tools-version: 6.1
import PackageDescription

// Decode and encode time of a 100-meeting `GET /meetings` page with both generated clients:
// ours (`WherebyAPI`, from this repository by path) and the one apple/swift-openapi-generator
// makes from the same document (`PeerWhereby`). `Benchmarks/benchlib/codec.py` generates
// `Sources/PeerWhereby/Generated/` (git-ignored) with the peer binary, then builds this package
// in release mode and runs `codec-bench`.
let package = Package(
    name: "CodecBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "whereby-swift", path: "../.."),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // No-op backends for the observed call: what an app that turns observability on pays
        // before its own backends' costs.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
    ],
    targets: [
        // The peer's client: the files its generator writes, and nothing handwritten beyond
        // the configuration file next to them.
        .target(
            name: "PeerWhereby",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            exclude: ["openapi-generator-config.yaml"]
        ),
        .executableTarget(
            name: "codec-bench",
            dependencies: [
                "PeerWhereby",
                .product(name: "WherebyAPI", package: "whereby-swift"),
                // `JSONCoding`, which `import WherebyAPI` no longer re-exports, for the model rows.
                .product(name: "OpenAPIClientSupport", package: "whereby-swift"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ]
        ),
    ]
)

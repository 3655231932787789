// swift-tools-version: 6.0
import PackageDescription

// A scratch package that brings apple/swift-openapi-generator in by URL and version, so the
// benchmarks build the peer generator from its own release, never from a copy.
let package = Package(
    name: "PeerGenerator",
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
    ],
    targets: []
)

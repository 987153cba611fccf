// swift-tools-version:6.0
// Benchmarks for lrlab, kept out of the root package so `swift test` there never builds them.
// Run: swift run -c release --scratch-path ../.build-bench lrlab-bench
import PackageDescription

let package = Package(
    name: "lrlab-benchmarks",
    dependencies: [
        .package(name: "lrlab", path: ".."),
    ],
    targets: [
        // Counts malloc/calloc/realloc calls by interposing them (Linux/glibc), so the
        // benchmarks can state allocations per evaluation.
        .target(name: "MallocCounter"),
        .executableTarget(
            name: "lrlab-bench",
            dependencies: [
                "MallocCounter",
                .product(name: "LRLab", package: "lrlab"),
                .product(name: "LRLabText", package: "lrlab"),
                .product(name: "LRLabShell", package: "lrlab"),
            ]
        ),
    ]
)

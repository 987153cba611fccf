// swift-tools-version:6.0
// libFuzzer harnesses for lrlab, kept out of the root package so `swift test` there never builds
// them. Build and run with `make fuzz` from the repository root (see README, "Fuzzing").
import PackageDescription

let package = Package(
    name: "lrlab-fuzz",
    dependencies: [
        .package(name: "lrlab", path: ".."),
    ],
    targets: [
        // Declares libFuzzer's driver, which each harness's main.swift calls.
        .target(name: "CFuzzerDriver"),
        // What the three harnesses share: turning bytes into text, the session with a time budget.
        .target(
            name: "FuzzSupport",
            dependencies: [
                "CFuzzerDriver",
                .product(name: "LRLab", package: "lrlab"),
                .product(name: "LRLabShell", package: "lrlab"),
            ]
        ),
        // The expression parser, then the symbolic passes on what it accepts.
        .executableTarget(name: "fuzz-expression", dependencies: ["FuzzSupport"]),
        // One line of the command language through a fresh session.
        .executableTarget(name: "fuzz-statement", dependencies: ["FuzzSupport"]),
        // A whole script through one session, output discarded.
        .executableTarget(name: "fuzz-script", dependencies: ["FuzzSupport"]),
    ]
)

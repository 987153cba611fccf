// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "lrlab",
    products: [
        .executable(name: "lrlab", targets: ["lrlab"]),
        .library(name: "LRLab", targets: ["LRLab"]),
        .library(name: "LRLabText", targets: ["LRLabText"]),
        .library(name: "LRLabShell", targets: ["LRLabShell"]),
    ],
    targets: [
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // The engine: expressions, objectives, optimizers, runs. No I/O.
        .target(name: "LRLab", exclude: ["Learning/Digits/digits.csv.gz", "Learning/Digits/generate.py", "Learning/Digits/README.md"]),
        // Pure rendering: values in, strings out.
        .target(name: "LRLabText", dependencies: ["LRLab"]),
        // The command language, the session and the script runner.
        .target(name: "LRLabShell", dependencies: ["LRLab", "LRLabText"], exclude: ["Generated/generate-lessons.sh"]),
        // The terminal: arguments (parsed by hand: start-up time, see CommandLineArguments),
        // libedit, signals, exit codes.
        .executableTarget(name: "lrlab", dependencies: ["LRLabShell", "CEditLine"]),
        .testTarget(name: "LRLabTests", dependencies: ["LRLab", "LRLabText"]),
        .testTarget(name: "LRLabTextTests", dependencies: ["LRLabText"]),
        .testTarget(
            name: "LRLabShellTests",
            dependencies: ["LRLabShell", "lrlab"],
            exclude: ["Fixtures"]
        ),
    ]
)

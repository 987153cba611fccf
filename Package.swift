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
        // The engine: expressions, objectives, optimizers, runs. No I/O. Optimized in debug
        // builds too (preconditions kept, `assert`s off): its dense kernels and steps are the
        // tests' and the lessons' work (a lesson that trains 20 epochs on digits takes over a
        // minute unoptimized, seconds optimized); the shell and the tests stay debug.
        .target(name: "LRLab", exclude: ["Learning/Digits/digits.csv.gz", "Learning/Digits/generate.py", "Learning/Digits/README.md"],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Pure rendering: values in, strings out.
        .target(name: "LRLabText", dependencies: ["LRLab"]),
        // The command language, the session and the script runner.
        .target(name: "LRLabShell", dependencies: ["LRLab", "LRLabText"], exclude: ["Generated/generate-lessons.sh"]),
        // The terminal: arguments (parsed by hand: start-up time, see CommandLineArguments),
        // libedit, signals, exit codes.
        // A release build links the Swift runtime statically: the process then loads 6 shared
        // libraries instead of 19 and starts ~2 ms sooner (Benchmarks/README.md, case d).
        .executableTarget(
            name: "lrlab",
            dependencies: ["LRLabShell", "CEditLine"],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
        ),
        .testTarget(name: "LRLabTests", dependencies: ["LRLab", "LRLabText"]),
        .testTarget(name: "LRLabTextTests", dependencies: ["LRLabText"]),
        .testTarget(
            name: "LRLabShellTests",
            dependencies: ["LRLabShell", "lrlab"],
            exclude: ["Fixtures"]
        ),
    ]
)

import Testing
import LRLab
@testable import LRLabShell

/// Seeded token soups through the session: whatever a user types, the session reports an error
/// or does the work, and never traps or hangs. (A crash here fails the whole test process.)
@Suite struct RandomInputTests {
    static let tokens = [
        "f(x)", "f(x,y)", "=", "x", "y", "(", ")", "+", "-", "*", "/", "^", "**", "sin", "log", "sqrt", "exp", "abs",
        "1e308", "0", "-1", "1e-320", "pi", "e", "a", "step", "run", "start", "x=", "y=", "x=1", "y=-2", "opt", "gd",
        "adam", "rmsprop", "momentum", "adadelta", "lr=", "lr=0.1", "lr=1e9", "1e30", "compare", "sweep", "lr=1..0",
        "lr=1e-3..1", "n=3", "steps=5", "plot", "path", "loss", "f", "lr", "use", "rosenbrock", "ravine", "saddle",
        "trace", "save", "/dev/full", "/nonexistent/x.csv", "expect", "verdict", "==", "~", "tol=", "schedule",
        "cosine", "warmup", "then", "every=", "explain", "state", "curvature", "lrfind", "reset", "set", "digits=0",
        "digits=17", "load", "#", ";", "..", ",", "\"", "'", "\\", "nan", "inf", "999999999999999999999", "-0",
        "keep", "k", "until", "converged", "max=3", "help", "diff", "functions", "show", "noise=1", "seed=-1",
    ]

    @Test func tokenSoupNeverCrashes() {
        var generator = GaussianNoise(seed: 7)  // the engine's seeded generator; only its bits are used
        var lines: [String] = []
        let session = Session(output: { lines.append($0) })
        var succeeded = 0
        for _ in 0..<5000 {
            let count = 1 + Int(generator.nextBits() % 10)
            let line = (0..<count).map { _ in Self.tokens[Int(generator.nextBits() % UInt64(Self.tokens.count))] }.joined(separator: " ")
            // Keep the budget small: no command here may run for long.
            if session.executeReporting(line: line) == nil { succeeded += 1 }
            if session.wantsToQuit { break }
        }
        #expect(!lines.isEmpty)
        #expect(succeeded > 100, "the soup should also exercise working commands, not only errors")
    }
}

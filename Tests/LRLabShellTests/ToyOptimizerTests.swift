import Testing
import LRLab
@testable import LRLabShell

/// Sign gradient descent, x ← x − lr·sign(g), defined only here: an optimizer the product does
/// not ship, recording one state value per parameter.
struct SignDescent: Optimizer {
    let name = "signgd"
    let deadzone: Double
    let stateNames = ["last_sign"]
    private var signs: [Double] = []

    init(deadzone: Double) { self.deadzone = deadzone }

    mutating func reset(parameterCount: Int) {
        signs = [Double](repeating: 0, count: parameterCount)
    }

    mutating func update(parameters: inout MutableSpan<Double>, gradient: Span<Double>,
                         learningRate: Double, step: Int) {
        if signs.count != parameters.count { reset(parameterCount: parameters.count) }
        for index in parameters.indices {
            let g = gradient[index]
            let sign: Double = Swift.abs(g) <= deadzone ? 0 : (g > 0 ? 1 : -1)
            signs[index] = sign
            parameters[index] -= learningRate * sign
        }
    }

    func stateValue(_ index: Int, parameter: Int) -> Double {
        index == 0 && parameter < signs.count ? signs[parameter] : .nan
    }
}

extension OptimizerKind {
    static let signDescent = OptimizerKind(
        name: "signgd", summary: "sign gradient descent: x ← x − lr·sign(∇f(x))", defaultLearningRate: 0.05,
        options: [.number("deadzone", default: 0, "gradients this small in magnitude count as 0")],
        states: [StateDescription(name: "last_sign", meaning: "sign of the last gradient, −1, 0 or 1")],
        explain: { values in
            "signgd — sign gradient descent\n  θ_t = θ_{t-1} − \(values.number("lr"))·sign(g_t)\nconvention: the toy's own"
        }
    ) { values in
        SignDescent(deadzone: values.number("deadzone"))
    }
}

/// The registry is the only place the shell learns optimizers from: a toy registered into one
/// session works in opt, help, explain, state, compare and completion there, and nowhere else.
@Suite struct ToyOptimizerTests {
    private func session(_ lines: [String]) throws -> (Session, () -> String) {
        final class Sink: @unchecked Sendable { var lines: [String] = [] }
        let sink = Sink()
        let session = Session(output: { sink.lines.append($0) })
        session.optimizerRegistry.register(.signDescent)
        for line in lines {
            sink.lines = []
            try session.execute(line: line)
        }
        return (session, { sink.lines.joined(separator: "\n") })
    }

    @Test func optChoosesItWithItsOptions() throws {
        let (_, output) = try session(["opt signgd lr=0.5"])
        #expect(output() == "opt signgd lr=0.5 deadzone=0")
        let (session, _) = try session([])
        #expect(throws: ShellError.self) { try session.execute(line: "opt signgd deadzone=-1") }
        let typo = #expect(throws: ShellError.self) { try session.execute(line: "opt signg") }
        #expect(typo?.hint == "did you mean 'signgd'?")
    }

    @Test func helpListsAndDescribesIt() throws {
        let (_, help) = try session(["help signgd"])
        #expect(help() == """
            opt signgd: sign gradient descent: x ← x − lr·sign(∇f(x))
            options:
              lr=0.05                learning rate (the base rate a schedule scales)
              deadzone=0             gradients this small in magnitude count as 0
            """)
        let (_, opt) = try session(["help opt"])
        let text = flattened(opt())
        for kind in OptimizerRegistry.standard.kinds + [.signDescent] { #expect(text.contains(kind.summary)) }
    }

    @Test func explainPrintsItsText() throws {
        let (_, output) = try session(["explain signgd lr=0.25"])
        #expect(output() == """
            signgd — sign gradient descent
              θ_t = θ_{t-1} − 0.25·sign(g_t)
            convention: the toy's own
            With: opt signgd lr=0.25 deadzone=0   (type it to use these)
            """)
    }

    /// On (x − 3)² from 0 the gradient is negative until x passes 3: each step adds lr.
    @Test func stateShowsTheDeclaredMeaning() throws {
        let (session, output) = try session(["f(x) = (x - 3)^2", "start x=0", "opt signgd lr=0.5", "step 2", "state"])
        #expect(session.explorer.run?.point == [1])
        #expect(output().contains("signgd state after step 2"))
        let row = try #require(output().split(separator: "\n").first { $0.contains("last_sign") })
        #expect(row.contains("-1") && row.contains("sign of the last gradient, −1, 0 or 1"))
    }

    @Test func compareRunsItBesideGradientDescent() throws {
        let (_, output) = try session(["f(x) = (x - 3)^2", "start x=0", "compare opt=gd,signgd steps=4"])
        let rows = output().split(separator: "\n")
        #expect(rows.contains { $0.contains("gd") && !$0.contains("signgd") })
        #expect(rows.contains { $0.contains("signgd") })
    }

    @Test func curvatureSaysTheTheoryDoesNotModelIt() throws {
        let (_, output) = try session(["f(x) = (x - 3)^2", "start x=0", "opt signgd", "curvature"])
        #expect(unwrapped(output()).contains("signgd rescales each step by its own statistics"))
    }

    @Test func completionOffersItsNameAndOptions() throws {
        let (session, _) = try session([])
        let registry = session.optimizerRegistry
        #expect(Completion.candidates(forLineBeforeCursor: "opt sig", registry: registry) == ["signgd"])
        #expect(Completion.candidates(forLineBeforeCursor: "explain signgd ", registry: registry) == ["lr=", "deadzone="])
        #expect(Completion.candidates(forLineBeforeCursor: "help sig", registry: registry) == ["signgd"])
        #expect(Completion.candidates(forLineBeforeCursor: "opt sig") == [])
    }

    /// Registering into one session leaves every other session with the standard eight.
    @Test func otherSessionsDoNotKnowIt() throws {
        let plain = Session(output: { _ in })
        #expect(plain.optimizerRegistry.names == OptimizerRegistry.standard.names)
        #expect(throws: ShellError.self) { try plain.execute(line: "opt signgd") }
    }
}

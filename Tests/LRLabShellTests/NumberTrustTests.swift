import Testing
import LRLab
@testable import LRLabShell

/// Issue 11's numbers: runs that meet subnormals, infinities and huge counts end with a verdict
/// instead of a trap, integers out of range and numbers a double cannot hold are errors that
/// name the option and its range, the gradient norm is right at every scale, and a variable
/// may not shadow a quantity of the run.
@Suite struct NumberTrustTests {
    /// Runs each line in one session, as a user typing them would: returns what each printed
    /// and how it ended, so a test can check that the session goes on after an error.
    func session(_ lines: [String]) -> [(text: String, outcome: ScriptOutcome)] {
        var printed: [String] = []
        let session = Session(output: { printed.append($0) })
        return lines.map { line in
            printed = []
            let outcome = session.runScript(text: line, file: "-c")
            return (printed.joined(separator: "\n"), outcome)
        }
    }

    // MARK: Crashes seen (each was a trap: "Double value cannot be converted to Int64" or SIGILL)

    /// A coordinate of the ravine becomes subnormal long before x converges: 8·0.999^k < 1e-8
    /// first at k = 20490.
    @Test func ravineRunUntilConvergedWithSubnormals() {
        let (text, outcome) = transcript(of: """
            use ravine; opt gd lr=0.001; run until converged
            expect converged
            expect converged_at == 20490
            expect verdict == converged
            """)
        #expect(outcome.succeeded && outcome.passedExpectations == 3, "\(text)")
        #expect(text.contains("e-32"), "the y coordinate is subnormal: \(text)")
    }

    @Test func ravineAdagradRunUntilConverged() {
        let (text, outcome) = transcript(of: "use ravine; opt adagrad lr=0.3; run until converged\nexpect converged\nexpect verdict == converged")
        #expect(outcome.succeeded && outcome.passedExpectations == 2, "\(text)")
    }

    @Test func ravineCompareAndSweepWithSubnormals() {
        let compare = transcript(of: "use ravine; compare lr=0.001,0.01 steps=30000")
        #expect(compare.outcome.succeeded, "\(compare.text)")
        #expect(compare.text.contains("gd lr=0.001") && compare.text.contains("gd lr=0.01"), "\(compare.text)")
        let sweep = transcript(of: "use ravine; sweep lr=0.0005..0.002 n=3 steps=30000")
        #expect(sweep.outcome.succeeded, "\(sweep.text)")
        for rate in ["0.0005", "0.001", "0.002"] { #expect(sweep.text.contains("│ \(rate)") || sweep.text.contains(" \(rate) │"), "\(rate): \(sweep.text)") }
    }

    /// One step of x ← x − 0.1·2x from 1e-310: 8e-311, a subnormal in and out.
    @Test func aStepFromASubnormalStart() {
        let (text, outcome) = transcript(of: "f(x)=x^2; start x=1e-310; opt gd lr=0.1; step 1\nexpect x ~ 8e-311 tol=1e-320")
        #expect(outcome.succeeded && outcome.passedExpectations == 1, "\(text)")
        #expect(text.contains("    1       0.1    2e-310   -2e-311    8e-311         0  converged"), "\(text)")
    }

    /// Long runs on bowls end at subnormal points; the verdict quotes them. On x² from 1 the
    /// gradient 2·0.8^k is first below 1e-8 at k = 86; on the bowl from (−1.5, 2) 5·0.8^k at k = 90.
    @Test func longRunsEndingAtSubnormalPointsGetAVerdict() {
        let line = transcript(of: "f(x)=x^2; start x=1; run 10000\nexpect converged_at == 86\nexpect verdict == converged")
        #expect(line.outcome.succeeded && line.outcome.passedExpectations == 2, "\(line.text)")
        #expect(line.text.contains("loss 0 at (9.881e-324)"), "\(line.text)")
        let bowl = transcript(of: "use bowl; run 10000\nexpect converged_at == 90\nexpect verdict == converged\nexpect grad > 0")
        #expect(bowl.outcome.succeeded && bowl.outcome.passedExpectations == 3, "\(bowl.text)")
        #expect(bowl.text.contains("at (-9.881e-324, 9.881e-324)"), "\(bowl.text)")
    }

    /// At lr = 1e-310 the per-step factor along x is 1 − 2·1e-310, which rounds to 1.
    @Test func curvatureAtASubnormalRate() {
        let (text, outcome) = transcript(of: "f(x)=x^2; start x=1; opt gd lr=1e-310; curvature")
        #expect(outcome.succeeded, "\(text)")
        #expect(text.contains("λ = 2 along x") && text.contains("lr=1e-310"), "\(text)")
    }

    /// Factors past 1e6 print in scientific notation: gd at lr = 1e6 on x² multiplies the
    /// gradient by |1 − 2·10⁶| = 1999999 ≈ 2e+06 per step and the loss by its square ≈ 4e+12.
    @Test func largeFactorsPrintInScientificNotation() {
        let (text, outcome) = transcript(of: "f(x)=x^2; start x=1; opt gd lr=1e6; run 5\nexpect verdict == diverging")
        #expect(outcome.succeeded, "\(text)")
        #expect(text.contains("×2e+06 per step") && text.contains("×4e+12 per step"), "\(text)")
        #expect(!text.contains("×1999999") && !text.contains("×3999996"), "\(text)")
    }

    // MARK: Integers out of range: an error naming the option and its range

    @Test(arguments: [
        ("schedule step 9223372036854775807:0.01", "breakpoint step 9223372036854775807 is out of range", "from 1 to 1099511627776"),
        ("schedule step 8e18:0.01", "breakpoint step 8e18 is out of range", "from 1 to 1099511627776"),
        ("schedule step 0.1 8000000000000000000:0.01", "is out of range", "from 1 to 1099511627776"),
        ("schedule step every=1e300", "every=1e300 is out of range", "every must be a whole number from 1 to 1099511627776"),
        ("schedule cosine steps=9223372036854775807", "steps=9223372036854775807 is out of range", "from 1 to 1099511627776"),
        ("schedule warmup steps=-1", "steps=-1 is out of range", "from 1 to 1099511627776"),
        ("opt gd seed=1e300", "seed=1e300 is out of range", "seed must be a whole number from 0 to 9007199254740992"),
        ("set digits=99", "digits=99 is out of range", "digits must be a whole number from 1 to 17"),
        ("use ravine; compare lr=0.1 steps=1e300", "steps must be a whole number from 1 to 100000000, not 1e300", ""),
        ("use ravine; sweep n=1e300", "n must be a whole number from 1 to 200, not 1e300", ""),
        ("use ravine; sweep steps=9223372036854775808", "steps must be a whole number from 1 to 1000000", ""),
        ("use ravine; lrfind steps=1e300", "steps must be a whole number from 1 to 1000000", ""),
        ("use ravine; run 1e300", "the count must be a whole number from 1 to 100000000, not 1e300", ""),
        ("use ravine; run until converged max=1e19", "max must be a whole number from 1 to 100000000", ""),
        ("use ravine; run 3; trace last 9223372036854775807", "the count must be a whole number from 1 to 100000000", ""),
        ("use ravine; schedule table steps=1e300", "steps must be a whole number from 1 to 100000000", ""),
        ("use ravine; plot lr steps=1e300", "steps must be a whole number from 1 to 10000000", ""),
    ])
    func hugeIntegersAreRangeErrors(line: String, message: String, hint: String) {
        let results = session([line, "f(x) = x^2; start x=1; step 1; expect x ~ 0.8 tol=1e-15"])
        #expect(results[0].outcome.errors == 1, "\(line): \(results[0].text)")
        #expect(unwrapped(results[0].text).contains(message), "\(line): \(results[0].text)")
        #expect(hint.isEmpty || results[0].text.contains(hint), "\(line): \(results[0].text)")
        #expect(results[1].outcome.succeeded, "the session goes on after \(line): \(results[1].text)")
    }

    /// The largest breakpoint accepted gives a table and a chart over its horizon, no overflow.
    @Test func theLargestBreakpointTabulates() {
        let (text, outcome) = transcript(of: "schedule step 1099511627776:0.01; schedule table; plot lr")
        #expect(outcome.succeeded, "\(text)")
        #expect(text.contains("1099511627777"), "\(text)")
    }

    // MARK: Numbers a double cannot hold

    @Test(arguments: [
        ("opt gd lr=1e-5000", "'1e-5000' is too small for a double: it would be read as 0"),
        ("opt gd lr=1e400", "'1e400' is too large for a double"),
        ("opt gd lr=inf", "'inf' is not a finite number"),
        ("opt gd lr=nan", "'nan' is not a finite number"),
        ("opt gd lr=-1", "lr=-1 is out of range"),
        ("f(x)=x^2; start x=1; run 3; expect x ~ 0.5 tol=1e400", "tol: '1e400' is too large for a double"),
        ("f(x)=x^2; start x=1; run 3; expect x ~ 0.5 tol=1e-5000", "tol: '1e-5000' is too small for a double"),
        ("f(x) = 1e-5000*x", "number '1e-5000' is too small for a double: it would be read as 0"),
        ("f(x) = x^2; start x=1e-400", "number '1e-400' is too small for a double"),
        ("f(x) = x + 1e400", "number '1e400' is too large for a double"),
        ("schedule step 0.1 100:1e-5000", "'1e-5000' is too small for a double"),
        ("use ravine; run 1e-5000", "'1e-5000' is too small for a double"),
    ])
    func numbersADoubleCannotHoldAreErrors(line: String, message: String) {
        let results = session([line, "f(x) = x^2; start x=1; step 1; expect x ~ 0.8 tol=1e-15"])
        #expect(results[0].outcome.errors == 1, "\(line): \(results[0].text)")
        #expect(unwrapped(results[0].text).contains(message), "\(line): \(results[0].text)")
        if message.contains("for a double") {
            #expect(unwrapped(results[0].text).contains("nonzero magnitudes run from about 4.9e-324 to 1.8e308"), "\(results[0].text)")
        }
        #expect(results[1].outcome.succeeded, "the session goes on after \(line): \(results[1].text)")
    }

    @Test func zeroWrittenAsZeroIsFine() {
        let (text, outcome) = transcript(of: "f(x) = x^2 + 0e-5000; start x=0.0e-999; expect loss == 0")
        #expect(outcome.succeeded, "\(text)")
    }

    // MARK: The gradient norm at the extremes

    /// ∇(1e-170·x) = 1e-170: its square underflows, the norm does not.
    @Test func aTinyGradientHasItsNorm() {
        let (text, outcome) = transcript(of: "f(x)=1e-170*x; start x=1; opt gd lr=0.1; run 3\nexpect grad == 1e-170")
        #expect(outcome.succeeded && outcome.passedExpectations == 1, "\(text)")
        #expect(text.contains("gradient norm 1e-170 < 1e-08"), "\(text)")
    }

    /// ∇(1e200·(x + y)) = (1e200, 1e200): its squares overflow, the norm is √2·1e200.
    @Test func aHugeGradientHasAFiniteNorm() {
        let (text, outcome) = transcript(of: "f(x, y)=1e200*x + 1e200*y; start x=0 y=0; opt gd lr=1e-320; step 1\nexpect grad == 1e200*sqrt(2)")
        #expect(outcome.succeeded && outcome.passedExpectations == 1, "\(text)")
    }

    // MARK: Variables that would shadow a quantity of the run

    @Test(arguments: [
        ("f(loss) = loss^2", 3, "'loss' names a quantity of the run"),
        ("f(lr) = lr^2", 3, "'lr' names a quantity of the run"),
        ("f(x, steps) = x + steps", 6, "'steps' names a quantity of the run"),
        ("f(step) = step^2", 3, "'step' names a quantity of the run"),
        ("f(grad) = grad^2", 3, "'grad' names a quantity of the run"),
        ("f(x, gx) = x^2 + gx^2", 6, "'gx' is a trace column of variable 'x'"),
        ("f(dy, y) = dy^2 + y^2", 3, "'dy' is a trace column of variable 'y'"),
        ("f(x, m_x) = x^2 + m_x^2", 6, "'m_x' is a trace column of variable 'x'"),
        ("f(x, noise_x) = x^2 + noise_x^2", 6, "'noise_x' is a trace column of variable 'x'"),
        ("f(vmax_y, y) = y^2", 3, "'vmax_y' is a trace column of variable 'y'"),
    ])
    func variablesMayNotShadowQuantities(line: String, column: Int, message: String) {
        let results = session([line, "f(x) = x^2; start x=1; step 1; expect loss ~ 0.64 tol=1e-15"])
        #expect(results[0].outcome.errors == 1, "\(line): \(results[0].text)")
        #expect(unwrapped(results[0].text).contains("-c:1:\(column): error: \(message)"), "\(line): \(results[0].text)")
        #expect(unwrapped(results[0].text).contains("choose another name"), "\(results[0].text)")
        #expect(results[1].outcome.succeeded, "\(results[1].text)")
    }

    /// The reserved list is read from the quantities `expect` knows and the trace's columns.
    @Test func reservedNamesComeFromTheirDefinitions() {
        let reserved = Set(Definition.reservedVariableNames)
        for quantity in Expectation.RunQuantity.allCases { #expect(reserved.contains(quantity.rawValue)) }
        for flag in Expectation.flags { #expect(reserved.contains(flag)) }
        #expect(reserved.isSuperset(of: ["step", "lr", "loss", "verdict"]))
        #expect(!reserved.contains("x") && !reserved.contains("gx"))
        // Every optimizer's state, including those only some options switch on.
        #expect(OptimizerRegistry.standard.stateNames.isSuperset(of: ["m", "v", "m_hat", "v_hat", "bc1", "bc2", "vmax", "lr_eff", "sum",
                                                      "Eg2", "Edx2", "g_avg", "buf", "noise"]), "\(OptimizerRegistry.standard.stateNames.sorted())")
        let (text, outcome) = transcript(of: "f(gx, y) = gx^2 + y^2; start gx=1 y=1; step 1\nexpect gx ~ 0.8 tol=1e-15\nexpect ggx ~ 1.6 tol=1e-15")
        #expect(outcome.succeeded && outcome.passedExpectations == 2, "\(text)")
    }
}

import Foundation
import Testing
@testable import LRLab
import LRLabText

/// Verdicts at the edges of the step-size theory, checked against closed forms (issue 11).
@Suite struct VerdictEdgeTests {
    static func configuration(_ name: String, _ options: [(String, String)]) throws -> OptimizerConfiguration {
        try OptimizerConfiguration(name: name, options: options.map { (key: $0.0, value: $0.1) })
    }

    static func run(_ preset: String, _ name: String, _ options: [(String, String)], steps: Int,
                    start: [Double]? = nil) throws -> Run {
        let found = try #require(Preset.named(preset))
        var run = try Run(objective: found.objective(), start: start ?? found.start, configuration: configuration(name, options))
        run.run(steps)
        return run
    }

    // MARK: lr = 2/λ

    /// f = (x − 3)², λ = 2, gd at lr = 1 = 2/λ: x ↦ x − 2(x − 3) = 6 − x, so the run jumps
    /// 0, 6, 0, 6... forever with the loss at 9: the factor 1 − lr·λ is exactly −1.
    @Test func atTwoOverLambdaAQuadraticBouncesWithoutShrinking() throws {
        let objective = Objective(parameters: ["x"], expression: try Parser.parse("(x-3)^2", variables: ["x"]))
        var run = try Run(objective: objective, start: [0], configuration: DiagnosisFixture.gd(1))
        run.run(100)
        #expect(run.point == [0] && run.loss == 9)
        let verdict = run.verdict()
        #expect(verdict.kind == .bouncing)
        #expect(verdict.summary.text.contains("without shrinking"))
        #expect(verdict.evidence.contains { $0.text.contains("= -1 per step") })
        #expect(verdict.remainingSteps == nil && verdict.estimate == nil)
        #expect(verdict.stuckReason == nil)
    }

    /// Past 100,000 rows the trace keeps every other step: a period-2 swing sampled every
    /// second step looks still. The verdict must still see the bounce.
    @Test func aThinnedTraceStillShowsTheBounce() throws {
        let objective = Objective(parameters: ["x"], expression: try Parser.parse("(x-3)^2", variables: ["x"]))
        var run = try Run(objective: objective, start: [0], configuration: DiagnosisFixture.gd(1))
        run.run(150_001)
        #expect(run.trace.isThinned)
        let verdict = run.verdict()
        #expect(verdict.kind == .bouncing)
        #expect(verdict.summary.text.contains("without shrinking"))
    }

    /// Heavy-ball momentum at lr = 2(1 + μ)/λ: z² + (1 + μ)z + μ = (z + 1)(z + μ) has the root −1.
    @Test func atTheMomentumBoundAQuadraticBouncesWithoutShrinking() throws {
        let objective = try DiagnosisFixture.parabola(2)
        let mu = 0.5
        var run = try Run(objective: objective, start: [1],
                          configuration: Self.configuration("momentum", [("lr", "\(2 * (1 + mu) / 2)"), ("momentum", "\(mu)")]))
        run.run(200)
        let verdict = run.verdict()
        #expect(verdict.kind == .bouncing)
        #expect(verdict.summary.text.contains("without shrinking"))
    }

    /// Near the double well's minimum (value −1.361) gd at lr = 0.01 changes the loss by less
    /// than 1e-12 relative per step while the gradient still shrinks geometrically
    /// (by |1 − lr·f''(x*)| ≈ 1 − 0.01·4.51 per step): closing in, not stuck on a plateau.
    @Test func aShrinkingGradientIsNoPlateau() throws {
        let run = try Self.run("doublewell", "gd", [("lr", "0.01")], steps: 300, start: [-1])
        #expect(run.trace.notes.last?.contains(.plateau) == true)
        let verdict = run.verdict()
        #expect(verdict.kind == .slow)
        let curvature = 3 * 1.4729976 * 1.4729976 - 2
        #expect(Swift.abs(try #require(verdict.growthFactor) - (1 - 0.01 * curvature)) < 1e-3)
    }

    // MARK: remaining steps from the slowest direction

    /// Ravine f = x²/2 + 25y² from (−8, 1), gd: g = (x, 50y) and each component shrinks by its
    /// own factor, x by (1 − lr) and y by |1 − 50·lr|. After n steps g_x = −8(1 − lr)^n, and the
    /// y part is long gone when the x part reaches the tolerance, so the run converges at the
    /// least N with 8(1 − lr)^N < 1e-8: N = ⌈ln(8/1e-8) / −ln(1 − lr)⌉, and N − 50 steps remain
    /// after the first 50.
    @Test(arguments: [1e-3, 1e-4])
    func ravineEstimateComesFromTheSlowestDirection(lr: Double) throws {
        let run = try Self.run("ravine", "gd", [("lr", "\(lr)")], steps: 50)
        let verdict = run.verdict()
        #expect(verdict.kind == .slow)
        let total = (log(8 / 1e-8) / -log(1 - lr)).rounded(.up)
        let remaining = Double(try #require(verdict.remainingSteps))
        #expect(Swift.abs(remaining - (total - 50)) <= 0.01 * total)
        #expect(verdict.estimate?.basis == .slowestDirection)
        #expect(verdict.summary.text.hasPrefix("about \(Int(remaining)) more steps"))
    }

    /// Heavy-ball momentum μ = 0.9 at lr = 1e-3 on the ravine: along x (λ = 1) the error
    /// recurrence z² − (1 + μ − lr)z + μ has real roots, the larger ρ = (1.899 + √0.006201)/2
    /// ≈ 0.98887, so the x component shrinks like ρⁿ and the estimate after 50 steps must
    /// meet the step where the run really converges (within 2%).
    @Test func momentumEstimateUsesTheHeavyBallRadius() throws {
        let options = [("lr", "0.001"), ("momentum", "0.9")]
        let verdict = try Self.run("ravine", "momentum", options, steps: 50).verdict()
        #expect(verdict.kind == .slow)
        let rho = (1.899 + (1.899 * 1.899 - 3.6).squareRoot()) / 2
        #expect(verdict.summary.text.contains("×\(NumberFormat.readable(rho, digits: 4))"))
        let remaining = Double(try #require(verdict.remainingSteps))
        var full = try Self.run("ravine", "momentum", options, steps: 0)
        let taken = full.run(1_000_000, untilConverged: true)
        #expect(full.hasConverged)
        #expect(Swift.abs(50 + remaining - Double(taken)) <= 0.02 * Double(taken))
    }

    /// Nesterov (PyTorch form) on a quadratic direction λ: z² − (1 + μ)(1 − h)z + μ(1 − h),
    /// h = lr·λ, stable iff h < 2(1 + μ)/(1 + 2μ). Ravine, μ = 0.9: the critical rate is
    /// 3.8/(2.8·50) ≈ 0.027143; at lr = 0.028 (h = 1.4) the roots are (−0.76 ± √2.0176)/2 and
    /// the gradient grows by |−1.0902| per step.
    @Test func nesterovHasItsOwnBound() throws {
        let ravine = try #require(Preset.named("ravine"))
        let configuration = try Self.configuration("nesterov", [("lr", "0.028"), ("momentum", "0.9")])
        let report = CurvatureReport(objective: try ravine.objective(), at: ravine.start, configuration: configuration)
        #expect(Swift.abs(try #require(report.criticalRate) - 3.8 / (2.8 * 50)) < 1e-15)
        #expect(report.criticalSymbol == "2(1+μ)/((1+2μ)λ_max)")
        let root = Swift.abs((-0.76 - (0.76 * 0.76 + 1.44).squareRoot()) / 2)
        #expect(Swift.abs(Swift.abs(try #require(report.top?.factor)) - root) < 1e-12)
        let verdict = try Self.run("ravine", "nesterov", [("lr", "0.028"), ("momentum", "0.9")], steps: 200).verdict()
        #expect(verdict.kind == .diverging)
        #expect(Swift.abs(try #require(verdict.growthFactor) - root) < 1e-3)
        // Below the bound, along x (λ = 1, h = 1e-3, real roots) the estimate meets the run.
        let slow = try Self.run("ravine", "nesterov", [("lr", "0.001"), ("momentum", "0.9")], steps: 50).verdict()
        var full = try Self.run("ravine", "nesterov", [("lr", "0.001"), ("momentum", "0.9")], steps: 0)
        let taken = full.run(1_000_000, untilConverged: true)
        #expect(Swift.abs(50 + Double(try #require(slow.remainingSteps)) - Double(taken)) <= 0.02 * Double(taken))
    }

    /// The closed form N above falls as lr grows (below 1/λ_max), so must the sweep's estimates.
    @Test func sweepEstimatesFallAsTheRateGrows() throws {
        let ravine = try #require(Preset.named("ravine"))
        let rates = Sweep.logGrid(from: 1e-4, to: 0.015, count: 8)
        let report = try Sweep.run(objective: ravine.objective(), start: ravine.start, configuration: DiagnosisFixture.gd(0.01),
                                   rates: rates, steps: 50)
        let estimates = report.points.map { $0.verdict.remainingSteps }
        #expect(estimates.allSatisfy { $0 != nil })
        let values = estimates.compactMap { $0 }
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 > $1 })
    }

    /// Where the theory is not exact (Rosenbrock), the estimate is marked rough, and an
    /// extrapolation past a million steps is only a lower bound.
    @Test func elsewhereTheEstimateSaysHowReliableItIs() throws {
        let rough = try Self.run("rosenbrock", "gd", [("lr", "0.001")], steps: 2000).verdict()
        #expect(rough.kind == .slow)
        #expect(rough.summary.text.contains("rough estimate"))
        #expect(rough.estimate?.basis == .recentSteps(20))
        // f = x⁴ from x = 1 at lr = 1e-6: g = 4x³ shrinks by about 1 − 12·lr·x² = 1 − 1.2e-5 a
        // step, which extrapolates to ln(4e8)/1.2e-5 ≈ 1.6 million steps (and more in truth).
        let quartic = Objective(parameters: ["x"], expression: try Parser.parse("x^4", variables: ["x"]))
        var slow = try Run(objective: quartic, start: [1], configuration: DiagnosisFixture.gd(1e-6))
        slow.run(100)
        let far = slow.verdict()
        #expect(far.kind == .slow)
        let estimate = try #require(far.estimate)
        #expect(estimate.isLowerBound && estimate.steps == StepsEstimate.trendLimit)
        #expect(far.remainingSteps == nil)
        #expect(far.summary.text.contains("more than 1000000 more steps"))
    }

    // MARK: bounded oscillations

    /// Tutorial RMSProp (ε inside the root) settles to v ≈ g², so its step is lr·sign(g): on the
    /// ravine y swings ±0.025 forever once v has adapted.
    @Test func aFixedSizeSwingIsBouncingNotSlow() throws {
        let run = try Self.run("ravine", "rmsprop", [("lr", "0.05"), ("convention", "tutorial")], steps: 502)
        let verdict = run.verdict()
        #expect(verdict.kind == .bouncing)
        #expect(verdict.summary.text.contains("without shrinking"))
        #expect(verdict.estimate == nil)
        #expect(verdict.directionName?.text == "along y")
    }

    /// Adam at lr = 1 on the double well converges, then v decays until a rounding-sized
    /// gradient makes a huge step: it is thrown out and comes back, again and again.
    @Test(arguments: [1950, 2000, 2050])
    func adamsBurstsNearAMinimumAreBouncingNotDiverging(steps: Int) throws {
        let run = try Self.run("doublewell", "adam", [("lr", "1")], steps: steps)
        #expect(run.ending == nil)
        #expect(run.verdict().kind == .bouncing)
    }

    // MARK: thinned traces

    /// f = x², gd lr = 1e-6 from x = 1: x_n = (1 − 2e-6)^n exactly, g_n = 2x_n. After 200,001
    /// steps the trace is thinned and does not hold the last step; the verdict must read the
    /// run's latest state: the loss it quotes is the run's, and the estimate counts from there.
    @Test func aThinnedRunIsJudgedOnItsLatestStep() throws {
        let objective = Objective(parameters: ["x"], expression: try Parser.parse("x^2", variables: ["x"]))
        var run = try Run(objective: objective, start: [1], configuration: DiagnosisFixture.gd(1e-6))
        run.run(200_001)
        #expect(run.trace.isThinned)
        #expect(run.trace.steps.last != run.stepCount)
        let verdict = run.verdict()
        #expect(verdict.kind == .slow)
        #expect(verdict.evidence.first?.text.hasSuffix("→ \(NumberFormat.readable(run.loss, digits: 6)) over the last 20 steps") == false)
        #expect(verdict.evidence.first?.text.contains("→ \(NumberFormat.readable(run.loss, digits: 6))") == true)
        let x = run.point[0]
        let remaining = (log(2 * x / 1e-8) / -log(1 - 2e-6)).rounded(.up)
        #expect(Swift.abs(Double(try #require(verdict.remainingSteps)) - remaining) <= 1)
        // The factor is per step, not per kept row.
        #expect(Swift.abs(try #require(verdict.growthFactor) - (1 - 2e-6)) < 1e-9)
    }
}

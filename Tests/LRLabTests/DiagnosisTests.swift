import Foundation
import Testing
@testable import LRLab
import LRLabText

@Suite struct DiagnosisTests {
    // f(x) = 4·x²/2: 1/a = 0.25, 2/a = 0.5. Ten steps from x = 1 keep every converging case
    // away from the tolerance except the fastest.

    @Test(arguments: [0.025, 0.125, 0.225])
    func belowOneOverAIsMonotone(lr: Double) throws {
        let run = try DiagnosisFixture.run(DiagnosisFixture.parabola(4), from: [1], lr: lr, steps: 10)
        let verdict = run.verdict()
        #expect(verdict.kind == .slow || verdict.kind == .converged)
        #expect(!run.trace.notes.contains { $0.contains(.overshoot) })
        if verdict.kind == .slow {
            let factor = try #require(verdict.growthFactor)
            #expect(Swift.abs(factor - (1 - lr * 4)) < 1e-9)
        }
    }

    /// Between 1/a and 2/a the factor 1 − lr·a is in (−1, 0): x flips sign every step and
    /// shrinks, x_n = (1 − 4lr)^n. A zig-zag that converges is `slow` with its direction, not
    /// the tutorial's bouncing "without any convergence"; g = 4x is under 1e-8 from the least
    /// N with 4|1 − 4lr|^N < 1e-8, so N − 10 steps remain after ten.
    @Test(arguments: [0.3, 0.375, 0.45])
    func betweenOneAndTwoOverAZigZagsAndConverges(lr: Double) throws {
        let run = try DiagnosisFixture.run(DiagnosisFixture.parabola(4), from: [1], lr: lr, steps: 10)
        let verdict = run.verdict()
        #expect(verdict.kind == .slow)
        #expect(verdict.directionName?.text == "along x")
        #expect(verdict.summary.text.contains("converging, zig-zagging along x"))
        #expect(verdict.summary.text.contains("factor \(NumberFormat.readable(1 - lr * 4, digits: 4)) per step"))
        let factor = try #require(verdict.growthFactor)
        #expect(Swift.abs(factor - Swift.abs(1 - lr * 4)) < 1e-9)
        let total = (log(4e8) / -log(Swift.abs(1 - 4 * lr))).rounded(.up)
        #expect(Swift.abs(Double(try #require(verdict.remainingSteps)) - (total - 10)) <= 1)
    }

    @Test(arguments: [0.525, 0.6, 1.0])
    func aboveTwoOverAIsDiverging(lr: Double) throws {
        let run = try DiagnosisFixture.run(DiagnosisFixture.parabola(4), from: [1], lr: lr, steps: 30)
        let verdict = run.verdict()
        #expect(verdict.kind == .diverging)
        // The growth factor per step is |1 − lr·a| in closed form.
        let factor = try #require(verdict.growthFactor)
        #expect(Swift.abs(factor - Swift.abs(1 - lr * 4)) < 1e-6)
    }

    @Test func aRunThatEndedDivergedReportsItsGrowthFactor() throws {
        var run = try DiagnosisFixture.run(DiagnosisFixture.parabola(4), from: [1], lr: 0.6, steps: 0)
        run.run(100_000)
        #expect(run.ending != nil)
        let verdict = run.verdict()
        #expect(verdict.kind == .diverging)
        #expect(verdict.summary.text.hasPrefix("ended at step"))
        #expect(Swift.abs(try #require(verdict.growthFactor) - 1.4) < 1e-6)
    }

    @Test func convergedAtTheGlobalMinimum() throws {
        let run = try DiagnosisFixture.run(DiagnosisFixture.preset("quadratic"), from: [0], lr: 0.1, steps: 500)
        let verdict = run.verdict()
        #expect(verdict.kind == .converged)
        let step = try #require(verdict.convergedStep)
        // (x − 3)²: the error shrinks by 0.8 per step, the gradient 6·0.8^k under 1e-8.
        #expect(step == 91)
    }

    @Test func slowEstimatesTheRemainingSteps() throws {
        let run = try DiagnosisFixture.run(DiagnosisFixture.parabola(1), from: [1], lr: 0.1, steps: 50)
        let verdict = run.verdict()
        #expect(verdict.kind == .slow)
        // ‖g‖ = 0.9^k; under 1e-8 from k = 175, so 125 more after 50.
        let remaining = try #require(verdict.remainingSteps)
        #expect(abs(remaining - 125) <= 1)
    }

    @Test(arguments: [(0.5, [Verdict.Kind.slow, .converged]), (1.5, [.slow]), (2.5, [.diverging])])
    func ravineAlongX(lr: Double, kinds: [Verdict.Kind]) throws {
        let run = try DiagnosisFixture.run(DiagnosisFixture.preset("ravine"), from: [-8, 0], lr: lr, steps: 10)
        let verdict = run.verdict()
        #expect(kinds.contains(verdict.kind))
        if lr > 1, lr < 2 { #expect(verdict.directionName?.text == "along x") }
        if lr < 1 { #expect(!run.trace.notes.contains { $0.contains(.overshoot) }) }
    }

    @Test(arguments: [(0.01, [Verdict.Kind.slow, .converged]), (0.03, [.slow]), (0.05, [.diverging])])
    func ravineAlongY(lr: Double, kinds: [Verdict.Kind]) throws {
        let run = try DiagnosisFixture.run(DiagnosisFixture.preset("ravine"), from: [0, 1], lr: lr, steps: 10)
        let verdict = run.verdict()
        #expect(kinds.contains(verdict.kind))
        if lr > 0.02, lr < 0.04 { #expect(verdict.directionName?.text == "along y") }
        if lr < 0.02 { #expect(!run.trace.notes.contains { $0.contains(.overshoot) }) }
    }

    @Test func ravineFromThePresetStart() throws {
        let ravine = try DiagnosisFixture.preset("ravine")
        // Early on the y zig-zag dominates (factor 1 − 50·0.03 = −0.5: it converges); once y
        // has settled only the slow x direction is left.
        let early = try DiagnosisFixture.run(ravine, from: [-8, 1], lr: 0.03, steps: 4).verdict()
        #expect(early.kind == .slow)
        #expect(early.directionName?.text == "along y")
        let late = try DiagnosisFixture.run(ravine, from: [-8, 1], lr: 0.03, steps: 100).verdict()
        #expect(late.kind == .slow)
        let diverging = try DiagnosisFixture.run(ravine, from: [-8, 1], lr: 0.05, steps: 30).verdict()
        #expect(diverging.kind == .diverging)
        #expect(diverging.evidence.contains { $0.text.contains("2/λ_max = 0.04") })
    }

    @Test func saddleStartOnItsRidgeGetsStuck() throws {
        let run = try DiagnosisFixture.run(DiagnosisFixture.preset("saddle"), from: [0, 1], lr: 0.1, steps: 300)
        let verdict = run.verdict()
        #expect(verdict.kind == .stuck)
        #expect(verdict.stuckReason == .saddle(point: [0, 0]))
        // Before the tolerance is reached the run is already stalling at the saddle.
        let stalling = try DiagnosisFixture.run(DiagnosisFixture.preset("saddle"), from: [0, 1], lr: 0.1, steps: 40).verdict()
        #expect(stalling.kind == .stuck)
    }

    @Test func doubleWellFromTwoEndsInTheLocalMinimum() throws {
        let doublewell = try DiagnosisFixture.preset("doublewell")
        let run = try DiagnosisFixture.run(doublewell, from: [2], lr: 0.05, steps: 1000)
        let verdict = run.verdict()
        #expect(verdict.kind == .stuck)
        #expect(verdict.stuckReason == .localMinimum(point: doublewell.localMinima[0]))
    }

    @Test func domainErrorsAreUndefined() throws {
        let objective = Objective(parameters: ["x"], expression: try Parser.parse("x - log(x)", variables: ["x"]))
        let run = try DiagnosisFixture.run(objective, from: [2], lr: 10, steps: 5)
        #expect(run.verdict().kind == .undefined)
    }

    @Test func noStepsYet() throws {
        let run = try DiagnosisFixture.run(DiagnosisFixture.parabola(4), from: [1], lr: 0.1, steps: 0)
        #expect(run.verdict().kind == .unstarted)
        #expect(Verdict.Kind.allCases.map(\.name) == ["converged", "slow", "bouncing", "diverging", "stuck", "undefined", "unstarted"])
    }
}

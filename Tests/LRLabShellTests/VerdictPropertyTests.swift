import Foundation
import Testing
import LRLab
import LRLabText
@testable import LRLabShell

/// Every preset × every optimizer × a log grid of rates through `run until converged`: no crash,
/// and a verdict the trace bears out. `converged` means the final gradient norm is under the
/// run's tolerance; `diverging` means the run ended diverged or its loss grew past where it
/// started; a run that ended diverged is never called anything milder; `slow`, `bouncing` and
/// `stuck` are runs still going (bouncing with no count of steps, stuck with its reason).
@Suite struct VerdictPropertyTests {
    static let rates = [1e-4, 1e-3, 1e-2, 0.1, 1, 10]
    /// Steps per run: enough to converge on the easy presets at good rates, small enough to keep
    /// the whole grid (7 presets × 6 optimizers × 6 rates) a few seconds in a debug build.
    static let maximumSteps = 2000

    @Test func theGridCoversWhatFunctionsLists() throws {
        var lines: [String] = []
        let session = Session(output: { lines.append($0) })
        try session.execute(line: "functions")
        for preset in Preset.all {
            #expect(lines.joined().contains(preset.name))
        }
    }

    @Test(arguments: Preset.all.map(\.name), OptimizerRegistry.standard.names)
    func verdictsAgreeWithTheTrace(preset: String, optimizer: String) throws {
        for rate in Self.rates {
            let session = Session(output: { _ in })
            try session.execute(line: "use \(preset); opt \(optimizer) lr=\(rate)")
            let start = try #require(session.explorer.start)
            let startLoss = try #require(session.explorer.objective).loss(at: start)
            // The run may end at an error only if the formula has no value where it went.
            _ = session.executeReporting(line: "run until converged max=\(Self.maximumSteps)")
            let run = try #require(session.explorer.run, "\(preset) \(optimizer) lr=\(rate): no run")
            let verdict = Diagnosis.verdict(for: run)
            let gradientNorm = EuclideanNorm.of(run.gradient)
            let label = "\(preset) \(optimizer) lr=\(rate): \(verdict.kind) (\(verdict.summary.text)), loss \(run.loss), |g| \(gradientNorm)"
            var endedDiverged = false
            if case .diverged? = run.ending { endedDiverged = true }
            switch verdict.kind {
            case .converged:
                #expect(gradientNorm < run.convergenceTolerance, "\(label)")
                #expect(run.ending == nil, "\(label)")
            case .diverging:
                #expect(endedDiverged || run.loss > startLoss || !run.loss.isFinite, "\(label)")
            case .slow:
                // On its way: not ended, not under the tolerance, and a count of steps only
                // where one was found (at least one more).
                #expect(run.ending == nil && gradientNorm >= run.convergenceTolerance, "\(label)")
                if let estimate = verdict.estimate { #expect(estimate.steps >= 1, "\(label)") }
            case .bouncing:
                // A swing within bounds: not ended, the loss finite, with no count of steps.
                #expect(run.ending == nil && run.loss.isFinite, "\(label)")
                #expect(verdict.remainingSteps == nil, "\(label)")
            case .stuck:
                #expect(run.ending == nil && verdict.stuckReason != nil, "\(label)")
            case .undefined:
                if case .undefined? = run.ending {} else { Issue.record("\(label): undefined without an undefined ending") }
            case .unstarted:
                #expect(run.stepCount == 0, "\(label)")
            }
            if endedDiverged {
                #expect(verdict.kind == .diverging || verdict.kind == .undefined, "\(label)")
            }
        }
    }
}

/// Every verdict a run still in progress can get, at the centre of its range and at both edges,
/// on quadratics where the step-size theory is exact. On f = 2x² (λ = 4) from x = 1, gd
/// multiplies x by r = 1 − 4·lr per step and g = 4x, so the gradient is under 1e-8 from the
/// least N with 4|r|^N < 1e-8: monotone and slow for 0 < lr < 1/λ, one step at lr = 1/λ,
/// a converging zig-zag for 1/λ < lr < 2/λ, a swing that never shrinks at lr = 2/λ, diverging
/// past it. On the bowl (x − 3)² + (y + 1)² with gradient noise σ, gd settles at
/// E[loss] = lr·σ²/(2(1 − lr)).
@Suite struct VerdictTheoryTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var setup: String
        /// Steps run after the setup (0: none, the run as `start` left it).
        var steps: Int
        var kind: Verdict.Kind
        /// The rule of `Diagnosis.rules` that gives the verdict.
        var rule: String
        /// The factor per step the theory gives, checked against the verdict's growth factor (|r|).
        var factor: Double? = nil
        /// Steps still needed in closed form (checked within 1).
        var remaining: Double? = nil
        /// Words the summary must hold (and, after `!`, must not).
        var says: [String] = []
        var testDescription: String { "\(setup); run \(steps) → \(kind) by \(rule)" }
    }

    static let parabola = "f(x) = 2*x^2; start x=1; opt gd"
    static let bowl = "f(x, y) = (x - 3)^2 + (y + 1)^2; start x=0 y=0; opt gd noise=1 seed=1"

    /// N − done for 4|r|^N < 1e-8.
    static func left(_ lr: Double, after done: Int) -> Double {
        (log(4e8) / -log(Swift.abs(1 - 4 * lr))).rounded(.up) - Double(done)
    }

    static let saddle = "f(x, y) = x^2 - y^2; start x=1"
    static let root = "f(x) = sqrt(x); start x=1; opt gd"

    static let cases: [Case] = [
        // unstarted: no step yet (one step later it is anything else).
        Case(setup: "\(parabola) lr=0.125", steps: 0, kind: .unstarted, rule: "unstarted"),
        // slow, monotone: the centre, and near both edges (a tiny rate; just under 1/λ).
        Case(setup: "\(parabola) lr=0.125", steps: 10, kind: .slow, rule: "descending", factor: 0.5, remaining: left(0.125, after: 10), says: ["about", "!zig-zag"]),
        Case(setup: "\(parabola) lr=1e-6", steps: 10, kind: .slow, rule: "descending", factor: 1 - 4e-6, remaining: left(1e-6, after: 10), says: ["!zig-zag"]),
        Case(setup: "\(parabola) lr=0.24", steps: 3, kind: .slow, rule: "descending", factor: 0.04, remaining: left(0.24, after: 3), says: ["!zig-zag"]),
        // converged: lr = 1/λ in one step (the centre); at lr = 1/8, 4·0.5^N < 1e-8 from
        // N = 29: one step short is slow with 1 left, at N converged.
        Case(setup: "\(parabola) lr=0.25", steps: 1, kind: .converged, rule: "converged"),
        Case(setup: "\(parabola) lr=0.125", steps: 28, kind: .slow, rule: "descending", remaining: 1),
        Case(setup: "\(parabola) lr=0.125", steps: 29, kind: .converged, rule: "converged", says: ["from step 29"]),
        // slow, zig-zagging and converging: just over 1/λ, the centre, just under 2/λ.
        Case(setup: "\(parabola) lr=0.26", steps: 3, kind: .slow, rule: "zig-zag", factor: 0.04, remaining: left(0.26, after: 3), says: ["zig-zagging along x", "factor -0.04 per step"]),
        Case(setup: "\(parabola) lr=0.375", steps: 10, kind: .slow, rule: "zig-zag", factor: 0.5, remaining: left(0.375, after: 10), says: ["zig-zagging along x", "the swing shrinks"]),
        Case(setup: "\(parabola) lr=0.499", steps: 100, kind: .slow, rule: "zig-zag", factor: 0.996, remaining: left(0.499, after: 100), says: ["zig-zagging along x", "factor -0.996 per step"]),
        // bouncing without any convergence: exactly 2/λ (r = −1), the one rate of its range.
        Case(setup: "\(parabola) lr=0.5", steps: 100, kind: .bouncing, rule: "endless-swing", says: ["without shrinking", "!converging"]),
        // diverging: just over 2/λ (r = −1.02), the centre (r = −2), far past (the run ends).
        Case(setup: "\(parabola) lr=0.505", steps: 100, kind: .diverging, rule: "growing", factor: 1.02),
        // growing's edge: the loss gap grows ×r² a step, so over the 20-step window ×|r|^40,
        // which reaches `GrowingRule.gapGrowth` = 2 at |r| = 2^(1/40), lr = 0.50437: just
        // under it the swing is called endless (it grows too slowly to double in the window).
        Case(setup: "\(parabola) lr=0.5043", steps: 100, kind: .bouncing, rule: "endless-swing", says: ["without shrinking"]),
        Case(setup: "\(parabola) lr=0.5044", steps: 100, kind: .diverging, rule: "growing"),
        Case(setup: "\(parabola) lr=0.75", steps: 20, kind: .diverging, rule: "growing", factor: 2),
        Case(setup: "\(parabola) lr=1e6", steps: 100, kind: .diverging, rule: "blew-up", says: ["ended at step"]),
        // stuck on a plateau: the loss changes by 8·lr relative per step, under the plateau
        // note's 1e-12 for lr < 1.25e-13 (the centre, the edge) and over it at 2e-13.
        Case(setup: "\(parabola) lr=1e-14", steps: 30, kind: .stuck, rule: "plateau", says: ["plateau"]),
        Case(setup: "\(parabola) lr=1e-13", steps: 30, kind: .stuck, rule: "plateau", says: ["plateau"]),
        Case(setup: "\(parabola) lr=2e-13", steps: 30, kind: .slow, rule: "descending", says: ["!plateau"]),
        // stuck near a saddle: f = x² − y² from just off its ridge; x shrinks ×0.8, y grows ×1.2:
        // still descending after 10 steps, near the saddle after 40; started on the ridge
        // (y = 0) it converges onto the saddle itself.
        Case(setup: "\(saddle) y=1e-12; opt gd lr=0.1", steps: 10, kind: .slow, rule: "descending"),
        Case(setup: "\(saddle) y=1e-12; opt gd lr=0.1", steps: 40, kind: .stuck, rule: "near-saddle", says: ["saddle"]),
        // near-saddle's edge: the gradient norm 2·0.8^n falls under `NearSaddleRule.normShare`
        // = 1e-3 of its largest (2, at the start) from n = 31 (0.8^30 = 1.24e-3, 0.8^31 = 9.9e-4).
        Case(setup: "\(saddle) y=1e-12; opt gd lr=0.1", steps: 30, kind: .slow, rule: "descending"),
        Case(setup: "\(saddle) y=1e-12; opt gd lr=0.1", steps: 31, kind: .stuck, rule: "near-saddle", says: ["saddle"]),
        Case(setup: "\(saddle) y=0; opt gd lr=0.1", steps: 200, kind: .stuck, rule: "at-saddle", says: ["at a saddle point"]),
        // stuck in a local minimum: the double well from x = 2 settles in its local minimum
        // at 1.347; from x = −2 in the global one (converged).
        Case(setup: "use doublewell; start x=2; opt gd lr=0.05", steps: 400, kind: .stuck, rule: "local-minimum", says: ["local minimum at (1.347)"]),
        Case(setup: "use doublewell; start x=-2; opt gd lr=0.05", steps: 400, kind: .converged, rule: "converged"),
        // the noise floor: still descending at a small rate (no count of steps, the floor
        // quoted), hovering at the centre and near the stability edge lr·λ → 2.
        Case(setup: "\(bowl) lr=0.001", steps: 1000, kind: .slow, rule: "descending", says: ["noise floor, a loss of about 0.0005005", "no count of steps", "!more steps"]),
        Case(setup: "\(bowl) lr=0.1", steps: 1000, kind: .stuck, rule: "noise-floor", says: ["noise floor"]),
        Case(setup: "\(bowl) lr=0.9", steps: 1000, kind: .stuck, rule: "noise-floor", says: ["noise floor"]),
        Case(setup: "\(bowl) lr=1.5", steps: 30, kind: .diverging, rule: "growing"),
        // bouncing after converging: Adam's first step is lr·sign(g), so lr = 1 from x = 1
        // lands on 0 exactly at step 1, and the momentum it kept throws it out again; by step
        // 400 it is under the tolerance again, a convergence not to trust.
        Case(setup: "f(x) = x^2; start x=1; opt adam lr=1", steps: 100, kind: .bouncing, rule: "thrown-out", says: ["converged at step 1", "thrown out"]),
        Case(setup: "f(x) = x^2; start x=1; opt adam lr=1", steps: 400, kind: .bouncing, rule: "back-again", says: ["under the tolerance again"]),
        // undefined: gd on √x from x = 1 steps to x = 1 − lr/2: just under lr = 2 it is still
        // defined, at 2 the gradient 1/(2√0) divides by zero, past it √ of a negative.
        Case(setup: "\(root) lr=1.999999", steps: 1, kind: .slow, rule: "descending"),
        Case(setup: "\(root) lr=2", steps: 5, kind: .undefined, rule: "no-value", says: ["at step 1", "division by zero"]),
        Case(setup: "\(root) lr=10", steps: 5, kind: .undefined, rule: "no-value", says: ["at step 1", "sqrt of a negative number"]),
    ]

    /// Every kind has cases at its centre and both edges where it has a range (unstarted and
    /// undefined are one point each: the start; the first undefined step), and every rule of
    /// the registry gives the verdict of some case.
    @Test func everyKindAndEveryRuleHasCases() {
        for kind in Verdict.Kind.allCases {
            let count = Self.cases.count { $0.kind == kind }
            switch kind {
            case .converged, .slow, .bouncing, .diverging, .stuck: #expect(count >= 3, "\(kind)")
            case .undefined: #expect(count >= 2, "\(kind)")
            case .unstarted: #expect(count >= 1, "\(kind)")
            }
        }
        #expect(Set(Self.cases.map(\.rule)) == Set(Diagnosis.rules.map(\.name)))
        for rule in Diagnosis.rules {
            #expect(Self.cases.filter { $0.rule == rule.name }.allSatisfy { $0.kind.outcome == rule.outcome }, "\(rule.name)")
        }
    }

    @Test(arguments: cases)
    func verdictMatchesTheTheory(_ test: Case) throws {
        let session = Session(output: { _ in })
        try session.execute(line: test.setup)
        if test.steps > 0 { try session.execute(line: "run \(test.steps)") }
        let run = try session.currentRun()
        let verdict = Diagnosis.verdict(for: run)
        let summary = verdict.summary.text
        #expect(verdict.kind == test.kind, "\(summary)")
        #expect(verdict.rule == test.rule, "\(summary)")
        if let factor = test.factor {
            let growth = try #require(verdict.growthFactor)
            #expect(Swift.abs(growth - factor) <= 1e-6 * Swift.max(1, factor), "\(growth)")
        }
        if let remaining = test.remaining {
            #expect(Swift.abs(Double(try #require(verdict.remainingSteps)) - remaining) <= 1, "\(summary)")
        }
        for words in test.says {
            if words.hasPrefix("!") {
                #expect(!summary.contains(words.dropFirst()), "\(summary)")
            } else {
                #expect(summary.contains(words), "\(summary)")
            }
        }
        if run.configuration.gradientNoise > 0 {
            // Under noise the gradient never settles under the tolerance: never a count of steps.
            #expect(verdict.estimate == nil)
        }
    }

    /// At the floor the verdict quotes the closed form lr·σ²/(2(1 − lr)) for the bowl, and the
    /// loss it measured there agrees with it (the mean of 900 noisy steps, within 30%).
    @Test(arguments: [0.1, 0.5, 0.9])
    func theNoiseFloorIsTheClosedForm(lr: Double) throws {
        let session = Session(output: { _ in })
        try session.execute(line: "\(Self.bowl) lr=\(lr); run 1000")
        let run = try #require(session.explorer.run)
        let verdict = Diagnosis.verdict(for: run)
        #expect(verdict.stuckReason == .noiseFloor)
        let floor = lr / (2 * (1 - lr))
        #expect(verdict.evidence.contains { $0.text.contains("a loss of about \(NumberFormat.readable(floor, digits: 4))") })
        let settled = run.trace.losses.suffix(900)
        let mean = settled.reduce(0, +) / Double(settled.count)
        #expect(Swift.abs(mean - floor) <= 0.3 * floor, "mean \(mean), theory \(floor)")
    }

    /// A converged run's printed comparison never shows a rounded number equal to its threshold.
    @Test(arguments: [(9.999996e-9, 1e-8), (9.99999999e-9, 1e-8), (8.5e-9, 1e-8), (0.0999, 0.1)])
    func aValueJustUnderItsThresholdReadsAsUnder(value: Double, threshold: Double) {
        let text = Phrase.under(value, threshold).text
        let parts = text.components(separatedBy: text.contains(" < ") ? " < " : ", just under ")
        #expect(parts.count == 2)
        #expect(parts[0] != parts[1], "\(text)")
        #expect(Double(parts[0]).map { $0 < threshold } == true, "\(text)")
    }
}

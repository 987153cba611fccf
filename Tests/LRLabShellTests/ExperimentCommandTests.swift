import Testing
import Foundation
@testable import LRLabShell
import LRLab

/// The verdicts the shell prints follow the theory of gradient descent on f(x) = a·x²/2:
/// the error is multiplied by (1 − lr·a) per step.
@Suite struct ExperimentCommandTests {
    @Test(arguments: [
        (0.05, "slow"),        // factor 0.8 after 20 steps: still on its way
        (0.2, "converged"),    // factor 0.2
        (0.45, "slow"),        // factor -0.8: crosses the minimum every step, shrinking: converging
        (0.5, "bouncing"),     // factor -1: x = ±1 forever, the swing never shrinks
        (0.55, "diverging"),   // factor -1.2
        (1.0, "diverging"),
    ])
    func verdictsFollowTheory(lr: Double, expected: String) {
        let (text, outcome) = transcript(of: """
            f(x) = 4*x^2/2
            start x=1
            opt gd lr=\(lr)
            run 20
            expect verdict == \(expected)
            """)
        #expect(outcome.succeeded, "lr=\(lr): \(text)")
    }

    @Test func curvatureGivesTheStabilityBound() {
        let (text, outcome) = transcript(of: """
            use ravine
            opt gd lr=0.05
            curvature
            expect critical ~ 0.04 tol=1e-12
            expect lambda_max ~ 50 tol=1e-9
            """)
        #expect(outcome.succeeded, "\(text)")
        #expect(text.contains("lr=0.05 > 2/λ_max = 0.04: it will bounce and grow along y"))
    }

    @Test func aFailedVerdictClaimSaysWhatTheVerdictWas() {
        let (text, outcome) = transcript(of: "f(x) = x^2; start x=1; opt gd lr=0.1; run 5; expect verdict == diverging")
        #expect(outcome.failedExpectations == 1)
        #expect(unwrapped(text).contains("does not hold: the verdict is slow"))
    }

    @Test func sweepMarksTheCriticalRateAndTheEmpiricalOne() {
        let (text, outcome) = transcript(of: "f(x) = x^2; start x=1; sweep lr=0.01..10 n=7 steps=100")
        #expect(outcome.succeeded)
        #expect(text.contains("critical rate from curvature at the start: 2/λ_max = 1"))
        #expect(text.contains("smallest rate that diverged: 3.162"))
    }

    @Test func compareNeedsASetupAndRefusesUnknownOptions() {
        #expect(transcript(of: "compare lr=0.1").text.contains("no function to minimise yet"))
        let (text, _) = transcript(of: "f(x) = x^2; start x=1; compare opt=gd,adma")
        #expect(text.contains("unknown optimizer 'adma'"))
        #expect(text.contains("did you mean 'adam'?"))
        #expect(transcript(of: "f(x) = x^2; start x=1; compare stpes=3").text.contains("did you mean 'steps'?"))
    }

    @Test func plotsExplainWhatTheyNeed() {
        #expect(transcript(of: "use rosenbrock; plot f").text.contains("plot f draws 1-D functions"))
        #expect(transcript(of: "f(x) = x^2; start x=1; plot banana").text.contains("cannot plot 'banana'"))
        #expect(transcript(of: "save /tmp/never.svg").text.contains("no picture to save yet"))
    }

    @Test func svgAndJSONAreWritten() throws {
        let base = "/tmp/lrlab-test-\(UInt32.random(in: 0...UInt32.max))"
        let (text, outcome) = transcript(of: "use bowl; opt gd lr=0.1; run 10; plot path; save \(base).svg; save \(base).json")
        #expect(outcome.succeeded, "\(text)")
        let svg = try String(contentsOfFile: base + ".svg", encoding: .utf8)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("<polyline"))
        let json = try String(contentsOfFile: base + ".json", encoding: .utf8)
        #expect(json.contains("\"optimizer\": {\"name\": \"gd\", \"options\": {\"lr\": 0.10000000000000001"))
        #expect(json.contains("\"steps\": 10"))
    }
}

/// `run` after thinning (issue 11): the report finds its rows by step number, its elisions
/// count the steps they hide, and it ends on the run's latest step.
@Suite struct ThinnedRunReportTests {
    /// Sums the visible steps and the "... N steps ..." counts of a report.
    static func stepsAccountedFor(_ text: String) -> (shown: [Int], hidden: Int) {
        var shown: [Int] = []
        var hidden = 0
        for line in text.split(separator: "\n") {
            if line.contains(" steps (") { break }
            let words = line.split(separator: " ")
            if words.first == "...", words.count >= 3, let count = Int(words[1]) { hidden += count; continue }
            if let first = words.first, let step = Int(first), words.count > 3 { shown.append(step) }
        }
        return (shown, hidden)
    }

    @Test(arguments: [(200_000, 0), (150_000, 50_001)])
    func elisionsCountTheStepsTheyHide(first: Int, second: Int) {
        var script = "f(x)=x^2; start x=1; opt gd lr=0.00001; run \(first)"
        if second > 0 { script += "\nrun \(second)" }
        let (text, outcome) = transcript(of: script)
        #expect(outcome.succeeded, "\(text)")
        let report = text.components(separatedBy: "  step ").last ?? ""
        let (shown, hidden) = Self.stepsAccountedFor(report)
        let taken = second > 0 ? second : first
        let startStep = second > 0 ? first : 0
        #expect(shown.first.map { $0 > startStep } == true)
        #expect(shown.last == startStep + taken)
        // Every step of the command is either printed or counted in an elision, once.
        #expect(shown.count + hidden == taken)
        #expect(Set(shown).count == shown.count)
    }
}

/// Labels and verdict lines say what they show, once (issue 11).
@Suite struct VerdictWordingTests {
    /// With heavy-ball momentum μ the critical rate is 2(1 + μ)/λ_max: on the ravine (λ_max = 50)
    /// with μ = 0.9 that is 3.8/50 = 0.076, and the strip must not call it 2/λmax.
    @Test func sweepLabelsTheMomentumBound() {
        let (text, outcome) = transcript(of: "use ravine; opt momentum lr=0.01 momentum=0.9; sweep lr=0.001..1 n=12 steps=100")
        #expect(outcome.succeeded, "\(text)")
        #expect(text.contains("↑ 2(1+μ)/λmax = 0.076"))
        #expect(text.contains("critical rate from curvature at the start: 2(1+μ)/λ_max = 0.076"))
        #expect(!text.contains("2/λmax") && !text.contains("2/λ_max"))
    }

    @Test func gradientDescentKeepsTwoOverLambda() {
        let (text, _) = transcript(of: "use ravine; opt gd lr=0.01; sweep lr=0.001..1 n=6 steps=50")
        #expect(text.contains("↑ 2/λmax = 0.04"))
    }

    /// Every verdict line names its kind once: `verdict: slow — about 38 more steps ...`.
    @Test(arguments: [
        "use quadratic; run 50",                                       // slow
        "use quadratic; run 200",                                      // converged
        "f(x)=(x-3)^2; start x=0; opt gd lr=1; run 100",               // bouncing without shrinking
        "use ravine; opt gd lr=0.03; run 10",                          // bouncing
        "use ravine; opt gd lr=0.05; run 30",                          // diverging
        "use ravine; opt gd lr=0.05; run 1000",                        // ended diverged
        "use saddle; run 300",                                         // stuck at a saddle
        "use doublewell; run 300",                                     // stuck in a local minimum
        "f(x)=log(x); start x=1; opt gd lr=2; run 5",                  // undefined
    ])
    func verdictLinesDoNotStutter(script: String) {
        let (text, _) = transcript(of: script)
        let line = text.split(separator: "\n").first { $0.hasPrefix("verdict: ") }
        let verdictLine = String(line ?? "")
        #expect(!verdictLine.isEmpty, "\(text)")
        for kind in Verdict.Kind.allCases {
            #expect(!verdictLine.hasPrefix("verdict: \(kind.name) — \(kind.name)"), "\(verdictLine)")
        }
        #expect(!verdictLine.contains("— slow:") && !verdictLine.contains("— stuck ") && !verdictLine.contains("— bouncing "))
    }
}

/// `compare` with runs that diverge (issue 11): the table stops at the divergence bound as
/// `run` does, and the chart cuts diverging curves so the others stay readable.
@Suite struct CompareDivergenceTests {
    @Test func divergingRunsAreCappedInTheTableAndCutInTheChart() {
        let (text, outcome) = transcript(of: "use ravine; compare lr=0.01,0.05,0.1 steps=300")
        #expect(outcome.succeeded, "\(text)")
        // Start loss 57 (= 32 + 25) is the largest of the converging run: the chart stops at 57,000.
        #expect(text.contains("drawn up to 5.7e+04"))
        #expect(text.components(separatedBy: "> 1e+100").count == 3)
        for line in text.split(separator: "\n") where line.contains("┤") {
            #expect(!line.contains("e1") && !line.contains("e+1"), "axis label \(line)")
        }
    }
}

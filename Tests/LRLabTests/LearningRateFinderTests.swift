import Testing
@testable import LRLab

@Suite struct LearningRateFinderTests {
    @Test func scheduleRunsFromLowerToUpper() {
        let schedule = RangeTestSchedule(from: 1e-5, to: 10, steps: 61)
        #expect(schedule.rate(at: 1, base: 0.3) == 1e-5)
        #expect(schedule.rate(at: 61, base: 0.3) == 10)
        #expect(Swift.abs(schedule.rate(at: 31, base: 0.3) / 1e-2 - 1) < 1e-12)
        #expect(schedule.rate(at: 100, base: 0.3) == 10)
    }

    /// On f = a·x²/2 gd multiplies the loss by (1 − lr·a)² per step: it falls while lr < 2/a
    /// and grows past it, so the lowest loss of the range test comes at the first rate past
    /// 2/a (within one ramp ratio, ≤ 1.39 for 50 steps over 7 decades), and fastai's
    /// minimum/10 lands near 0.2/a; the smoothing moves the minimum by a few points, hence
    /// the bounds 0.1/a and 0.5/a. Always below the blow-up at 2/a.
    @Test(arguments: [0.5, 1.0, 4.0, 50.0])
    func suggestionIsATenthOfTheLowestLoss(a: Double) throws {
        for steps in [50, 100, 300] {
            let report = try LearningRateFinder.run(objective: DiagnosisFixture.parabola(a), start: [1],
                                                    configuration: DiagnosisFixture.gd(0.1), from: 1e-5, to: 100, steps: steps)
            let suggested = try #require(report.suggestedRate)
            #expect(suggested * a > 0.1 && suggested * a < 0.5, "a=\(a) steps=\(steps): \(suggested)")
            #expect(suggested == (report.minimumRate ?? 0) / 10)
            #expect(suggested < 2 / a)
            #expect(report.criticalRate == 2 / a)
            // Stopped once the loss passed 4× its best, before reaching the top of the range.
            #expect(report.stopReason != nil)
            #expect(report.rates.count < steps)
            #expect(report.rates.count == report.losses.count)
            var best = report.startLoss
            for loss in report.losses.dropLast() {
                best = min(best, loss)
                #expect(loss <= 4 * best)
            }
            #expect(report.losses.last! > 4 * min(best, report.losses.last!))
        }
    }

    @Test func stopsWhenAsked() throws {
        var calls = 0
        let report = try LearningRateFinder.run(objective: DiagnosisFixture.parabola(1), start: [1],
                                                configuration: DiagnosisFixture.gd(0.1), from: 1e-9, to: 1e-8, steps: 5000,
                                                shouldStop: { calls += 1; return true })
        #expect(report.wasStopped)
        #expect(report.rates.count == 255)
    }

    /// The ravine's steep direction has λ = 50, so gd blows up past 2/λ = 0.04: the steepest
    /// fall of the range test lies above it (0.114 before issue 11), the suggestion must not,
    /// however long the test (with 10,000 steps y underflows to exactly 0 before the rate
    /// reaches 0.04 and can no longer blow up: the curvature cap 1/λ_max = 0.02 holds it).
    @Test(arguments: [100, 1000, 10_000])
    func onTheRavineTheSuggestionSurvives(steps: Int) throws {
        let ravine = try #require(Preset.named("ravine"))
        let report = try LearningRateFinder.run(objective: ravine.objective(), start: ravine.start,
                                                configuration: DiagnosisFixture.gd(0.1), from: 1e-6, to: 10, steps: steps)
        let suggested = try #require(report.suggestedRate)
        #expect(report.criticalRate == 0.04)
        #expect(suggested < 0.04)
        #expect(suggested <= 0.02)
        // A run at the suggested rate converges.
        var run = try Run(objective: ravine.objective(), start: ravine.start, configuration: DiagnosisFixture.gd(suggested))
        run.run(100_000, untilConverged: true)
        #expect(run.hasConverged)
    }

    /// fastai's smoothing, run forward and backward: a constant stays constant and a straight
    /// line stays where it is (no lag), in one pass over a million points.
    @Test func smoothingKeepsLinesInPlace() {
        let constant = LearningRateFinder.smooth([Double](repeating: 3, count: 1000))
        #expect(constant.allSatisfy { Swift.abs($0 - 3) < 1e-12 })
        let line = (0..<1_000_000).map { Double($0) }
        let smoothed = LearningRateFinder.smooth(line)
        #expect(smoothed.count == line.count)
        // Ten spans (10·n/20 points) from either end, the forward lag and the backward lead
        // cancel to within the debiasing's remnant, about i·e^(−10) relative to i.
        #expect(Swift.abs(smoothed[500_000] - line[500_000]) < 1e-4 * line[500_000])
    }
}

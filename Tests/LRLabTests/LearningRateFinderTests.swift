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

    /// On f = a·x²/2 the log-loss falls fastest at lr = 1/a; the suggestion is within a factor 2.
    @Test(arguments: [0.5, 1.0, 4.0, 50.0])
    func suggestionIsNearOneOverA(a: Double) throws {
        for steps in [50, 100, 300] {
            let report = try LearningRateFinder.run(objective: DiagnosisFixture.parabola(a), start: [1],
                                                    configuration: DiagnosisFixture.gd(0.1), from: 1e-5, to: 100, steps: steps)
            let suggested = try #require(report.suggestedRate)
            #expect(suggested * a > 0.5 && suggested * a < 2, "a=\(a) steps=\(steps): \(suggested)")
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
}

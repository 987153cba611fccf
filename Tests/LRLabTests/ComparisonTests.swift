import Testing
@testable import LRLab

@Suite struct ComparisonTests {
    @Test func sideBySideRunsFromTheSameStart() throws {
        let quadratic = try DiagnosisFixture.preset("quadratic")   // (x − 3)², curvature 2
        let entries = [Comparison.Entry(configuration: try DiagnosisFixture.gd(0.1)),
                       Comparison.Entry(configuration: try DiagnosisFixture.gd(0.9)),
                       Comparison.Entry(configuration: try DiagnosisFixture.gd(1.2), label: "too big")]
        let report = try Comparison.run(objective: quadratic, start: [0], entries: entries, steps: 400)
        #expect(report.results.map(\.label) == ["gd lr=0.1", "gd lr=0.9", "too big"])
        #expect(!report.wasStopped)

        let calm = report.results[0]
        #expect(calm.verdict.kind == .converged)
        // A run stops when it converges: the row's step and its verdict speak of the same point.
        #expect(calm.losses.count == 92)
        #expect(calm.stepsTaken == 91)
        #expect(calm.nearestMinimumIsGlobal == true)
        // Stopped at the first gradient 2·|x − 3| under 1e-8: within 5e-9 of the minimum.
        #expect(try #require(calm.distanceToMinimum) < 5e-9)
        // Error factor 1 − 0.1·2 = 0.8: gradient 6·0.8^k < 1e-8 first at k = 91.
        #expect(calm.stepsToConverge == 91)
        #expect(calm.verdict.convergedStep == 91)

        let bouncy = report.results[1]
        #expect(bouncy.verdict.kind == .converged)
        #expect(bouncy.run.trace.notes.contains { $0.contains(.overshoot) })

        let wild = report.results[2]
        #expect(wild.verdict.kind == .diverging)
        #expect(wild.stepsToConverge == nil)
        #expect(wild.run.ending != nil)
        #expect(wild.stepsTaken < 400)
        #expect(Swift.abs(try #require(wild.verdict.growthFactor) - 1.4) < 1e-6)
    }

    @Test func typedFormulaHasNoKnownMinimum() throws {
        let entries = [Comparison.Entry(configuration: try DiagnosisFixture.gd(0.1))]
        let report = try Comparison.run(objective: DiagnosisFixture.parabola(1), start: [1], entries: entries, steps: 5)
        #expect(report.results[0].distanceToMinimum == nil)
        #expect(report.results[0].verdict.kind == .slow)
    }

    @Test func stopsBetweenEntries() throws {
        let entries = [Comparison.Entry(configuration: try DiagnosisFixture.gd(0.1)),
                       Comparison.Entry(configuration: try DiagnosisFixture.gd(0.2))]
        let report = try Comparison.run(objective: DiagnosisFixture.parabola(1), start: [1], entries: entries, steps: 10,
                                        shouldStop: { true })
        #expect(report.wasStopped)
        #expect(report.results.isEmpty)
    }

    /// A row's "converged at" and its verdict speak of the same point: a run stops when it
    /// converges (issue 11: Adam at lr=0.1 on Rosenbrock said "converged at 1701" beside
    /// "bouncing", having converged and left again).
    @Test func aRunStopsWhereItConverges() throws {
        let rosenbrock = try #require(Preset.named("rosenbrock"))
        let entries = try [0.1, 0.01, 0.001].map { lr in
            Comparison.Entry(configuration: try OptimizerConfiguration(name: "adam", options: [(key: "lr", value: "\(lr)")]))
        }
        let report = try Comparison.run(objective: rosenbrock.objective(), start: rosenbrock.start, entries: entries, steps: 3000)
        #expect(report.results[0].stepsToConverge != nil)
        for result in report.results {
            if let step = result.stepsToConverge {
                #expect(result.verdict.kind == .converged)
                #expect(result.verdict.convergedStep == step)
                #expect(result.stepsTaken == step)
            } else {
                #expect(result.verdict.kind != .converged)
                #expect(result.stepsTaken == 3000 || result.run.ending != nil)
            }
        }
    }
}

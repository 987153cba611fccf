import Testing
@testable import LRLab

@Suite struct SweepTests {
    @Test func logGridEndpointsAndCount() {
        let grid = Sweep.logGrid(from: 1e-4, to: 10, count: 25)
        #expect(grid.count == 25)
        #expect(grid.first == 1e-4)
        #expect(grid.last == 10)
        #expect(zip(grid, grid.dropFirst()).allSatisfy { $0 < $1 })
        // Equal ratios: 1e5 over 24 intervals.
        let ratio = grid[1] / grid[0]
        for (a, b) in zip(grid, grid.dropFirst()) { #expect(Swift.abs(b / a - ratio) < 1e-12) }
        #expect(Sweep.logGrid(from: 0.1, to: 1, count: 1) == [0.1])
        #expect(Sweep.logGrid(from: 0.1, to: 1, count: 0).isEmpty)
        #expect(Swift.abs(Sweep.logGrid(from: 1e-3, to: 1e-1, count: 3)[1] - 0.01) < 1e-15)
    }

    @Test func outcomesFollowTheoryOnAParabola() throws {
        // f = 4·x²/2: monotone below 0.25, zig-zagging but converging to 0.5 (at 0.49 the
        // factor −0.96 leaves it slow after 100 steps), bouncing without shrinking at exactly
        // 0.5 (x = ±1 forever), diverging beyond. Each rate's outcome is its run's verdict.
        let rates = [0.001, 0.1, 0.25, 0.4, 0.49, 0.5, 0.51, 1.0]
        let report = try Sweep.run(objective: DiagnosisFixture.parabola(4), start: [1], configuration: DiagnosisFixture.gd(0.1),
                                   rates: rates, steps: 100)
        #expect(report.points.map(\.learningRate) == rates)
        #expect(report.points.map(\.outcome) == [.slow, .converged, .converged, .converged, .slow, .bouncing, .diverging, .diverging])
        #expect(report.points.allSatisfy { $0.outcome == $0.verdict.kind.outcome })
        #expect(report.criticalRate == 0.5)
        #expect(report.empiricalBoundary == 0.51)
        #expect(!report.wasStopped)
        #expect(report.points[1].stepsToConverge != nil)
        #expect(report.points[4].verdict.kind == .slow && report.points[4].verdict.directionName?.text == "along x")
        #expect(report.points[5].verdict.kind == .bouncing)
    }

    @Test func ravineBoundaryMatchesTwoOverLambdaMax() throws {
        let ravine = try DiagnosisFixture.preset("ravine")
        let rates = Sweep.logGrid(from: 1e-3, to: 1, count: 31)
        let report = try Sweep.run(objective: ravine, start: [-8, 1], configuration: DiagnosisFixture.gd(0.03),
                                   rates: rates, steps: 200)
        let critical = try #require(report.criticalRate)
        #expect(Swift.abs(critical - 0.04) < 1e-15)
        let boundary = try #require(report.empiricalBoundary)
        #expect(boundary > 0.04)
        // Every rate under 2/λ_max stays finite, every one above diverges.
        for point in report.points {
            #expect((point.outcome == .diverging) == (point.learningRate > 0.04), "lr \(point.learningRate)")
        }
    }

    @Test func stopsWhenAsked() throws {
        var calls = 0
        let report = try Sweep.run(objective: DiagnosisFixture.parabola(1), start: [1], configuration: DiagnosisFixture.gd(0.1),
                                   rates: [0.1, 0.2, 0.3], steps: 10, shouldStop: { calls += 1; return calls > 2 })
        #expect(report.wasStopped)
        #expect(report.points.count < 3)
    }

    @Test func withLearningRateKeepsTheOtherOptions() throws {
        let plain = try DiagnosisFixture.gd(0.1).withLearningRate(0.37)
        #expect(plain.learningRate == 0.37)
        #expect(plain.kind.name == "gd")
        do {
            let momentum = try OptimizerConfiguration(name: "momentum", options: [(key: "momentum", value: "0.5"), (key: "lr", value: "0.1")])
            let changed = momentum.withLearningRate(1e-5)
            #expect(changed.learningRate == 1e-5)
            #expect(changed.values.number("momentum") == 0.5)
        }
    }
}

import Testing
@testable import LRLab
import LRLabText

/// With gradient noise, a constant rate leaves the loss hovering at a floor proportional to the
/// rate (stuck at the noise floor); a small rate still descending through the noise is slow.
@Suite struct NoiseFloorTests {
    func run(lr: Double, seed: Int, steps: Int = 1000) throws -> Run {
        let objective = Objective(parameters: ["x", "y"], expression: try Parser.parse("(x - 3)^2 + (y + 1)^2", variables: ["x", "y"]))
        let configuration = try OptimizerConfiguration(name: "gd", options: [("lr", String(lr)), ("noise", "1"), ("seed", String(seed))])
        var run = try Run(objective: objective, start: [0, 0], configuration: configuration)
        run.run(steps)
        return run
    }

    @Test(arguments: 1...10)
    func aConstantRateStallsAtTheNoiseFloor(seed: Int) throws {
        let verdict = try run(lr: 0.1, seed: seed).verdict()
        #expect(verdict.kind == .stuck, "\(verdict.summary.text)")
        #expect(verdict.stuckReason == .noiseFloor)
    }

    @Test(arguments: 1...3)
    func aSmallRateIsStillDescending(seed: Int) throws {
        let verdict = try run(lr: 0.001, seed: seed).verdict()
        #expect(verdict.kind == .slow, "\(verdict.summary.text)")
    }

    @Test func noiseDoesNotHideDivergence() throws {
        let verdict = try run(lr: 1.5, seed: 1, steps: 30).verdict()
        #expect(verdict.kind == .diverging, "\(verdict.summary.text)")
    }
}

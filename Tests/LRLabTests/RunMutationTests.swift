import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import LRLab

/// Hyper-parameters changed mid-run (`setLearningRate`, `setHyperparameter`), and copies of
/// a whole run.
@Suite struct RunMutationTests {
    func quadraticRun(_ name: String, lr: Double) throws -> Run {
        let objective = Objective(parameters: ["x"], expression: try Parser.parse("(x - 3)^2", variables: ["x"]))
        let configuration = try OptimizerConfiguration(name: name, options: [("lr", String(lr))])
        return try Run(objective: objective, start: [0], configuration: configuration)
    }

    /// gd on (x − 3)² from 0 at lr 0.1: x₁ = 0.6, x₂ = 1.08; at lr 0.5 the step is
    /// x₂ − 0.5·2(x₂ − 3) = 3 exactly (x₂ − 3 is exact: both are multiples of 2⁻⁵² below 4).
    @Test func aNewRateTakesEffectOnTheNextStepAndIsMarked() throws {
        var run = try quadraticRun("gd", lr: 0.1)
        run.run(2)
        #expect(run.point == [1.08] || abs(run.point[0] - 1.08) < 1e-15)
        try run.setLearningRate(0.5)
        #expect(run.learningRate == 0.5 && run.nextLearningRate == 0.5)
        #expect(run.configuration.learningRate == 0.5 && run.startConfiguration.learningRate == 0.1)
        run.step()
        #expect(run.point == [3])
        #expect(run.loss == 0)
        #expect(run.trace.learningRates.map { $0 } == [0, 0.1, 0.1, 0.5])
        #expect(run.trace.notes.map { $0.contains(.rateChanged) } == [false, false, false, true])
        #expect(run.changes == [HyperparameterChange(afterStep: 2, name: "lr", value: 0.5)])
    }

    /// A smooth schedule marks nothing by itself (its rate moves every step); a rate set by
    /// hand is marked on the next step all the same.
    @Test func aChangeByHandIsMarkedUnderASmoothSchedule() throws {
        let objective = Objective(parameters: ["x"], expression: try Parser.parse("(x - 3)^2", variables: ["x"]))
        var run = try Run(objective: objective, start: [0], configuration: OptimizerConfiguration.standard.withLearningRate(0.1),
                          schedule: CosineSchedule(steps: 10, minimum: 0))
        run.run(3)
        try run.setLearningRate(0.05)
        run.run(2)
        #expect(run.trace.notes.map { $0.contains(.rateChanged) } == [false, false, false, false, true, false])
        // Cosine: η_t = base·(1 + cos(π(t − 1)/10))/2, so step 4 runs at 0.05·(1 + cos(0.3π))/2.
        #expect(abs(run.trace.learningRates[4] - 0.05 * (1 + cos(0.3 * Double.pi)) / 2) < 1e-15)
    }

    /// Momentum keeps its velocity across the change: v₁ = −6, v₂ = 0.9·(−6) − 4.8 = −10.2,
    /// x₂ = 1.62, g₂ = −2.76, v₃ = 0.9·(−10.2) − 2.76 = −11.94, x₃ = 1.62 + 0.05·11.94 = 2.217.
    @Test func theOptimizerStateIsKept() throws {
        var run = try quadraticRun("momentum", lr: 0.1)
        run.run(2)
        try run.setLearningRate(0.05)
        run.step()
        #expect(abs(run.point[0] - 2.217) < 1e-12)
        #expect(abs(run.current.state[0] - -11.94) < 1e-12)
        try run.setHyperparameter(name: "momentum", value: 0.5)
        run.step()
        // v₄ = 0.5·(−11.94) + g₃ with g₃ = 2(2.217 − 3) = −1.566.
        #expect(abs(run.current.state[0] - (0.5 * -11.94 - 1.566)) < 1e-12)
        #expect(run.configuration.values.number("momentum") == 0.5)
    }

    @Test func aSettingThatIsOutOfRangeOrCannotChangeIsRefusedAndChangesNothing() throws {
        var run = try quadraticRun("adam", lr: 0.1)
        run.run(3)
        let negative = refusal(&run) { (run: inout Run) throws(OptionError) in try run.setLearningRate(-1) }
        let notANumber = refusal(&run) { (run: inout Run) throws(OptionError) in try run.setLearningRate(.nan) }
        let fixed = refusal(&run) { (run: inout Run) throws(OptionError) in try run.setHyperparameter(name: "beta1", value: 0.5) }
        let flag = refusal(&run) { (run: inout Run) throws(OptionError) in try run.setHyperparameter(name: "amsgrad", value: 1) }
        let unknown = refusal(&run) { (run: inout Run) throws(OptionError) in try run.setHyperparameter(name: "betta1", value: 0.5) }
        #expect(negative?.message == "lr=-1 is out of range")
        #expect(notANumber != nil && flag != nil)
        #expect(fixed?.message == "option 'beta1' of adam cannot change during a run")
        #expect(unknown?.hint == "did you mean 'beta1'?")
        #expect(run.learningRate == 0.1 && run.changes.isEmpty)
        #expect(run.configuration.values.number("beta1") == 0.9)
        // Adam takes a new eps without losing its moments: the next m is β₁m + (1 − β₁)g.
        let m = run.current.state[0], g = run.gradient[0]
        try run.setHyperparameter(name: "eps", value: 1e-6)
        run.step()
        #expect(run.current.state[0] == 0.9 * m + (1 - 0.9) * g)
        #expect(run.configuration.values.number("eps") == 1e-6)
    }

    /// The error `change` throws on `run`, nil when it throws none.
    func refusal(_ run: inout Run, _ change: (inout Run) throws(OptionError) -> Void) -> OptionError? {
        do throws(OptionError) {
            try change(&run)
            return nil
        } catch {
            return error
        }
    }

    @Test func aRestartReplaysTheChangesWhereTheyWereMade() throws {
        var run = try quadraticRun("adam", lr: 0.1)
        run.run(5)
        try run.setLearningRate(0.01)
        run.run(5)
        try run.setLearningRate(0.3)
        run.run(5)
        var replay = try run.restarted()
        #expect(replay.stepCount == 0 && replay.learningRate == 0.1)
        var points: [Double] = [replay.point[0]]
        while replay.stepCount < run.stepCount, replay.step() { points.append(replay.point[0]) }
        #expect(points == Array(run.trace.parameters))
        #expect(replay.current == run.current)
        // Many steps at once replay the changes where they were made too.
        var batch = try run.restarted()
        batch.run(run.stepCount)
        #expect(batch.current == run.current)
        #expect(Array(batch.trace.learningRates) == Array(run.trace.learningRates))
    }

    /// A run is a value: stepping (or re-tuning) a copy leaves the original as it was, and the
    /// original then takes the very same steps.
    @Test func steppingACopyLeavesTheSourceUnchanged() throws {
        let rosenbrock = try #require(Preset.named("rosenbrock")).objective()
        let adam = try OptimizerConfiguration(name: "adam", options: [("lr", "0.01")])
        var source = try Run(objective: rosenbrock, start: [-1.5, 2], configuration: adam, schedule: CosineSchedule(steps: 300, minimum: 0))
        source.run(50)
        let before = (source.current, source.trace.count, source.nextLearningRate)
        var copy = source
        copy.run(100)
        try copy.setLearningRate(0.02)
        copy.run(1)
        #expect(source.current == before.0)
        #expect(source.trace.count == before.1 && source.stepCount == 50)
        #expect(source.nextLearningRate == before.2 && source.learningRate == 0.01)
        source.run(100)
        var again = source
        try again.setLearningRate(0.02)
        again.run(1)
        #expect(again.current == copy.current)
        #expect(again.trace.count == copy.trace.count)
    }
}

import Testing
@testable import LRLab

/// Trainings at the edges: what early stopping keeps, stopping in the middle of long work
/// (a full-batch step, the whole-set measurement, a population's generation) without
/// changing any result, the memory a training is counted to hold, and the options a
/// population can evolve.
@Suite struct TrainingBoundsTests {
    static func adam(_ rate: Double) throws -> OptimizerConfiguration {
        try OptimizerConfiguration(name: "adam", options: [("lr", String(rate))])
    }

    /// A `shouldStop` that says stop at its `stopAt`th question (counting from 1), once.
    final class Stopper {
        var asked = 0
        let stopAt: Int
        init(stopAt: Int) { self.stopAt = stopAt }
        func callAsFunction() -> Bool {
            asked += 1
            return asked == stopAt
        }
    }

    @Test func earlyStoppingGoesBackToTheBestEpochAndATrainingContinuesFromIt() throws {
        // Training pulls w toward +1, validation wants −1: validation is lowest at epoch 0.
        let xs = (1...8).map { Double($0) / 4 }
        let training = Dataset(name: "up", featureNames: ["x"], features: xs, target: .values(xs))
        let validation = Dataset(name: "down", featureNames: ["x"], features: xs, target: .values(xs.map { -$0 }))
        var trainer = try Trainer(model: DenseNetwork(widths: [1, 1]), split: DataSplit(training: training, validation: validation, trainingFraction: 1, seed: 0),
                                  initialization: .seeded(3), configuration: try TrainingBoundsTests.adam(0.05))
        let start = trainer.run.point
        #expect(trainer.train(epochs: 50, patience: 3) == .earlyStopped(bestEpoch: 0))
        #expect(trainer.run.point == start && trainer.parameters == start)
        // The optimizer starts afresh: its first step from the kept point is Adam's first step.
        #expect(trainer.run.stepCount == 0 && trainer.stepCount == 3)
        try trainer.setLearningRate(0)
        trainer.train(epochs: 1)
        #expect(trainer.trace.last?.validationLoss == trainer.trace.records[0].validationLoss)
    }

    /// Full batches of 700 rows are three chunks, so each step's evaluation and each
    /// measurement can stop in the middle; stopping at any question and training on gives
    /// the same parameters and trace, bit for bit, as never stopping.
    @Test(arguments: 1...9)
    func stoppingAFullBatchTrainingAnywhereChangesNothing(stopAt: Int) throws {
        let data = ModelFixtures.regression(rows: 700, features: 2)
        let split = DataSplit(splitting: data, trainingFraction: 0.9, seed: 0)
        func make() throws -> Trainer {
            try Trainer(model: DenseNetwork(widths: [2, 5, 1]), split: split, initialization: .seeded(1),
                        configuration: try TrainingBoundsTests.adam(0.01), batchSize: nil)
        }
        var whole = try make()
        #expect(whole.train(epochs: 3) == .finished)
        var stopped = try make()
        let stopper = Stopper(stopAt: stopAt)
        let first = stopped.train(epochs: 3, shouldStop: stopper.callAsFunction)
        guard case .interrupted = first else {
            Issue.record("question \(stopAt) did not stop the training: \(first)")
            return
        }
        while stopped.epoch < 3 { stopped.train(epochs: 3 - stopped.epoch) }
        #expect(stopped.run.point == whole.run.point)
        #expect(stopped.trace.records == whole.trace.records)
        #expect(stopped.stepCount == 3)
    }

    /// Mini-batches of 16 rows of a model of 66,000 parameters: each step's evaluation is
    /// long enough to be stopped inside the model's kernels. Stopping at any question holds
    /// the step under way (the run stays at the step before), and training on gives the same
    /// parameters and trace, bit for bit, as never stopping: the held step is finished with
    /// its own batch, and the batches after it are those of the uninterrupted training.
    @Test(arguments: [1, 2, 3, 5, 8, 13])
    func stoppingAMiniBatchStepInsideTheKernelsChangesNothing(stopAt: Int) throws {
        let data = ModelFixtures.regression(rows: 40, features: 2)
        let split = DataSplit(splitting: data, trainingFraction: 0.8, seed: 0)
        let model = DenseNetwork(widths: [2, 256, 256, 1])
        func make() throws -> Trainer {
            try Trainer(model: model, split: split, initialization: .seeded(1),
                        configuration: try TrainingBoundsTests.adam(0.001), batchSize: 16, seed: 4)
        }
        #expect(ModelLoss(model: model, data: split.training).batch(Array(0..<16)[...]).evaluationCanStop)
        var whole = try make()
        #expect(whole.train(epochs: 2) == .finished)
        var stopped = try make()
        let stopper = Stopper(stopAt: stopAt)
        let first = stopped.train(epochs: 2, shouldStop: stopper.callAsFunction)
        guard case .interrupted(let step, _) = first else {
            Issue.record("question \(stopAt) did not stop the training: \(first)")
            return
        }
        #expect(stopped.run.stepCount == step)
        while stopped.epoch < 2 { stopped.train(epochs: 2 - stopped.epoch) }
        #expect(stopped.run.point.map(\.bitPattern) == whole.run.point.map(\.bitPattern))
        #expect(stopped.trace.records == whole.trace.records)
        #expect(!stopped.run.holdsStep)
    }

    /// The first evaluation, at the start, of a full batch of many rows stops too: the
    /// trainer is not made.
    @Test func stoppingTheFirstEvaluationMakesNoTrainer() throws {
        let data = ModelFixtures.regression(rows: 700, features: 2)
        let split = DataSplit(splitting: data, trainingFraction: 0.9, seed: 0)
        #expect(throws: EvaluationError.interrupted) {
            try Trainer(model: DenseNetwork(widths: [2, 5, 1]), split: split, initialization: .seeded(1),
                        configuration: try TrainingBoundsTests.adam(0.01), batchSize: nil, shouldStop: { true })
        }
    }

    @Test func aStoppedPopulationFinishesTheSameGenerationItWouldHaveMade() throws {
        let loss = Objective(parameters: ["x", "y"], expression: try Parser.parse("x^2 + 10*y^2", variables: ["x", "y"]))
        let settings = Population.Settings(size: 4, interval: 2000, steps: 6000,
                                           evolve: [try EvolvingHyperparameter(name: "lr", kind: .gradientDescent, learningRates: 1e-3...1e-1)],
                                           seed: 5)
        var whole = try Population(loss: loss, start: [1, 1], configuration: .standard, settings: settings)
        _ = whole.run()
        var stopped = try Population(loss: loss, start: [1, 1], configuration: .standard, settings: settings)
        let stopper = Stopper(stopAt: 6)
        guard case .interrupted = stopped.run(shouldStop: stopper.callAsFunction) else {
            Issue.record("the population was not stopped")
            return
        }
        #expect(stopped.generations.count < whole.generations.count)
        _ = stopped.run()
        #expect(stopped.generations == whole.generations)
        #expect(stopped.members.map(\.run.point) == whole.members.map(\.run.point))
    }

    @Test func aTrainingIsCountedAsItsParametersGradientPreviousStepAndOptimizerState() throws {
        let model = DenseNetwork(widths: [2, 5, 1])
        let data = ModelFixtures.regression(rows: 100, features: 2)
        let split = DataSplit(splitting: data, trainingFraction: 0.8, seed: 0)
        let parameters = model.parameterCount
        let adam = TrainingMemory(model: model, split: split, configuration: try TrainingBoundsTests.adam(0.01), batchSize: 32,
                                  keepsBestParameters: false)
        // θ, g, the previous θ and g, and Adam's m, v and rate.
        #expect(adam.perTraining == 7 * 8 * parameters)
        let kept = TrainingMemory(model: model, split: split, configuration: .standard, batchSize: 32, keepsBestParameters: true)
        // θ, g, the previous θ and g, gd's noise buffer, and the best epoch's θ.
        #expect(kept.perTraining == 6 * 8 * parameters)
        #expect(adam.bytes(trainings: 10) == 10 * adam.perTraining + adam.whileStepping)
        #expect(adam.whileStepping >= 8 * (ModelLoss(model: model, data: split.training).workspaceCount + parameters))
    }

    @Test(arguments: [("adam", "beta1"), ("adam", "beta2"), ("adamw", "beta1"), ("rmsprop", "alpha"), ("rmsprop", "momentum"),
                      ("adadelta", "rho")])
    func optionsAnOptimizerCannotChangeDuringARunCannotEvolve(optimizer: String, option: String) throws {
        let configuration = try OptimizerConfiguration(name: optimizer, options: [])
        #expect(throws: OptionError.self) {
            try EvolvingHyperparameter(name: option, configuration: configuration, learningRates: 1e-4...1)
        }
        #expect(!EvolvingHyperparameter.names(for: configuration).contains(option))
        #expect(EvolvingHyperparameter.names(for: configuration).contains("lr"))
    }

    @Test func momentumAndDampeningEvolveWithOptMomentum() throws {
        let configuration = try OptimizerConfiguration(name: "momentum", options: [])
        #expect(EvolvingHyperparameter.names(for: configuration) == ["lr", "momentum", "dampening"])
    }
}

extension TrainingBoundsTests {
    /// What makes a measurement cut into pieces the same, bit for bit: a dense network's
    /// outputs for a row do not depend on the rows computed with it.
    @Test func aRowsOutputsDoNotDependOnTheRowsBesideIt() {
        let model = DenseNetwork(widths: [3, 7, 5, 1], activation: .tanh)
        let parameters = model.initialParameters(.seeded(2))
        let data = ModelFixtures.regression(rows: 9, features: 3)
        let loss = ModelLoss(model: model, data: data)
        let together = loss.outputs(at: parameters, inputs: data.features)
        var alone: [Double] = []
        for row in 0..<9 { alone += loss.outputs(at: parameters, inputs: Array(data.features[row * 3..<row * 3 + 3])) }
        #expect(together == alone)
    }
}

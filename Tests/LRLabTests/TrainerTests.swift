import Foundation
import Testing
@testable import LRLab

/// The trainer: batches, epochs, continuation, early stopping, divergence and the trace.
@Suite struct TrainerTests {
    static func sgd(_ rate: Double) -> OptimizerConfiguration { OptimizerConfiguration.standard.withLearningRate(rate) }

    /// y = 2x + 1 on x = 0, 0.1, …, 1.9: a line a linear model fits exactly.
    static let line = Dataset(name: "line", featureNames: ["x"], features: (0..<20).map { Double($0) / 10 },
                              target: .values((0..<20).map { 2 * Double($0) / 10 + 1 }))

    @Test func miniBatchStepsFollowEachBatchsGradientInTheShuffledOrder() throws {
        let data = ModelFixtures.regression(rows: 10, features: 2)
        let split = DataSplit(training: data, validation: nil, trainingFraction: 1, seed: 0)
        let model = DenseNetwork(widths: [2, 1])
        var trainer = try Trainer(model: model, split: split, initialization: .seeded(4), configuration: TrainerTests.sgd(0.05),
                                  batchSize: 4, seed: 9)
        #expect(trainer.train(epochs: 2) == .finished)
        // By hand: batches of 4, 4, 2 of each epoch's shuffle, θ ← θ − lr·∇L_batch(θ).
        var batches = MiniBatches(rowCount: 10, batchSize: 4, seed: 9)
        let loss = ModelLoss(model: model, data: data)
        var theta = model.initialParameters(.seeded(4))
        for _ in 0..<6 {
            let gradient = try loss.batch(batches.next()).checkedEvaluation(at: theta).gradient
            for index in theta.indices { theta[index] -= 0.05 * gradient[index] }
        }
        #expect(trainer.run.point == theta)
        #expect(trainer.run.stepCount == 6)
        #expect(trainer.trace.records.map(\.step) == [0, 3, 6])
        #expect(trainer.trace.records.map(\.epoch) == [0, 1, 2])
    }

    @Test func eachEpochShufflesAgainAndEveryRowAppearsOnce() {
        var batches = MiniBatches(rowCount: 7, batchSize: 3, seed: 1)
        #expect(batches.batchesPerEpoch == 3)
        let first = (0..<3).flatMap { _ in Array(batches.next()!) }
        let second = (0..<3).flatMap { _ in Array(batches.next()!) }
        #expect(first.sorted() == Array(0..<7) && second.sorted() == Array(0..<7))
        #expect(first != second)
        var full = MiniBatches(rowCount: 7, batchSize: 7, seed: 1)
        #expect(full.batchSize == nil && full.next() == nil)
    }

    @Test func trainingTwiceEqualsTrainingOnceForTheSum() throws {
        let split = DataSplit(splitting: ModelFixtures.classification(rows: 30), trainingFraction: 0.7, seed: 3)
        let model = DenseNetwork(widths: [2, 5, 3], activation: .tanh)
        let adam = OptimizerConfiguration(kind: .adam, values: OptimizerKind.adam.defaultValues).withLearningRate(0.01)
        func make() throws -> Trainer {
            try Trainer(model: model, split: split, initialization: .seeded(1), configuration: adam, batchSize: 4, seed: 2)
        }
        var once = try make(), twice = try make()
        once.train(epochs: 6)
        twice.train(epochs: 2)
        twice.train(epochs: 4)
        #expect(once.run.point == twice.run.point)
        #expect(once.trace == twice.trace)
        // An interruption after 5 steps keeps them; the next call finishes that epoch first.
        // (`shouldStop` is asked before every piece of steps: here, before every step.)
        var interrupted = try make(), asked = 0
        interrupted.workBetweenStopChecks = 1
        let stop = interrupted.train(epochs: 6, shouldStop: { asked += 1; return asked >= 6 })
        // 21 training rows in batches of 4: six steps an epoch, so the stop falls inside epoch 1.
        #expect(stop == .interrupted(step: 5, stepsIntoEpoch: 5))
        #expect(interrupted.trace.count == 1)
        interrupted.train(epochs: 6)
        #expect(interrupted.run.point == once.run.point && interrupted.trace == once.trace)
    }

    /// A trainer takes an epoch's steps in pieces (one `Run.run` each over a `MiniBatchLoss`);
    /// the size of the pieces changes nothing: the same points, epoch rows, per-step rows and
    /// ending as steps taken one at a time.
    @Test(arguments: [false, true])
    func piecesOfStepsEqualStepsOneAtATime(diverges: Bool) throws {
        func trained(work: Int) throws -> Trainer {
            var trainer: Trainer
            if diverges {
                // Plain gradient descent at lr 10 on a line, batches of 4 of 20 rows: it blows up within a few epochs.
                trainer = try Trainer(model: DenseNetwork(widths: [1, 1]), split: DataSplit(training: TrainerTests.line, validation: nil, trainingFraction: 1, seed: 0),
                                      initialization: .zeros, configuration: TrainerTests.sgd(10), batchSize: 4, seed: 5)
            } else {
                let split = DataSplit(splitting: ModelFixtures.classification(rows: 30), trainingFraction: 0.7, seed: 3)
                let adam = OptimizerConfiguration(kind: .adam, values: OptimizerKind.adam.defaultValues).withLearningRate(0.01)
                trainer = try Trainer(model: DenseNetwork(widths: [2, 5, 3], activation: .tanh), split: split, initialization: .seeded(1),
                                      configuration: adam, batchSize: 4, seed: 2)
            }
            trainer.workBetweenStopChecks = work
            trainer.train(epochs: 40)
            return trainer
        }
        let reference = try trained(work: 1)
        #expect(reference.stepCount > 5 && (reference.ending != nil) == diverges)
        // A step is 4 rows × 2 or 33 parameters of work: pieces of 2, 3, 5 steps, and whole epochs.
        for work in [2 * 4 * 33, 3 * 4 * 2, 5 * 4 * 33, 1 << 22] {
            let pieces = try trained(work: work)
            #expect(pieces.stepCount == reference.stepCount && pieces.epoch == reference.epoch && pieces.ending == reference.ending)
            #expect(pieces.run.point.map(\.bitPattern) == reference.run.point.map(\.bitPattern))
            #expect(pieces.trace == reference.trace)
            PlannedTraceTests.expectSameTrace(pieces.run.trace, reference.run.trace, "work \(work)")
        }
    }

    @Test func theBestValidationEpochIsTheFirstLowest() {
        var trace = EpochTrace(isClassifier: false, hasValidation: true)
        #expect(trace.bestValidationEpoch == nil)
        for (epoch, loss) in [3.0, 2.0, .nan, 2.0, 5.0, 2.5].enumerated() {
            trace.append(EpochRecord(epoch: epoch, step: epoch, learningRate: 0.1, trainLoss: 1, validationLoss: loss,
                                     trainAccuracy: nil, validationAccuracy: nil))
        }
        // 2.0 at epochs 1 and 3: the first; a NaN is never the lowest.
        #expect(trace.bestValidationEpoch?.epoch == 1)
        var withoutValidation = EpochTrace(isClassifier: false, hasValidation: false)
        withoutValidation.append(EpochRecord(epoch: 0, step: 0, learningRate: 0, trainLoss: 1, validationLoss: nil,
                                             trainAccuracy: nil, validationAccuracy: nil))
        #expect(withoutValidation.bestValidationEpoch == nil)
    }

    @Test func aMiniBatchLossEvaluatesEachStepsBatch() throws {
        let data = ModelFixtures.regression(rows: 6, features: 2)
        let loss = ModelLoss(model: DenseNetwork(widths: [2, 1]), data: data)
        let batches = [[0, 1], [2, 3, 4], [5]].map { loss.batch($0[...]) }
        let sequence = MiniBatchLoss(batches: batches, firstStep: 7)
        let point = [0.5, -0.25, 0.125]
        var workspace = [Double](repeating: 0, count: sequence.workspaceCount)
        func evaluate(afterStep step: Int?) -> (Double, [Double]) {
            for index in point.indices { workspace[index] = point[index] }
            var span = workspace.mutableSpan
            let value = if let step { sequence.loss(inPlace: &span, afterStep: step) } else { sequence.loss(inPlace: &span) }
            return (value, Array(workspace[3..<6]))
        }
        // Step 7 is the first batch's, 8 the second's, 9 and later the last's; before 7, the first's.
        for (step, batch) in [(6, 0), (7, 0), (8, 1), (9, 2), (50, 2)] {
            let expected = try batches[batch].checkedEvaluation(at: point)
            let (value, gradient) = evaluate(afterStep: step)
            #expect(value == expected.loss && gradient == expected.gradient, "step \(step)")
        }
        // Outside a run's steps, the loss is the last batch's.
        let last = try batches[2].checkedEvaluation(at: point)
        #expect(evaluate(afterStep: nil).0 == last.loss)
        #expect(try sequence.checkedEvaluation(at: point).loss == last.loss)
    }

    @Test func theTraceMeasuresWholeSetsAfterEachEpoch() throws {
        let split = DataSplit(splitting: ModelFixtures.classification(rows: 40), trainingFraction: 0.75, seed: 1)
        let model = DenseNetwork(widths: [2, 3])
        var trainer = try Trainer(model: model, split: split, l2: 0.1, initialization: .zeros, configuration: TrainerTests.sgd(0.5),
                                  batchSize: 5, seed: 1)
        trainer.train(epochs: 3)
        let trace = trainer.trace
        #expect(trace.columnNames == ["epoch", "step", "lr", "train_loss", "val_loss", "train_acc", "val_acc"])
        // Row 0: zero weights, so every loss is log 3, before any step (rate 0).
        let first = trace.records[0]
        #expect(abs(first.trainLoss - log(3.0)) < 1e-15 && abs(first.validationLoss! - log(3.0)) < 1e-15)
        #expect(first.step == 0 && first.learningRate == 0)
        for record in trace.records.dropFirst() {
            // The losses are the data losses over the whole sets (no l2), at the epoch's point.
            #expect(record.learningRate == 0.5)
            #expect((0...1).contains(record.trainAccuracy!) && (0...1).contains(record.validationAccuracy!))
        }
        let last = trace.records[3]
        let measured = ModelLoss(model: model, data: split.validation!).measure(at: trainer.run.point)
        #expect(last.validationLoss == measured.loss && last.validationAccuracy == measured.accuracy)
        #expect(last.trainLoss == ModelLoss(model: model, data: split.training).measure(at: trainer.run.point).loss)
        // Regression without validation: no accuracy columns, empty validation cells.
        var regression = try Trainer(model: DenseNetwork(widths: [1, 1]), split: DataSplit(training: TrainerTests.line, validation: nil, trainingFraction: 1, seed: 0),
                                     initialization: .zeros, configuration: TrainerTests.sgd(0.1))
        regression.train(epochs: 1)
        #expect(regression.trace.columnNames == ["epoch", "step", "lr", "train_loss", "val_loss"])
        #expect(regression.trace.cells(regression.trace.records[1])[4] == nil)
    }

    @Test func earlyStoppingKeepsTheEpochOfLowestValidationLoss() throws {
        // Training pulls w toward +1 (y = x), validation wants −1 (y = −x): validation is
        // lowest before training and rises from the first epoch while training falls.
        let xs = (1...8).map { Double($0) / 4 }
        let training = Dataset(name: "up", featureNames: ["x"], features: xs, target: .values(xs))
        let validation = Dataset(name: "down", featureNames: ["x"], features: xs, target: .values(xs.map { -$0 }))
        let split = DataSplit(training: training, validation: validation, trainingFraction: 1, seed: 0)
        var trainer = try Trainer(model: DenseNetwork(widths: [1, 1]), split: split, initialization: .zeros, configuration: TrainerTests.sgd(0.05))
        #expect(trainer.train(epochs: 50, patience: 3) == .earlyStopped(bestEpoch: 0))
        #expect(trainer.epoch == 3 && trainer.keptEpoch == 0)
        #expect(trainer.parameters == [0, 0])
        // Three epochs leave the training loss high (the kept epoch's, untrained, is Σx²/8 =
        // 1.59, ×4.9 the constant's 0.328) and falling fast: too early to judge the fit.
        #expect(TrainingDiagnosis.verdicts(for: trainer).map(\.rule) == ["still-falling"])
        // Trained on (patience 40), it fits them while validation keeps rising: overfitting,
        // with early stopping's epoch.
        var longer = try Trainer(model: DenseNetwork(widths: [1, 1]), split: split, initialization: .zeros, configuration: TrainerTests.sgd(0.05))
        #expect(longer.train(epochs: 100, patience: 40) == .earlyStopped(bestEpoch: 0))
        let verdicts = TrainingDiagnosis.verdicts(for: longer)
        #expect(verdicts[0].kind == .overfitting && verdicts[0].bestEpoch == 0 && verdicts[0].rule == "validation-rose", "\(verdicts.map(\.summary.text))")
    }

    @Test func aDivergingTrainingEndsWithTheDiagnosisAndOnlyFiniteRows() throws {
        var trainer = try Trainer(model: DenseNetwork(widths: [1, 1]), split: DataSplit(training: TrainerTests.line, validation: nil, trainingFraction: 1, seed: 0),
                                  initialization: .zeros, configuration: TrainerTests.sgd(10))
        #expect(trainer.train(epochs: 1000) == .ended)
        #expect(trainer.ending != nil)
        #expect(trainer.trace.records.allSatisfy { $0.trainLoss.isFinite })
        #expect(trainer.trace.count < 1000)
        #expect(TrainingDiagnosis.verdicts(for: trainer).map(\.kind) == [.diverging])
        #expect(trainer.train(epochs: 1) == .ended)
    }

    @Test func verdictsReadHighAndCloseAsUnderfittingAndALowLossAsAGoodFit() throws {
        // XOR: no line separates the classes, so logistic regression stays at log 2.
        let xor = Dataset(name: "xor", featureNames: ["x1", "x2"], features: [0, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1, 1],
                          target: .classes(labels: [0, 1, 1, 0, 0, 1, 1, 0], classCount: 2))
        let split = DataSplit(training: xor, validation: xor, trainingFraction: 1, seed: 0)
        var logistic = try Trainer(model: DenseNetwork(widths: [2, 2]), split: split, initialization: .zeros, configuration: TrainerTests.sgd(0.5))
        logistic.train(epochs: 20)
        let under = TrainingDiagnosis.verdicts(for: logistic)
        #expect(under[0].kind == .underfitting)
        // The constant prediction's loss here is log 2 (two classes, equal counts).
        #expect(abs(TrainingDiagnosis.constantLosses(split).training - log(2.0)) < 1e-15)

        let lineSplit = DataSplit(splitting: TrainerTests.line, trainingFraction: 0.8, seed: 1)
        var linear = try Trainer(model: DenseNetwork(widths: [1, 1]), split: lineSplit, initialization: .zeros, configuration: TrainerTests.sgd(0.3))
        linear.train(epochs: 300)
        #expect(TrainingDiagnosis.verdicts(for: linear).map(\.kind) == [.goodFit])
        // A few epochs at a small rate: still falling steadily, and still high. That is slow,
        // not underfitting: the model has not yet shown what it can fit.
        var early = try Trainer(model: DenseNetwork(widths: [1, 1]), split: lineSplit, initialization: .zeros, configuration: TrainerTests.sgd(0.01))
        early.train(epochs: 5)
        let earlyVerdicts = TrainingDiagnosis.verdicts(for: early)
        #expect(earlyVerdicts.map(\.kind) == [.slow])
        #expect(earlyVerdicts[0].evidence.contains { "\($0.text)".contains("too early to call it underfitting") })
        var fresh = try Trainer(model: DenseNetwork(widths: [1, 1]), split: lineSplit, initialization: .zeros, configuration: TrainerTests.sgd(0.01))
        #expect(TrainingDiagnosis.verdicts(for: fresh).map(\.kind) == [.unstarted])
        fresh.train(epochs: 0)
        #expect(fresh.trace.count == 1)
    }
}

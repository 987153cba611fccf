/// Trains a model on a data split: epochs of mini-batch steps over a `Run` (so the optimizers,
/// schedules, rate changes and divergence checks are the explorer's), measuring the whole
/// training and validation sets after each epoch into an `EpochTrace`.
///
/// **Batches.** `MiniBatches` draws each epoch's shuffle from the seed. Each step is one
/// update along one batch's gradient, PyTorch's `zero_grad(); loss(batch).backward(); step()`,
/// with one evaluation per step: the run holds the loss of the batch whose gradient the next
/// step takes, and the evaluation that ends a step is already the next batch's. The steps
/// run in pieces, each one `Run.run` over a `MiniBatchLoss` that gives each step's evaluation
/// its batch.
///
/// **Continuing.** `train` may be called again: the run, its optimizer state and the batch
/// order carry on, so `train(epochs: 10)` twice equals `train(epochs: 20)` once. An
/// interruption (`shouldStop`) keeps every step taken; a later `train` finishes the
/// interrupted epoch first.
///
/// **Ending.** A run that diverges (or a measurement that is no longer finite) ends the
/// training with `ending`; the trace keeps only the finite epochs before it.
///
/// **Memory.** The run records per-step rows as `RecordingPolicy.training` says (scalars, at
/// most 16 rows); the epoch trace holds a few numbers per epoch; each measurement makes a
/// workspace sized by `ModelLoss.chunkRows`. What grows with the model is the run's (the
/// parameters, their gradient, the point and gradient before the latest step, the
/// optimizer's state, and while stepping the loss's workspace) and, with
/// `keepsBestParameters`, the best epoch's parameters: `TrainingMemory` counts it.
///
/// **Ctrl-C.** `shouldStop` is asked between pieces of steps, inside an evaluation that can
/// take long (the first one, at the start: `init` then throws `EvaluationError.interrupted`;
/// a step's: the step is held and the next `train` finishes it first, see `Run.run`) and
/// inside the whole-set measurement after an epoch (the epoch's steps are kept, and the next
/// `train` measures it first). An interrupted training continues exactly as one never
/// interrupted: the same batches, the same steps.
public struct Trainer: Sendable {
    /// Why a call of `train` returned.
    public enum Stop: Sendable, Hashable {
        /// Every requested epoch ran.
        case finished
        /// The validation loss had not improved for `patience` epochs; `bestEpoch` had the lowest.
        case earlyStopped(bestEpoch: Int)
        /// `shouldStop` said so after `step`; `stepsIntoEpoch` steps of the next epoch were taken.
        case interrupted(step: Int, stepsIntoEpoch: Int)
        /// The training ended (`Trainer.ending`).
        case ended
    }

    public let model: any Model
    public let split: DataSplit
    /// The weight penalty's factor in the trained loss (the trace's losses leave it out).
    public let l2: Double
    public let initialization: ModelInitialization
    public private(set) var run: Run
    public private(set) var trace: EpochTrace
    public private(set) var batches: MiniBatches
    /// Epochs completed.
    public private(set) var epoch = 0
    /// Steps taken in the epoch under way (0 between epochs).
    public private(set) var stepsIntoEpoch = 0
    /// Steps taken by the runs before the current one (`changeOptimizer` starts a new run).
    private var stepOffset = 0
    private let recording: RecordingPolicy
    /// Set when the training diverged; no step is taken after it.
    public private(set) var ending: Run.Ending?
    /// The epoch whose parameters `parameters` are, when early stopping kept an earlier epoch's.
    public private(set) var keptEpoch: Int?
    private var keptParameters: [Double]?
    /// The parameters at the lowest validation loss so far (nil without validation, or
    /// without `keepsBestParameters`).
    private var bestParameters: [Double]?
    /// Whether the training keeps a copy of the best epoch's parameters, which early
    /// stopping returns to (true by default); a population's members and a comparison's
    /// trainings, which never stop early, do without it.
    public var keepsBestParameters = true {
        didSet { if !keepsBestParameters { bestParameters = nil } }
    }
    /// The batch loss, with the penalty: each step's loss is this over other rows.
    private let trainedLoss: ModelLoss
    /// The whole sets, without the penalty, for the epoch measurements.
    private let trainingMeasure: ModelLoss
    private let validationMeasure: ModelLoss?

    /// A training of `model` on `split`, starting from `initialization`, with the optimizer
    /// `configuration` and `schedule` (its breakpoints counting epochs: `EpochSchedule`),
    /// batches of `batchSize` rows (nil: full batches) shuffled from `seed`. Records row 0
    /// (before training), unless `shouldStop` stops that measurement (`isMeasured` is then
    /// false, and `train` measures it first). Throws when the loss has no value at the start,
    /// and `EvaluationError.interrupted` when `shouldStop` stopped its evaluation.
    public init(model: any Model, split: DataSplit, l2: Double = 0, initialization: ModelInitialization,
                configuration: OptimizerConfiguration, schedule: any LearningRateSchedule = ConstantSchedule(),
                batchSize: Int? = nil, seed: UInt64 = 0, recording: RecordingPolicy = .training,
                shouldStop: () -> Bool = { false }) throws(EvaluationError) {
        self.model = model
        self.split = split
        self.l2 = l2
        self.initialization = initialization
        self.recording = recording
        var batches = MiniBatches(rowCount: split.training.rowCount, batchSize: batchSize, seed: seed)
        let trainedLoss = ModelLoss(model: model, data: split.training, l2: l2)
        self.trainedLoss = trainedLoss
        self.run = try Run(objective: trainedLoss.batch(batches.next()), start: model.initialParameters(initialization),
                           configuration: configuration,
                           schedule: EpochSchedule.counting(schedule, stepsPerEpoch: batches.batchesPerEpoch),
                           recording: recording, shouldStop: shouldStop)
        self.batches = batches
        self.trainingMeasure = ModelLoss(model: model, data: split.training)
        self.validationMeasure = split.validation.map { ModelLoss(model: model, data: $0) }
        self.trace = EpochTrace(isClassifier: split.training.isClassification, hasValidation: split.validation != nil)
        if let first = measure(learningRate: 0, shouldStop: shouldStop) { trace.append(first) }
        if split.validation != nil { bestParameters = run.point }
    }

    /// Whether row 0 (the start) has been measured: false only when `shouldStop` stopped
    /// that measurement in `init`.
    public var isMeasured: Bool { trace.count > 0 }

    /// The loss the model trains on.
    public var lossKind: TrainingLoss { trainedLoss.kind }

    /// The parameters the training keeps: the best epoch's after early stopping, else the latest.
    public var parameters: [Double] { keptParameters ?? run.point }

    /// Updates made in the whole training (across `changeOptimizer`).
    public var stepCount: Int { stepOffset + run.stepCount }

    /// Continues from the current parameters with a fresh optimizer `configuration` and
    /// `schedule` (PyTorch's new `torch.optim` object over the same parameters): the
    /// optimizer's state starts at zero and the schedule counts from step 1 again; the epochs,
    /// the batch order and the trace carry on. Throws when the loss has no value here.
    public mutating func changeOptimizer(_ configuration: OptimizerConfiguration,
                                         schedule: any LearningRateSchedule) throws(EvaluationError) {
        try restart(at: run.point, configuration: configuration,
                    schedule: EpochSchedule.counting(schedule, stepsPerEpoch: batches.batchesPerEpoch))
    }

    /// A fresh run from `point`, continuing the step count.
    private mutating func restart(at point: [Double], configuration: OptimizerConfiguration,
                                  schedule: any LearningRateSchedule) throws(EvaluationError) {
        let fresh = try Run(objective: run.lossFunction, start: point, configuration: configuration, schedule: schedule,
                            recording: recording)
        stepOffset += run.stepCount
        run = fresh
    }

    /// Frees the scratch of the run's steps until the next `train` (`Run.releaseScratch`).
    public mutating func releaseScratch() {
        run.releaseScratch()
    }

    /// Sets the base learning rate from the next step on (`Run.setLearningRate`).
    public mutating func setLearningRate(_ rate: Double) throws(OptionError) {
        try run.setLearningRate(rate)
    }

    /// Sets an option of the optimizer from the next step on, keeping its state
    /// (`Run.setHyperparameter`: what it accepts and refuses).
    public mutating func setHyperparameter(name: String, value: Double) throws(OptionError) {
        try run.setHyperparameter(name: name, value: value)
    }

    /// Trains `epochs` more epochs (finishing an interrupted one first), stopping early when
    /// `patience` is given, there is a validation set, and its loss has not fallen below its
    /// lowest for `patience` epochs: the training then goes back to the parameters of the
    /// lowest epoch (`keptEpoch`) with the optimizer's state and the schedule started afresh
    /// (as `changeOptimizer` with the options in force), so a later `train` continues from
    /// them. `shouldStop` is asked before every piece of steps (pieces of a few milliseconds'
    /// work, `stepsPerPiece`, and never across an epoch's end), between the chunks of a long
    /// evaluation and between pieces of the measurement; `onEpoch` gets each new trace row.
    @discardableResult
    public mutating func train(epochs: Int, patience: Int? = nil, shouldStop: () -> Bool = { false },
                               onEpoch: (EpochRecord) -> Void = { _ in }) -> Stop {
        guard ending == nil else { return .ended }
        if !isMeasured {
            guard let first = measure(learningRate: 0, shouldStop: shouldStop) else { return .interrupted(step: 0, stepsIntoEpoch: 0) }
            trace.append(first)
        }
        keptParameters = nil
        keptEpoch = nil
        let perEpoch = batches.batchesPerEpoch
        for _ in 0..<Swift.max(0, epochs) {
            while stepsIntoEpoch < perEpoch {
                if shouldStop() {
                    return .interrupted(step: stepCount, stepsIntoEpoch: stepsIntoEpoch)
                }
                let wanted = Swift.min(perEpoch - stepsIntoEpoch, stepsPerPiece)
                let taken = takeSteps(wanted, shouldStop: shouldStop)
                stepsIntoEpoch += taken
                if taken < wanted, run.ending == nil {
                    return .interrupted(step: stepCount, stepsIntoEpoch: stepsIntoEpoch)
                }
                if let runEnding = run.ending {
                    // Step numbers of the whole training, not of the run since the last `changeOptimizer`.
                    switch runEnding {
                    case .diverged(let step, let reason): ending = .diverged(step: stepOffset + step, reason: reason)
                    case .undefined(let step, let reason): ending = .undefined(step: stepOffset + step, reason: reason)
                    }
                    return .ended
                }
            }
            epoch += 1
            guard let record = measure(learningRate: run.schedule.rate(at: run.stepCount, base: run.learningRate),
                                       shouldStop: shouldStop) else {
                // The epoch's steps are kept; its measurement is the next `train`'s first work.
                epoch -= 1
                return .interrupted(step: stepCount, stepsIntoEpoch: stepsIntoEpoch)
            }
            stepsIntoEpoch = 0
            guard record.trainLoss.isFinite, record.validationLoss?.isFinite ?? true else {
                ending = .diverged(step: stepCount, reason: "the loss over the whole training set is no longer a finite number (epoch \(epoch))")
                return .ended
            }
            trace.append(record)
            onEpoch(record)
            if let best = trace.bestValidationEpoch {
                if best.epoch == epoch, keepsBestParameters { bestParameters = run.point }
                if let patience, epoch - best.epoch >= patience, let bestParameters {
                    keptEpoch = best.epoch
                    do throws(EvaluationError) {
                        try restart(at: bestParameters, configuration: run.configuration, schedule: run.schedule)
                    } catch {
                        // The next batch has no value there: the latest run goes on, the best parameters are reported.
                        keptParameters = bestParameters
                    }
                    return .earlyStopped(bestEpoch: best.epoch)
                }
            }
        }
        return .finished
    }

    /// Steps between two questions to `shouldStop`: as many as make about
    /// `workBetweenStopChecks` parameter-rows (a few milliseconds), at most
    /// `mostStepsPerPiece`, at least 1. A piece of steps is one `Run.run`, so the fewer
    /// pieces an epoch takes, the less each step pays for the run's batch set-up; the bounds
    /// keep Ctrl-C prompt on a big model, and on a small one whose steps cost more than their
    /// arithmetic (a debug build, a busy machine).
    private var stepsPerPiece: Int {
        let rowsPerStep = batches.batchSize ?? split.training.rowCount
        let work = Swift.max(1, rowsPerStep) * Swift.max(1, trainedLoss.parameterCount)
        return Swift.min(Trainer.mostStepsPerPiece, Swift.max(1, workBetweenStopChecks / work))
    }

    /// The most steps in a piece: 256, a few microseconds each for a small model.
    static let mostStepsPerPiece = 256

    /// Parameter-rows (a step's rows × the model's parameters, about a multiply-add each way)
    /// between two questions to `shouldStop`: by default 2²², a few milliseconds. 1 asks
    /// before every step.
    public var workBetweenStopChecks = 1 << 22

    /// Takes `count` steps of the epoch under way in one `Run.run` (fewer when the run ends):
    /// with mini-batches, the batches come from `batches` through a `MiniBatchLoss`, and the
    /// run is left holding the loss of the last batch it evaluated, as `step`-by-`step`
    /// replacement would leave it. When fewer steps were taken (Ctrl-C), the batches not
    /// used are drawn again by the next piece. Returns the steps taken.
    private mutating func takeSteps(_ count: Int, shouldStop: () -> Bool) -> Int {
        guard batches.batchSize != nil else { return run.run(count, shouldStop: shouldStop) }
        let unused = batches
        var pieceBatches: [ModelLoss] = []
        pieceBatches.reserveCapacity(count)
        for _ in 0..<count { pieceBatches.append(trainedLoss.batch(batches.next())) }
        let before = run.lossFunction
        run.replaceLoss(MiniBatchLoss(batches: pieceBatches, firstStep: run.stepCount + 1))
        let taken = run.run(count, shouldStop: shouldStop)
        if taken > 0 { run.replaceLoss(pieceBatches[taken - 1]) } else { run.replaceLoss(before) }
        if taken < count, run.ending == nil {
            batches = unused
            for _ in 0..<taken { _ = batches.next() }
        }
        return taken
    }

    /// Measures the whole sets at the run's point, in a workspace of its own; nil when
    /// `shouldStop` stopped it.
    private func measure(learningRate: Double, shouldStop: () -> Bool) -> EpochRecord? {
        let (training, validation) = (trainingMeasure, validationMeasure)
        var workspace = [Double](repeating: 0, count: Swift.max(training.measurementWorkspaceCount,
                                                                 validation?.measurementWorkspaceCount ?? 0))
        let measured = run.point.withUnsafeBufferPointer { point in
            workspace.withUnsafeMutableBufferPointer { workspace -> (ModelLoss.Measurement, ModelLoss.Measurement?)? in
                guard let train = training.measure(at: point, workspace: workspace, shouldStop: shouldStop) else { return nil }
                guard let validation else { return (train, nil) }
                guard let measured = validation.measure(at: point, workspace: workspace, shouldStop: shouldStop) else { return nil }
                return (train, measured)
            }
        }
        guard let (trainResult, validationResult) = measured else { return nil }
        return EpochRecord(epoch: epoch, step: stepCount, learningRate: learningRate, trainLoss: trainResult.loss,
                           validationLoss: validationResult?.loss, trainAccuracy: trainResult.accuracy,
                           validationAccuracy: validationResult?.accuracy)
    }
}

extension RecordingPolicy {
    /// What a training's run records per step: scalars only past 8 parameters, and the
    /// fewest rows a trace holds (16, thinned evenly over the steps). A training is read
    /// through its `EpochTrace`, one row per epoch; the run's own rows are only its outline,
    /// and a row not kept costs a step nothing (`Run.run`), where a kept one costs two norms
    /// over every parameter.
    public static let training = RecordingPolicy(perParameterLimit: 8, capacity: 16)
}

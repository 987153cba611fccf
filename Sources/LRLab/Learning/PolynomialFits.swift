/// `fit degree=1,3,9,15`: one polynomial model per degree, each trained the same way (same
/// split, optimizer, schedule, epochs, batches and initialisation seed) so that the table of
/// their training and validation errors shows under- and overfitting side by side.
///
/// **Errors** are the trainer's data losses after the last epoch (`MSELoss`, without the l2
/// term), measured on the whole training and validation sets. The **gap** is validation minus
/// training error.
///
/// **Verdicts** are `TrainingDiagnosis`'s, the rules `train` applies: each degree is judged on
/// its own training (the fit, then the optimizer's verdict where one applies), so the same
/// model trained the same way reads the same in `fit` and in `train`. The table's best is the
/// lowest validation error; a training that diverged (its errors not numbers, or its loss
/// grown past the start's) does not count for it.
public struct PolynomialFits: Sendable {
    /// One degree's training and its errors.
    public struct Fit: Sendable {
        public var degree: Int
        /// The finished training (its trace is the learning curve, its parameters the curve).
        public var trainer: Trainer
        /// Training error after the last epoch; nil when the training ended.
        public var trainError: Double?
        /// Validation error after the last epoch; nil without validation or when it ended.
        public var validationError: Double?
        /// `validationError − trainError`.
        public var gap: Double? {
            guard let trainError, let validationError else { return nil }
            return validationError - trainError
        }
        /// The training's verdicts, `TrainingDiagnosis.verdicts(for: trainer)`: the fit first
        /// (or `diverging` alone), then the optimizer's where one applies.
        public var verdicts: [TrainingVerdict] = []
        /// Epochs the degree trained (fewer than asked when it ended or was interrupted).
        public var epochs: Int { trainer.epoch }
        /// The training diverged (ended, or its loss grew past the start's): its errors say
        /// nothing of what its degree can fit, and it is left out of `best`.
        public var isDiverging: Bool { verdicts.contains { $0.kind == .diverging } }
    }

    public private(set) var fits: [Fit]
    /// True when `shouldStop` cut the work short: the last fit may be partial, later ones missing.
    public private(set) var wasStopped = false
    /// The lowest validation error of the table, nil without one.
    public private(set) var bestValidationError: Double?

    /// Trains one `poly degree=N` per entry of `degrees` on `split` for `epochs` epochs with
    /// `configuration` and `schedule`, batches of `batchSize` (nil: full) shuffled from
    /// `seed`, parameters from `initialization`, weight penalty `l2`. Throws when a model
    /// cannot be built for the data or its loss has no value at the start.
    public init(split: DataSplit, degrees: [Int], l2: Double = 0, initialization: ModelInitialization,
                configuration: OptimizerConfiguration, schedule: any LearningRateSchedule = ConstantSchedule(),
                epochs: Int, batchSize: Int?, seed: UInt64, shouldStop: () -> Bool = { false }) throws(FitError) {
        fits = []
        for degree in degrees {
            if shouldStop() { wasStopped = true; break }
            let specification = ModelSpecification(architecture: .polynomial(degree: degree), l2: l2, initialization: initialization)
            let model: any Model
            do throws(ModelError) { model = try specification.makeModel(for: split.training) } catch { throw .model(error) }
            var trainer: Trainer
            do throws(EvaluationError) {
                trainer = try Trainer(model: model, split: split, l2: l2, initialization: initialization,
                                      configuration: configuration, schedule: schedule, batchSize: batchSize, seed: seed)
            } catch { throw .evaluation(degree: degree, error) }
            let stop = trainer.train(epochs: epochs, shouldStop: shouldStop)
            var fit = Fit(degree: degree, trainer: trainer)
            fit.verdicts = TrainingDiagnosis.verdicts(for: trainer)
            if trainer.ending == nil, let last = trainer.trace.last {
                fit.trainError = last.trainLoss
                fit.validationError = last.validationLoss
            }
            fits.append(fit)
            if case .interrupted = stop { wasStopped = true; break }
        }
        bestValidationError = fits.filter { !$0.isDiverging }.compactMap(\.validationError).min()
    }
}

/// Why `fit` could not train a degree.
public enum FitError: Error, Sendable {
    /// The model does not suit the data (or is too big).
    case model(ModelError)
    /// The loss has no value at the start.
    case evaluation(degree: Int, EvaluationError)
}

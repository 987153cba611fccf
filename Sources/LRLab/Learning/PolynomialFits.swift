/// `fit degree=1,3,9,15`: one polynomial model per degree, each trained the same way (same
/// split, optimizer, schedule, epochs, batches and initialisation seed) so that the table of
/// their training and validation errors shows under- and overfitting side by side.
///
/// **Errors** are the trainer's data losses after the last epoch (`MSELoss`, without the l2
/// term), measured on the whole training and validation sets. The **gap** is validation minus
/// training error.
///
/// **Verdicts** compare each fit with the others of the table, since under- and overfitting
/// are about how flexible a model is next to what the data needs. With `best` the lowest
/// validation error of the table:
/// - *underfitting*: its training error is above `underfitRatio` × `best` (it fits the rows it
///   trains on worse than another degree predicts rows it never saw);
/// - *overfitting*: its validation error is above `overfitRatio` × its training error and
///   above `overfitRatio` × `best` (much worse on unseen rows than on its own rows, and worse
///   than the best degree);
/// - *good* otherwise. Without a validation set there is no verdict (nothing unseen to judge by).
/// A training that ended diverged is `ended`; one whose loss grew without ending is not judged
/// (`unjudged`, beside its `diverging`) and its errors do not count for `best`. Each fit also keeps the optimizer's verdicts from
/// `TrainingDiagnosis` (slow, bouncing, diverging), which say whether more epochs would help.
public struct PolynomialFits: Sendable {
    /// What the table says about one fit.
    public enum Verdict: String, Sendable, Hashable {
        case underfitting, good, overfitting
        /// The training diverged; its errors are not numbers.
        case ended
        /// No validation set, or a training that diverged without ending (its loss grew past
        /// the start's): nothing to judge the model by.
        case unjudged = "-"
    }

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
        /// The verdict of the table.
        public var verdict: Verdict = .unjudged
        /// The optimizer's verdicts on the training (`slow`, `bouncing`, `diverging`), from
        /// `TrainingDiagnosis`; empty when none applies.
        public var optimizerVerdicts: [TrainingVerdict] = []
        /// The training's loss grew instead of falling (a `diverging` optimizer verdict): the
        /// table gives it no verdict of its own (`unjudged`) and leaves it out of `best`.
        public var isDiverging = false
    }

    /// Training error above this × the best validation error: underfitting.
    public static let underfitRatio = 1.5
    /// Validation error above this × its training error and × the best: overfitting.
    public static let overfitRatio = 1.5

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
            let optimizerKinds: Set<TrainingVerdict.Kind> = [.slow, .bouncing, .diverging]
            fit.optimizerVerdicts = TrainingDiagnosis.verdicts(for: trainer).filter { optimizerKinds.contains($0.kind) }
            if trainer.ending != nil {
                fit.verdict = .ended
            } else if let last = trainer.trace.last {
                // A diverging training says nothing of what its degree can fit.
                if fit.optimizerVerdicts.contains(where: { $0.kind == .diverging }) { fit.isDiverging = true }
                fit.trainError = last.trainLoss
                fit.validationError = last.validationLoss
            }
            fits.append(fit)
            if case .interrupted = stop { wasStopped = true; break }
        }
        bestValidationError = fits.filter { !$0.isDiverging }.compactMap(\.validationError).min()
        for index in fits.indices where fits[index].verdict != .ended && !fits[index].isDiverging {
            fits[index].verdict = PolynomialFits.verdict(train: fits[index].trainError, validation: fits[index].validationError,
                                                         best: bestValidationError)
        }
    }

    /// The verdict for errors `train` and `validation` when the table's best validation error is `best`.
    public static func verdict(train: Double?, validation: Double?, best: Double?) -> Verdict {
        guard let train, let validation, let best else { return .unjudged }
        if train > underfitRatio * best { return .underfitting }
        if validation > overfitRatio * train && validation > overfitRatio * best { return .overfitting }
        return .good
    }
}

/// Why `fit` could not train a degree.
public enum FitError: Error, Sendable {
    /// The model does not suit the data (or is too big).
    case model(ModelError)
    /// The loss has no value at the start.
    case evaluation(degree: Int, EvaluationError)
}

/// `compare` on a model: one training per `Comparison.Entry` (an optimizer configuration and
/// schedule, as the explorer's `compare` builds them), every one from the same initial
/// parameters, on the same split, through the same sequence of mini-batches (the batches are
/// drawn from `seed`, so each copy sees the same rows in the same order), for the same number of
/// epochs. The tutorial's experiment: Adam at three rates, or every optimizer at one rate.
public struct TrainingComparison: Sendable {
    /// One entry's training, as it ended: its trace (the curves) and how it stopped. The
    /// training itself (its parameters and optimizer state) is not kept, so a comparison
    /// holds one model's state at a time, however many entries it has.
    public struct Result: Sendable {
        public var label: String
        /// One row per epoch, row 0 before training.
        public var trace: EpochTrace
        /// Set when the training diverged.
        public var ending: Run.Ending?
        /// Optimizer steps the training took.
        public var stepCount: Int
        /// Why its `train` returned.
        public var stop: Trainer.Stop
        /// `TrainingDiagnosis.verdicts` of the training as it ended: the words `train` would say.
        public var verdicts: [TrainingVerdict] = []
        /// The last trace row (row 0 when no epoch completed).
        public var last: EpochRecord? { trace.last }
    }

    public private(set) var results: [Result] = []
    public let epochs: Int
    /// True when `shouldStop` cut the work short: the last result may be partial, later entries missing.
    public private(set) var wasStopped = false

    /// Trains `model` once per entry of `entries` for `epochs` epochs on `split`, from
    /// `initialization`, weight penalty `l2`, batches of `batchSize` (nil: full) shuffled
    /// from `seed`. Throws when the loss has no value at the start. `shouldStop` is passed
    /// to each training and asked between entries.
    public init(model: any Model, split: DataSplit, l2: Double = 0, initialization: ModelInitialization,
                entries: [Comparison.Entry], epochs: Int, batchSize: Int?, seed: UInt64,
                shouldStop: () -> Bool = { false }) throws(EvaluationError) {
        self.epochs = epochs
        for entry in entries {
            if shouldStop() { wasStopped = true; return }
            var trainer: Trainer
            do throws(EvaluationError) {
                trainer = try Trainer(model: model, split: split, l2: l2, initialization: initialization,
                                      configuration: entry.configuration, schedule: entry.schedule,
                                      batchSize: batchSize, seed: seed, shouldStop: shouldStop)
            } catch {
                if error == .interrupted { wasStopped = true; return }
                throw error
            }
            guard trainer.isMeasured else { wasStopped = true; return }
            trainer.keepsBestParameters = false
            let stop = trainer.train(epochs: epochs, shouldStop: shouldStop)
            results.append(Result(label: entry.label, trace: trainer.trace, ending: trainer.ending, stepCount: trainer.stepCount, stop: stop,
                                  verdicts: TrainingDiagnosis.verdicts(for: trainer)))
            if case .interrupted = stop { wasStopped = true; return }
        }
    }
}

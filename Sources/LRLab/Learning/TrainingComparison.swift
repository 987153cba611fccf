/// `compare` on a model: one training per `Comparison.Entry` (an optimizer configuration and
/// schedule, as the explorer's `compare` builds them), every one from the same initial
/// parameters, on the same split, through the same sequence of mini-batches (the batches are
/// drawn from `seed`, so each copy sees the same rows in the same order), for the same number of
/// epochs. The tutorial's experiment: Adam at three rates, or every optimizer at one rate.
public struct TrainingComparison: Sendable {
    /// One entry's training.
    public struct Result: Sendable {
        public var label: String
        /// The finished (or stopped, or ended) training: its trace is the curves.
        public var trainer: Trainer
        /// Why its `train` returned.
        public var stop: Trainer.Stop
        /// The last trace row (row 0 when no epoch completed).
        public var last: EpochRecord? { trainer.trace.last }
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
            var trainer = try Trainer(model: model, split: split, l2: l2, initialization: initialization,
                                      configuration: entry.configuration, schedule: entry.schedule,
                                      batchSize: batchSize, seed: seed)
            let stop = trainer.train(epochs: epochs, shouldStop: shouldStop)
            results.append(Result(label: entry.label, trainer: trainer, stop: stop))
            if case .interrupted = stop { wasStopped = true; return }
        }
    }
}

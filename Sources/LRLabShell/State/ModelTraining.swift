import LRLab

/// A training in a session: the trainer and what it was made from, so that the next `train`
/// can tell whether it continues this one.
public struct ModelTraining {
    public internal(set) var trainer: Trainer
    public let specification: ModelSpecification
    /// Rows per batch as chosen (nil: full batches) and the shuffle's seed.
    public let batchSize: Int?
    public let seed: UInt64
    /// The optimizer and schedule the trainer's current run started with (`opt`, `schedule`).
    var optimizerDescription: String
    var scheduleDescription: String
}

/// What the training rules read: the epoch trace, the epoch the training keeps, how it ended,
/// and the scale its losses are judged by, the constant prediction's losses
/// (`TrainingDiagnosis.constantLosses`). Measurements are computed once, when a rule first
/// asks for them.
final class TrainingReading {
    let trace: EpochTrace
    let split: DataSplit
    /// The epoch early stopping kept (nil: the last).
    let keptEpoch: Int?
    let ending: Run.Ending?
    /// The constant prediction's loss on the training and the validation set.
    let constant: (training: Double, validation: Double?)

    init(trace: EpochTrace, split: DataSplit, keptEpoch: Int? = nil, ending: Run.Ending? = nil) {
        self.trace = trace
        self.split = split
        self.keptEpoch = keptEpoch
        self.ending = ending
        constant = TrainingDiagnosis.constantLosses(split)
    }

    convenience init(_ trainer: Trainer) {
        self.init(trace: trainer.trace, split: trainer.split, keptEpoch: trainer.keptEpoch, ending: trainer.ending)
    }

    var records: [EpochRecord] { trace.records }

    // MARK: The fit (at least one epoch trained)

    /// The last epoch trained.
    var last: EpochRecord { records[records.count - 1] }
    /// The epoch the fit is judged at: the kept one, or the last.
    lazy var kept: EpochRecord = keptEpoch.flatMap { epoch in records.first { $0.epoch == epoch } } ?? last
    /// `predicting the training mean` (values) or `… class frequencies` (classes).
    var constantName: String {
        split.training.isClassification ? "predicting the training class frequencies" : "predicting the training mean"
    }
    /// The kept training loss as a share of the constant prediction's; nil when the constant
    /// prediction leaves no loss (one training row, or one target value): no scale to call a
    /// loss high by.
    var trainFraction: Double? { constant.training > 0 ? kept.trainLoss / constant.training : nil }
    /// The kept training loss and its share of the constant prediction's, in words.
    var trainFact: Phrase {
        let rows = split.training.rowCount
        return trainFraction.map { "training loss \(.number(kept.trainLoss, digits: 4)) is \(.number(100 * $0, digits: 3))% of \(constantName) (\(.number(constant.training, digits: 4)))" }
            ?? "training loss \(.number(kept.trainLoss, digits: 4)); \(constantName) leaves no loss on \(rows) training row\(rows == 1 ? "" : "s"), so there is no scale to call it high or low by"
    }

    // MARK: The motion over the recent epochs

    /// The training loss's moves over the last (up to) `TrainingThresholds.recentEpochs`
    /// epochs. A change under `TrainingThresholds.flatChange` of the loss is rounding: neither
    /// a rise nor a fall.
    struct Motion {
        /// Epochs read (changes between consecutive rows).
        var epochs: Int
        var rises: Int
        var falls: Int
        /// The training loss at the first and the last row read.
        var start: Double
        var end: Double
    }

    lazy var motion: Motion = {
        let recent = Array(records.suffix(TrainingThresholds.recentEpochs + 1))
        var motion = Motion(epochs: recent.count - 1, rises: 0, falls: 0,
                            start: recent.first?.trainLoss ?? 0, end: recent.last?.trainLoss ?? 0)
        for index in recent.indices.dropFirst() {
            let before = recent[index - 1].trainLoss, change = recent[index].trainLoss - before
            if Swift.abs(change) <= TrainingThresholds.flatChange * Swift.abs(before) { continue }
            if change > 0 { motion.rises += 1 } else if change < 0 { motion.falls += 1 }
        }
        return motion
    }()

    /// `the training loss is flat at 0.219628 over the last 3 epochs …` when at least the last
    /// two epochs changed it by under `flatChange`: the optimizer has settled, on a plateau or
    /// at the model's best. Said in the fit's evidence when no motion rule holds.
    var flatStretch: Phrase? {
        var flat = 0
        for index in records.indices.dropFirst().reversed() {
            let before = records[index - 1].trainLoss, after = records[index].trainLoss
            guard Swift.abs(after - before) <= TrainingThresholds.flatChange * Swift.abs(before) else { break }
            flat += 1
        }
        guard flat >= 2, let last = records.last else { return nil }
        return "the training loss is flat at \(.number(last.trainLoss, digits: 6)) over the last \(flat) epochs (each change under "
            + "\(.number(TrainingThresholds.flatChange, digits: 1)) of it): the optimizer has settled, and more epochs at this rate will not lower it"
    }
}

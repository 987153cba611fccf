/// One row of a training trace: the state after epoch `epoch`, measured on the whole
/// training and validation sets after the epoch's last step (not averaged over its batches).
public struct EpochRecord: Sendable, Hashable {
    /// 0 before training, then 1, 2, …
    public var epoch: Int
    /// Updates made so far (the run's step count).
    public var step: Int
    /// The rate the epoch's last step used (0 on row 0, where no step was taken).
    public var learningRate: Double
    /// The data loss on the training set, without the l2 term.
    public var trainLoss: Double
    /// The data loss on the validation set; nil without one.
    public var validationLoss: Double?
    /// Fractions in [0, 1], for classifiers only (nil otherwise or without validation).
    public var trainAccuracy: Double?
    public var validationAccuracy: Double?

    public init(epoch: Int, step: Int, learningRate: Double, trainLoss: Double, validationLoss: Double?,
                trainAccuracy: Double?, validationAccuracy: Double?) {
        self.epoch = epoch
        self.step = step
        self.learningRate = learningRate
        self.trainLoss = trainLoss
        self.validationLoss = validationLoss
        self.trainAccuracy = trainAccuracy
        self.validationAccuracy = validationAccuracy
    }
}

/// A training's trace: one `EpochRecord` per epoch, row 0 before training. Its memory is
/// bounded by the epochs (a few doubles a row), whatever the model's size.
public struct EpochTrace: Sendable, Hashable {
    /// Whether rows carry accuracies (the data set has classes).
    public let isClassifier: Bool
    /// Whether rows carry validation columns.
    public let hasValidation: Bool
    public private(set) var records: [EpochRecord] = []
    /// Where `bestValidationEpoch` is in `records`, kept as rows are appended: a trainer asks
    /// after every epoch, and a scan each time made long trainings quadratic.
    private var bestValidationIndex: Int?

    public init(isClassifier: Bool, hasValidation: Bool) {
        self.isClassifier = isClassifier
        self.hasValidation = hasValidation
    }

    mutating func append(_ record: EpochRecord) {
        if let loss = record.validationLoss, loss < bestValidationIndex.flatMap({ records[$0].validationLoss }) ?? .infinity {
            bestValidationIndex = records.count
        }
        records.append(record)
    }

    /// The columns, by these names (`save trace` writes them): `epoch, step, lr, train_loss,
    /// val_loss`, and for classifiers `train_acc, val_acc`. Validation columns are present
    /// even without a validation set (their cells are then empty).
    public var columnNames: [String] {
        ["epoch", "step", "lr", "train_loss", "val_loss"] + (isClassifier ? ["train_acc", "val_acc"] : [])
    }

    /// Row `record`'s cells in `columnNames` order; nil where a value is absent.
    public func cells(_ record: EpochRecord) -> [Double?] {
        [Double(record.epoch), Double(record.step), record.learningRate, record.trainLoss, record.validationLoss]
            + (isClassifier ? [record.trainAccuracy, record.validationAccuracy] : [])
    }

    public var last: EpochRecord? { records.last }
    public var count: Int { records.count }

    /// The epoch with the lowest validation loss (the first on a tie), nil without validation.
    public var bestValidationEpoch: EpochRecord? { bestValidationIndex.map { records[$0] } }
}

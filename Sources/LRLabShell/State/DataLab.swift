import LRLab
import LRLabText

/// The data lab's state: the data set, the model, and what was learned from them (the
/// training `train` continues, the degrees of the last `fit`, the trainings of the last
/// `compare` on a model). Each result belongs to the data and model it was made from, so
/// changing the data or the model drops the results made from the old ones here, in one place.
public struct DataLab {
    /// The work of the data lab that a following `plot fit`, `plot loss` or `save` reads.
    public enum Work: Sendable {
        case training, fits, comparison
    }

    /// The data set models train on, split into training and validation rows.
    public private(set) var data: DataSplit?
    /// Where `data` came from and how it was made, as `data` alone describes it.
    public private(set) var source: DataSource?
    /// The model `model ...` chose.
    public private(set) var model: ModelSpecification?
    /// The latest `train` on this data and model, which the next `train` continues.
    public internal(set) var training: ModelTraining? {
        didSet { if training != nil { latest = .training; droppedTraining = nil } }
    }
    /// What the last change of data dropped, for the error of a claim that reads a training:
    /// `the training of logistic seed=0 on moons (30 epochs) was for the old data`.
    public private(set) var droppedTraining: String?
    /// The degrees of the last `fit` on this data.
    var fits: FittedDegrees? {
        didSet { if fits != nil { latest = .fits } }
    }
    /// The trainings of the last `compare` on this data and model.
    public internal(set) var comparison: TrainingComparison? {
        didSet { if comparison != nil { latest = .comparison } }
    }
    /// Which of the results above came last.
    public private(set) var latest: Work?

    /// Uses `split` from now on. Results learned from other data are dropped; the returned
    /// note says so when a training with epochs is among them (nil when nothing a user might
    /// miss was lost). The same data again keeps everything.
    mutating func setData(_ split: DataSplit, source: DataSource) -> String? {
        defer {
            data = split
            self.source = source
        }
        guard split != data else { return nil }
        let lost = training.flatMap { $0.trainer.epoch > 0 ? $0 : nil }
        training = nil
        fits = nil
        comparison = nil
        latest = nil
        droppedTraining = lost.map { training in
            "the training of \(training.specification.description) on \(training.trainer.split.training.shownName) "
                + "(\(NumberFormat.counted(training.trainer.epoch, "epoch"))) was for the old data"
        }
        return droppedTraining.map { "(" + $0 + " and is dropped)" }
    }

    /// Uses `specification` from now on: a new model starts untrained, so the training and the
    /// comparison of the old one are dropped (fits make their own models and stay).
    mutating func setModel(_ specification: ModelSpecification) {
        model = specification
        training = nil
        droppedTraining = nil
        comparison = nil
        if latest != .fits { latest = nil }
    }

    /// The training when it learned the current data and model and took at least one epoch.
    var trainedModel: ModelTraining? {
        guard let training, training.trainer.split == data, training.specification == model, training.trainer.epoch > 0 else { return nil }
        return training
    }
}

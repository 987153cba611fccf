import LRLab

/// The options several commands share, declared once so that each has one meaning, one
/// limit and one spelling everywhere: `train`, `fit`, `compare` and `pbt` read `epochs=`,
/// `batch=` and `seed=` from here.
extension CommandOption {
    /// `epochs=N`: passes over the training rows, at most `Limits.maximumEpochs`.
    static func epochs(default value: Int, _ summary: String) -> OptionKey<Int> {
        count("epochs", default: value, limit: Limits.maximumEpochs, summary)
    }

    /// `batch=full|N`: rows per step, at most `Limits.maximumBatchRows` (any batch of at least
    /// the training rows is a full batch).
    static func batch(default value: Int?, _ summary: String, defaultDescription: String? = nil) -> OptionKey<Int?> {
        OptionKey(CommandOption("batch", .batch(default: value), summary, defaultDescription: defaultDescription)) { given in
            if case .batch(let rows)? = given { return rows }
            return value
        }
    }

    /// `seed=N`: the seed of a random generator, 0 unless given.
    static func seed(_ summary: String, default value: UInt64 = 0) -> OptionKey<UInt64> {
        OptionKey(CommandOption("seed", .seed(default: value), summary)) { given in
            if case .seed(let seed)? = given { return seed }
            return value
        }
    }
}

/// The defaults every training shares, so `train`, `compare` and `pbt` on a model agree.
enum TrainingDefaults {
    /// Rows per step of a training when no `batch=` says otherwise (`train`, `compare`, `pbt`).
    static let batchRows = 32
    /// Epochs of `train` and of each training of `compare` and `pbt` on a model.
    static let epochs = 20
}

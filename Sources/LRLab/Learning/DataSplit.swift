/// A data set divided into the rows a model trains on and the rows it is judged on.
public struct DataSplit: Sendable, Equatable {
    public let training: Dataset
    /// Nil when every row trains (`split=1`).
    public let validation: Dataset?
    /// The fraction of rows that train (1 when a separate validation file was given).
    public let trainingFraction: Double
    /// The seed of the shuffle that chose the rows.
    public let seed: UInt64

    public init(training: Dataset, validation: Dataset?, trainingFraction: Double, seed: UInt64) {
        self.training = training
        self.validation = validation
        self.trainingFraction = trainingFraction
        self.seed = seed
    }

    /// Shuffles the rows of `data` with `seed` and keeps the first `⌊fraction · rows⌋` (at
    /// least one) for training, the rest for validation (nil when none are left): scikit-learn's
    /// `train_test_split(train_size=fraction)` count, so 0.8 of digits' 1,797 rows trains on
    /// 1,437. A product within 10⁻⁹ of a whole number counts as that number (0.29 × 100 is
    /// 28.999999999999996 in doubles, and keeps 29). `fraction` must lie in (0, 1].
    public init(splitting data: Dataset, trainingFraction fraction: Double, seed: UInt64) {
        precondition(fraction > 0 && fraction <= 1, "the training fraction lies in (0, 1]")
        var order = Array(0..<data.rowCount)
        var random = SeededRandom(seed: seed)
        random.shuffle(&order)
        let trainingCount = min(data.rowCount, max(1, DataSplit.trainingCount(fraction: fraction, rows: data.rowCount)))
        let validationRows = Array(order[trainingCount...])
        self.init(training: data.subset(rows: Array(order[..<trainingCount])),
                  validation: validationRows.isEmpty ? nil : data.subset(rows: validationRows),
                  trainingFraction: fraction, seed: seed)
    }

    /// `⌊fraction · rows⌋`, a product within 10⁻⁹ of a whole number taken as that number.
    static func trainingCount(fraction: Double, rows: Int) -> Int {
        let exact = fraction * Double(rows)
        let nearest = exact.rounded()
        return Int(saturating: abs(exact - nearest) <= 1e-9 * max(1, exact) ? nearest : exact.rounded(.down))
    }
}

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
    ///
    /// The rows are those of `data.subset(rows: order)`, `order` being `0..<rows` shuffled by
    /// `SeededRandom.shuffle`: the shuffle's swaps are made on the rows themselves, in place
    /// when nothing else holds `data`'s numbers, so a large set is not copied.
    public init(splitting data: consuming Dataset, trainingFraction fraction: Double, seed: UInt64) {
        precondition(fraction > 0 && fraction <= 1, "the training fraction lies in (0, 1]")
        let (name, featureNames, classNames, width) = (data.name, data.featureNames, data.classNames, data.featureCount)
        let rows = data.rowCount
        let trainingCount = min(rows, max(1, DataSplit.trainingCount(fraction: fraction, rows: rows)))
        var (features, target) = data.takeParts()
        var random = SeededRandom(seed: seed)
        let training: Dataset, validation: Dataset?
        switch target {
        case .classes(var labels, let classCount):
            target = .values([])  // `labels` alone holds them now
            Self.shuffleRows(&features, width: width, &labels, random: &random)
            let validationPart = Self.cut(&features, width: width, &labels, at: trainingCount)
            training = Dataset(name: name, featureNames: featureNames, features: features,
                               target: .classes(labels: labels, classCount: classCount), classNames: classNames)
            validation = validationPart.map { Dataset(name: name, featureNames: featureNames, features: $0.features,
                                                      target: .classes(labels: $0.targets, classCount: classCount), classNames: classNames) }
        case .values(var values):
            target = .values([])
            Self.shuffleRows(&features, width: width, &values, random: &random)
            let validationPart = Self.cut(&features, width: width, &values, at: trainingCount)
            training = Dataset(name: name, featureNames: featureNames, features: features, target: .values(values), classNames: classNames)
            validation = validationPart.map { Dataset(name: name, featureNames: featureNames, features: $0.features,
                                                      target: .values($0.targets), classNames: classNames) }
        }
        self.init(training: training, validation: validation, trainingFraction: fraction, seed: seed)
    }

    /// Makes on the rows of `features` (`width` numbers each) and on `targets` (one per row)
    /// the swaps `SeededRandom.shuffle` makes on an array of as many elements.
    static func shuffleRows<Target>(_ features: inout [Double], width: Int, _ targets: inout [Target], random: inout SeededRandom) {
        let rows = targets.count
        guard rows > 1 else { return }
        features.withUnsafeMutableBufferPointer { features in
            targets.withUnsafeMutableBufferPointer { targets in
                for index in stride(from: rows - 1, to: 0, by: -1) {
                    let other = random.nextIndex(below: index + 1)
                    guard other != index else { continue }
                    targets.swapAt(index, other)
                    for column in 0..<width { features.swapAt(index * width + column, other * width + column) }
                }
            }
        }
    }

    /// Keeps the first `count` rows in `features` and `targets` and returns the others (nil
    /// when there are none).
    static func cut<Target>(_ features: inout [Double], width: Int, _ targets: inout [Target],
                            at count: Int) -> (features: [Double], targets: [Target])? {
        guard count < targets.count else { return nil }
        let rest = (features: Array(features[(count * width)...]), targets: Array(targets[count...]))
        features.removeSubrange((count * width)...)
        targets.removeSubrange(count...)
        return rest
    }

    /// `⌊fraction · rows⌋`, a product within 10⁻⁹ of a whole number taken as that number.
    static func trainingCount(fraction: Double, rows: Int) -> Int {
        let exact = fraction * Double(rows)
        let nearest = exact.rounded()
        return Int(saturating: abs(exact - nearest) <= 1e-9 * max(1, exact) ? nearest : exact.rounded(.down))
    }
}

/// Examples to learn from: `rowCount` rows of `featureCount` numbers each, and one target per
/// row, either a class label (classification) or a real value (regression).
///
/// Features are stored row-major in one array (`features[row * featureCount + column]`), so a
/// model's forward pass reads a row as a contiguous slice and a copy of a data set is cheap
/// (copy-on-write). A data set never changes once made; `subset(rows:)` makes new ones.
public struct Dataset: Sendable, Equatable {
    /// What each row is to be predicted as.
    public enum Target: Sendable, Equatable {
        /// Class labels in `0..<classCount`.
        case classes(labels: [Int], classCount: Int)
        /// Real values to regress on.
        case values([Double])
    }

    /// A short name for messages (`moons`, `digits`, `data.csv`).
    public let name: String
    /// One name per feature column (`x`, `x1`, `pixel0`, a CSV header).
    public let featureNames: [String]
    /// `rowCount × featureCount` numbers, row after row.
    public let features: [Double]
    public let target: Target
    /// What each class label stands for when it is not the label itself (a CSV file's labels
    /// `-1, 1` become classes 0 and 1 named "-1" and "1"); nil: class `k` is called "k".
    public let classNames: [String]?

    /// Makes a data set. The counts must agree: `features.count == rows × featureNames.count`
    /// and one target per row, each label in `0..<classCount`; `classNames`, when given, has
    /// one name per class.
    public init(name: String, featureNames: [String], features: [Double], target: Target, classNames: [String]? = nil) {
        let featureCount = featureNames.count
        precondition(featureCount > 0, "a data set needs at least one feature")
        precondition(features.count % featureCount == 0, "features do not fill whole rows")
        let rows = features.count / featureCount
        switch target {
        case .classes(let labels, let classCount):
            precondition(labels.count == rows && labels.allSatisfy { (0..<classCount).contains($0) },
                         "one label in 0..<classCount per row")
        case .values(let values):
            precondition(values.count == rows, "one target value per row")
        }
        precondition(classNames == nil || classNames?.count == classCountOf(target), "one name per class")
        self.name = name
        self.featureNames = featureNames
        self.features = features
        self.target = target
        self.classNames = classNames
    }

    public var featureCount: Int { featureNames.count }
    public var rowCount: Int { features.count / featureCount }

    /// The number of classes, or nil for a regression set.
    public var classCount: Int? {
        if case .classes(_, let count) = target { return count }
        return nil
    }

    public var isClassification: Bool { classCount != nil }

    /// The features of row `row`.
    public func features(ofRow row: Int) -> ArraySlice<Double> {
        features[row * featureCount..<(row + 1) * featureCount]
    }

    /// The features and the target, taken out of the data set: when nothing else holds them,
    /// the caller is their only owner and may change them without a copy.
    consuming func takeParts() -> (features: [Double], target: Target) {
        (features, target)
    }

    /// The rows at `rows`, in that order, as a new data set with the same name and columns.
    public func subset(rows: [Int]) -> Dataset {
        var picked: [Double] = []
        picked.reserveCapacity(rows.count * featureCount)
        for row in rows { picked.append(contentsOf: features(ofRow: row)) }
        let pickedTarget: Target
        switch target {
        case .classes(let labels, let classCount):
            pickedTarget = .classes(labels: rows.map { labels[$0] }, classCount: classCount)
        case .values(let values):
            pickedTarget = .values(rows.map { values[$0] })
        }
        return Dataset(name: name, featureNames: featureNames, features: picked, target: pickedTarget, classNames: classNames)
    }

    /// The rows of `first` followed by those of `second`, which must have the same columns and
    /// kind of target (the name, feature names and class names are `first`'s).
    public init(concatenating first: Dataset, _ second: Dataset) {
        precondition(first.featureCount == second.featureCount, "the same columns")
        let target: Target
        switch (first.target, second.target) {
        case (.classes(let a, let k), .classes(let b, let l)):
            target = .classes(labels: a + b, classCount: max(k, l))
        case (.values(let a), .values(let b)):
            target = .values(a + b)
        default:
            preconditionFailure("the same kind of target")
        }
        self.init(name: first.name, featureNames: first.featureNames, features: first.features + second.features,
                  target: target, classNames: first.classNames)
    }

    /// The name of class `label`: its entry in `classNames`, else the label itself.
    public func className(_ label: Int) -> String {
        if let classNames, classNames.indices.contains(label) { return classNames[label] }
        return String(label)
    }
}

private func classCountOf(_ target: Dataset.Target) -> Int? {
    if case .classes(_, let count) = target { return count }
    return nil
}

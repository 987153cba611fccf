@testable import LRLab

/// Hand-made training histories for the training rules. The split's training targets are
/// 0 and 2 (mean 1) and so are its validation targets: the constant prediction's loss is 1 on
/// both sets, so every loss below is its own share of the constant's, and the thresholds read
/// directly (0.25 is `high-loss`'s edge).
enum TrainingRuleFixture {
    static let unit = Dataset(name: "unit", featureNames: ["x"], features: [0, 1], target: .values([0, 2]))

    /// A reading of epochs 0, 1, … with these training (and validation) losses.
    static func reading(_ train: [Double], validation: [Double]? = nil, kept: Int? = nil, ending: Run.Ending? = nil) -> TrainingReading {
        var trace = EpochTrace(isClassifier: false, hasValidation: validation != nil)
        for (epoch, loss) in train.enumerated() {
            trace.append(EpochRecord(epoch: epoch, step: epoch, learningRate: epoch == 0 ? 0 : 0.1, trainLoss: loss,
                                     validationLoss: validation?[epoch], trainAccuracy: nil, validationAccuracy: nil))
        }
        let split = DataSplit(training: unit, validation: validation == nil ? nil : unit, trainingFraction: 1, seed: 0)
        return TrainingReading(trace: trace, split: split, keptEpoch: kept, ending: ending)
    }

    /// The standard registry's verdicts on `reading(…)`.
    static func verdicts(_ train: [Double], validation: [Double]? = nil, kept: Int? = nil, ending: Run.Ending? = nil,
                         rules: TrainingRules = .standard) -> [TrainingVerdict] {
        rules.verdicts(reading(train, validation: validation, kept: kept, ending: ending))
    }

    /// `kind@rule` of each verdict, the way the edge tests compare them.
    static func said(_ train: [Double], validation: [Double]? = nil, kept: Int? = nil, ending: Run.Ending? = nil,
                     rules: TrainingRules = .standard) -> [String] {
        verdicts(train, validation: validation, kept: kept, ending: ending, rules: rules).map { "\($0.name)@\($0.rule)" }
    }
}

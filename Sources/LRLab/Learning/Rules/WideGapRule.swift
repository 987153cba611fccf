/// Overfitting as it stands at the kept epoch: validation far above training, judged by ratio
/// and by difference (a small loss doubled is no gap worth the word unless the difference is
/// a real share of the constant prediction's loss).
struct WideGapRule: TrainingRule {
    /// A gap is wide when validation is above this many times the training loss…
    static let gapRatio = 2.0
    /// …and the difference is at least this fraction of the constant prediction's validation loss;
    static let gapFraction = 0.1
    /// or when validation is above this many times the training loss and the difference is at
    /// least `TrainingThresholds.shareOfConstant` of it (a model that interpolates its rows,
    /// with a small but real gap).
    static let largeGapRatio = 10.0

    var name: String { "wide-gap" }
    var stage: TrainingStage { .fit }
    var outcome: Outcome { .overfitting }
    var condition: String {
        "validation over \(Self.number(Self.gapRatio))× training by \(Self.percent(Self.gapFraction)) of the constant's loss, or over \(Self.number(Self.largeGapRatio))× by \(Self.percent(TrainingThresholds.shareOfConstant))"
    }

    /// Whether `validation` is a wide gap above `training`, on the scale of the constant
    /// prediction's validation loss `constant` (none: no scale, no gap).
    static func isWide(validation: Double, training: Double, constant: Double?) -> Bool {
        guard let constant, validation > gapRatio * training else { return false }
        return validation - training >= gapFraction * constant
            || (validation > largeGapRatio * training && validation - training >= TrainingThresholds.shareOfConstant * constant)
    }

    func verdict(_ reading: TrainingReading) -> TrainingVerdict? {
        let kept = reading.kept
        guard let validation = kept.validationLoss, let constant = reading.constant.validation,
              Self.isWide(validation: validation, training: kept.trainLoss, constant: constant) else { return nil }
        return TrainingVerdict(kind: .overfitting, summary: "validation loss is far above training loss: the model learned the training rows' noise",
                               evidence: ["validation loss \(.number(validation, digits: 4)) is ×\(.number(validation / kept.trainLoss, digits: 3)) the training loss \(.number(kept.trainLoss, digits: 4))",
                                          "the gap is \(.number(100 * (validation - kept.trainLoss) / constant, digits: 3))% of \(reading.constantName) on the validation set"],
                               bestEpoch: reading.trace.bestValidationEpoch?.epoch)
    }
}

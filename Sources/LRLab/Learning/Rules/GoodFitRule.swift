/// The fit's last rule, which always holds: no high training loss and no overfitting, so a
/// `good-fit`. Its summary says "close" only with validation within
/// `TrainingThresholds.closeRatio` of training, and otherwise gives the small gap.
struct GoodFitRule: TrainingRule {
    var name: String { "low-loss" }
    var stage: TrainingStage { .fit }
    var outcome: Outcome { .goodFit }
    var condition: String { "otherwise" }

    func verdict(_ reading: TrainingReading) -> TrainingVerdict? {
        let kept = reading.kept
        var evidence = [reading.trainFact]
        let summary: Phrase
        if let validation = kept.validationLoss {
            evidence.append("validation loss \(.number(validation, digits: 4)) (×\(.number(validation / kept.trainLoss, digits: 3)) the training loss)")
            if validation <= TrainingThresholds.closeRatio * kept.trainLoss {
                summary = "low training loss and a validation loss close to it"
            } else {
                let share: Phrase = reading.constant.validation.map { ", \(.number(100 * (validation - kept.trainLoss) / $0, digits: 3))% of \(reading.constantName)" } ?? ""
                summary = "low training and validation loss; validation is ×\(.number(validation / kept.trainLoss, digits: 3)) the training loss, but the gap is small (\(.number(validation - kept.trainLoss, digits: 3))\(share))"
            }
        } else {
            evidence.append("no validation set: how well it generalizes is not measured")
            summary = "low training loss"
        }
        return TrainingVerdict(kind: .goodFit, summary: summary, evidence: evidence)
    }
}

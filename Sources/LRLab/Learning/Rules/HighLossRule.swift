/// The tutorial's underfitting: the training loss itself is high, so the model misses the
/// pattern even on the rows it trains on, and validation (no wide gap above it) is high too.
///
/// It is tried before the fit's overfitting rules. Overfitting is learning the noise of the
/// training rows on top of their pattern, which needs a training loss already low; a model
/// still at a quarter or more of the constant prediction's loss has not fitted the pattern,
/// and a validation loss that rises meanwhile is a rigid model moving between two poor fits
/// (a line on a sine, fitted to 14 rows, tilting away from the other 31), not noise learned.
/// A wide gap above a high training loss is still said as overfitting (`WideGapRule`): the
/// model has both problems, and the gap is the larger. Under early stopping the loss must be
/// high at the kept epoch and still at the last one trained: a training that went on to fit
/// its rows while validation rose is overfitting, stopped early (`ValidationRoseRule`).
struct HighLossRule: TrainingRule {
    /// A training loss is **high** when it is at least this fraction of the constant
    /// prediction's on the same set (the training mean for values: 1 − R² ≥ 0.25; the class
    /// frequencies for classes). A model that removes less than three quarters of what the
    /// best constant leaves has not captured the pattern; noise in the data sets a floor, so on
    /// very noisy data even the true curve can read as underfitting, and the evidence gives the
    /// fraction so the reader can judge.
    static let highLossFraction = 0.25

    var name: String { "high-loss" }
    var stage: TrainingStage { .fit }
    var outcome: Outcome { .underfitting }
    var condition: String {
        "the training loss is \(Self.percent(Self.highLossFraction)) of the constant's or more (kept and last epoch), validation no wide gap above it"
    }

    func verdict(_ reading: TrainingReading) -> TrainingVerdict? {
        guard let fraction = reading.trainFraction, fraction >= Self.highLossFraction else { return nil }
        let kept = reading.kept, last = reading.last
        var evidence = [reading.trainFact]
        if last.epoch != kept.epoch {
            let lastFraction = last.trainLoss / reading.constant.training
            guard lastFraction >= Self.highLossFraction else { return nil }
            evidence.append("and \(.number(100 * lastFraction, digits: 3))% of it at epoch \(last.epoch), the last trained")
        }
        var summary: Phrase = "training and validation loss are both high and close: a more flexible model (or more training) would fit better"
        if let validation = kept.validationLoss {
            guard !WideGapRule.isWide(validation: validation, training: kept.trainLoss, constant: reading.constant.validation) else { return nil }
            if validation <= TrainingThresholds.closeRatio * kept.trainLoss {
                evidence.append("validation loss \(.number(validation, digits: 4)) is close to it (within ×\(.number(TrainingThresholds.closeRatio, digits: 2)))")
            } else {
                evidence.append("validation loss \(.number(validation, digits: 4)) is ×\(.number(validation / kept.trainLoss, digits: 3)) of it: higher still, but no wide gap")
                summary = "training and validation loss are both high: a more flexible model (or more training) would fit better"
            }
        } else {
            evidence.append("no validation set: judged on the training loss alone")
        }
        return TrainingVerdict(kind: .underfitting, summary: summary, evidence: evidence)
    }
}

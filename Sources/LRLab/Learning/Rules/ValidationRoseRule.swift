/// Overfitting as it happens: since the epoch of lowest validation loss, the validation loss
/// rose while the training loss kept falling, each by more than a wobble on the scale of the
/// constant prediction's loss. Read to the last epoch trained, even when early stopping kept
/// the lowest one. Tried after `HighLossRule`: a rise beside a high training loss is not noise
/// learned.
struct ValidationRoseRule: TrainingRule {
    /// The validation loss has **risen** when it ends at least this fraction above its lowest
    /// (and by `TrainingThresholds.shareOfConstant` of the constant prediction's loss, so a
    /// rise of 0.0001 on a loss of 0.002, a good fit wobbling at its floor, is not one).
    static let validationRise = 0.05

    var name: String { "validation-rose" }
    var stage: TrainingStage { .fit }
    var outcome: Outcome { .overfitting }
    var condition: String {
        let share = Self.percent(TrainingThresholds.shareOfConstant)
        return "since its lowest, validation rose \(Self.percent(Self.validationRise)) (and \(share) of the constant's loss) while training fell \(share) of it"
    }

    func verdict(_ reading: TrainingReading) -> TrainingVerdict? {
        let last = reading.last, share = TrainingThresholds.shareOfConstant
        guard let best = reading.trace.bestValidationEpoch, let bestLoss = best.validationLoss,
              let now = last.validationLoss, best.epoch < last.epoch,
              now >= bestLoss * (1 + Self.validationRise), last.trainLoss < best.trainLoss,
              now - bestLoss >= share * (reading.constant.validation ?? 0),
              best.trainLoss - last.trainLoss >= share * reading.constant.training else { return nil }
        let stopping: Phrase = reading.keptEpoch == best.epoch ? "early stopping kept epoch \(best.epoch)" : "early stopping would stop at epoch \(best.epoch)"
        return TrainingVerdict(kind: .overfitting,
                               summary: "validation loss rose while training loss fell; " + stopping,
                               evidence: ["validation loss lowest at epoch \(best.epoch) (\(.number(bestLoss, digits: 4))), \(.number(now, digits: 4)) at epoch \(last.epoch) (+\(.number(100 * (now / bestLoss - 1), digits: 3))%)",
                                          "training loss fell from \(.number(best.trainLoss, digits: 4)) to \(.number(last.trainLoss, digits: 4)) meanwhile"],
                               bestEpoch: best.epoch)
    }
}

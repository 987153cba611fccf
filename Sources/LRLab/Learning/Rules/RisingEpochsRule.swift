/// The training loss goes up and down between epochs: `bouncing`, beside the fit. Changes
/// under `TrainingThresholds.flatChange` of the loss are rounding and count as neither rises
/// nor falls, so a flat loss is never bouncing.
struct RisingEpochsRule: TrainingRule {
    /// Least share of the recent epochs in which the training loss rose (and at least
    /// `minimumRises` of them): a loss that falls overall with a rare rise is settling.
    static let riseFraction = 0.3
    static let minimumRises = 2

    var name: String { "rising-epochs" }
    var stage: TrainingStage { .motion }
    var outcome: Outcome { .bouncing }
    var condition: String { "the training loss rose in \(Self.percent(Self.riseFraction)) of the epochs or more, at least \(Self.minimumRises)" }

    func verdict(_ reading: TrainingReading) -> TrainingVerdict? {
        let motion = reading.motion
        guard motion.epochs >= 2, motion.rises >= Self.minimumRises, Double(motion.rises) >= Self.riseFraction * Double(motion.epochs) else { return nil }
        return TrainingVerdict(kind: .bouncing, summary: "the training loss goes up and down between epochs; a lower learning rate (or a larger batch) would settle it",
                               evidence: ["the training loss rose in \(motion.rises) of the last \(motion.epochs) epochs"])
    }
}

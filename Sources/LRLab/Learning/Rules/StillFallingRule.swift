/// The training loss was still falling steadily at the end: `slow`, more epochs would help.
/// Beside an `underfitting` fit it stands alone in its place: a loss still falling has not
/// shown what the model can fit, and calling it underfitting would blame the model for what
/// more epochs may fix (the high loss stays in the evidence).
struct StillFallingRule: TrainingRule {
    /// Least fall per epoch, on average over the recent epochs, as a fraction of the loss.
    static let decreasePerEpoch = 0.01
    /// Least fall over the recent epochs in all, as a fraction of the constant prediction's
    /// loss: a loss already near 0 that keeps halving is not called slow.
    static let decreaseOfConstant = 0.01

    var name: String { "still-falling" }
    var stage: TrainingStage { .motion }
    var outcome: Outcome { .slow }
    var condition: String {
        "the training loss fell every epoch, \(Self.percent(Self.decreasePerEpoch)) an epoch and \(Self.percent(Self.decreaseOfConstant)) of the constant's in all; alone instead of underfitting"
    }

    func verdict(_ reading: TrainingReading) -> TrainingVerdict? {
        let motion = reading.motion
        guard motion.epochs >= 2, motion.falls == motion.epochs, motion.start > 0, motion.end > 0,
              motion.start - motion.end >= Self.decreaseOfConstant * reading.constant.training else { return nil }
        let perEpoch = 1 - _pow(motion.end / motion.start, 1 / Double(motion.epochs))
        guard perEpoch >= Self.decreasePerEpoch else { return nil }
        return TrainingVerdict(kind: .slow, summary: "the training loss is still falling: more epochs (or a higher learning rate) would lower it",
                               evidence: ["the training loss fell in each of the last \(motion.epochs) epochs, by \(.number(100 * perEpoch, digits: 3))% per epoch on average"])
    }

    func replacing(fit: TrainingVerdict, with verdict: TrainingVerdict) -> TrainingVerdict? {
        guard fit.kind == .underfitting else { return nil }
        return TrainingVerdict(kind: .slow, summary: verdict.summary,
                               evidence: verdict.evidence + fit.evidence.prefix(1)
                                   + ["too early to call it underfitting: train until the loss levels off, then judge the model"])
    }
}

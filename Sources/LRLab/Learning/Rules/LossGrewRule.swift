/// The training loss grew well above the start's without the run ending: `diverging`, alone
/// (a fit read from a loss worse than the untrained model's would say nothing of the model).
struct LossGrewRule: TrainingRule {
    /// The last training loss at least this many times the loss before training has grown:
    /// more than the wobble of a training that moves at all, far less than a blow-up.
    static let growthFactor = 1.5

    var name: String { "loss-grew" }
    var stage: TrainingStage { .whole }
    var outcome: Outcome { .diverging }
    var condition: String { "the last training loss is \(Self.number(Self.growthFactor))× the start's or more" }

    func verdict(_ reading: TrainingReading) -> TrainingVerdict? {
        guard let first = reading.records.first, reading.records.count > 1 else { return nil }
        let last = reading.last
        guard last.trainLoss >= Self.growthFactor * first.trainLoss, last.trainLoss > first.trainLoss else { return nil }
        return TrainingVerdict(kind: .diverging, summary: "the training loss grew instead of falling; lower the learning rate",
                               evidence: ["training loss \(.number(first.trainLoss, digits: 4)) before training, \(.number(last.trainLoss, digits: 4)) at epoch \(last.epoch)"])
    }
}

/// The training ended (a step diverged, or a loss measured after an epoch is no longer a
/// number): `diverging`, alone, with the ending and the last finite epoch.
struct TrainingBlewUpRule: TrainingRule {
    var name: String { "ended" }
    var stage: TrainingStage { .whole }
    var outcome: Outcome { .diverging }
    var condition: String { "the training ended: a step diverged, or a measured loss is not a number" }

    func verdict(_ reading: TrainingReading) -> TrainingVerdict? {
        guard let ending = reading.ending else { return nil }
        var evidence: [Phrase] = [ending.description]
        if reading.records.count > 1 {
            let last = reading.last
            evidence.append("the last finite epoch, \(last.epoch), had training loss \(.number(last.trainLoss, digits: 4))")
        }
        return TrainingVerdict(kind: .diverging, summary: "the training blew up; lower the learning rate", evidence: evidence)
    }
}

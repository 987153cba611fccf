/// No epoch trained yet: `unstarted`.
struct NoEpochRule: TrainingRule {
    var name: String { "no-epoch" }
    var stage: TrainingStage { .whole }
    var outcome: Outcome { .unstarted }
    var condition: String { "no epoch trained yet" }

    func verdict(_ reading: TrainingReading) -> TrainingVerdict? {
        guard reading.records.count <= 1 else { return nil }
        return TrainingVerdict(kind: .unstarted, summary: "no epoch trained yet")
    }
}

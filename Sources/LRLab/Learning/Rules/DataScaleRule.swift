/// A training loss astronomically large (or not a number) before the first step: `diverging`,
/// said as a problem of the data's scale, naming the feature (or the target) with the largest
/// values. No learning rate is the cure, so no other verdict is said beside it.
struct DataScaleRule: TrainingRule {
    /// A training loss this large before the first step says the data's scale is wrong, not
    /// the learning rate: squares of features past 1e50 leave no rate that is both
    /// representable and useful (gradients squared pass the largest double, 1.8e308).
    static let astronomicalLoss = 1e100

    var name: String { "data-scale" }
    var stage: TrainingStage { .whole }
    var outcome: Outcome { .diverging }
    var condition: String { "the training loss is 1e100 or more (or not a number) before the first step" }

    func verdict(_ reading: TrainingReading) -> TrainingVerdict? {
        guard let start = reading.records.first, !(start.trainLoss < Self.astronomicalLoss) else { return nil }
        let data = reading.split.training
        var largest = (name: "", size: 0.0)
        for row in 0..<data.rowCount {
            for (column, value) in data.features(ofRow: row).enumerated() where !(Swift.abs(value) <= largest.size) {
                largest = ("feature '\(data.featureNames[column])'", Swift.abs(value))
            }
        }
        if case .values(let targets) = data.target, let top = targets.map({ Swift.abs($0) }).max(), !(top <= largest.size) {
            largest = ("the target", top)
        }
        let culprit: Phrase = largest.name.isEmpty ? "" : ": \(largest.name) reaches \(.number(largest.size, digits: 3)) in size"
        return TrainingVerdict(kind: .diverging,
                               summary: "the loss is \(.number(start.trainLoss, digits: 4)) before the first step, a problem of the data's scale, not of the learning rate\(culprit)",
                               evidence: ["no learning rate trains on numbers this large: rescale the data (subtract each column's mean, divide by its spread) and train again"]
                                   + (reading.ending.map { [$0.description] } ?? []))
    }
}

@testable import LRLab

/// A rule that exists only in the tests: a training loss of exactly 0 at the kept epoch is a
/// `good-fit` "fitting every training row exactly", whatever validation says. It proves a
/// training rule is its own file plus one registry line
/// (`TrainingRuleTests.aToyRuleIsItsFileAndOneRegistryLine`).
struct ExactFitRule: TrainingRule {
    var name: String { "exact-fit" }
    var stage: TrainingStage { .fit }
    var outcome: Outcome { .goodFit }
    var condition: String { "the training loss is exactly 0" }

    func verdict(_ reading: TrainingReading) -> TrainingVerdict? {
        guard reading.kept.trainLoss == 0 else { return nil }
        return TrainingVerdict(kind: .goodFit, summary: "fitting every training row exactly")
    }
}

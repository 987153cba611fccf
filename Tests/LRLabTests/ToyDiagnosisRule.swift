@testable import LRLab

/// A rule that exists only in the tests: after exactly seven steps a run is `stuck` "at the
/// seventh step". It proves a rule is its own file plus one registry line
/// (`DiagnosisRuleTests.aToyRuleIsItsFileAndOneRegistryLine`).
struct SeventhStepRule: DiagnosisRule {
    var name: String { "seventh-step" }
    var phase: DiagnosisPhase { .running }
    var outcome: Outcome { .stuck }
    var condition: String { "the run has taken exactly seven steps" }

    func verdict(_ reading: DiagnosisReading) -> Verdict? {
        guard reading.run.stepCount == 7 else { return nil }
        return Verdict(kind: .stuck, summary: "at the seventh step", stuckReason: .plateau)
    }
}

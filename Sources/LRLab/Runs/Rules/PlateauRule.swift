/// The loss stopped changing while the gradient norm is not shrinking: `stuck` on a plateau.
/// A loss that changes by less than rounding while the gradient keeps shrinking is a run
/// closing in on a minimum whose value is not 0, not a plateau.
struct PlateauRule: DiagnosisRule {
    /// Least gradient-norm factor per step over the window for a run whose loss stopped
    /// changing to be on a plateau: a norm that still shrinks faster is closing in on a minimum.
    static let normFactor = 0.999

    var name: String { "plateau" }
    var phase: DiagnosisPhase { .running }
    var outcome: Outcome { .stuck }
    var condition: String { "half the window's steps changed the loss by under 1e-12 and the gradient does not shrink" }

    func verdict(_ reading: DiagnosisReading) -> Verdict? {
        guard 2 * reading.plateauRows >= reading.rows, (reading.rho ?? 1) >= Self.normFactor else { return nil }
        return Verdict(kind: .stuck, summary: "on a plateau: the loss stopped changing while the gradient norm is \(reading.f(reading.norms[reading.last]))",
                       evidence: ["\(reading.plateauRows) \(reading.ofWindow) changed the loss by less than 1e-12 relative",
                                  "learning rate in force: \(reading.f(reading.run.nextLearningRate))"] + reading.theory,
                       growthFactor: reading.rho, stuckReason: .plateau)
    }
}

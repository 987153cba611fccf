/// Converged earlier and thrown out again while the loss stayed under the start's: `bouncing`,
/// a bounded swing (the bursts of an adaptive optimizer near a minimum, or gradient noise).
struct ThrownOutRule: DiagnosisRule {
    var name: String { "thrown-out" }
    var phase: DiagnosisPhase { .running }
    var outcome: Outcome { .bouncing }
    var condition: String { "it was under the tolerance once, then past 1000× it, the loss under the start's" }

    func verdict(_ reading: DiagnosisReading) -> Verdict? {
        guard let left = Self.convergedAndLeft(reading) else { return nil }
        let norms = reading.norms, last = reading.last
        return Verdict(kind: .bouncing,
                       summary: "it converged at step \(left.converged) but was thrown out again; the swing is bounded and keeps coming back",
                       evidence: ["the gradient norm was under \(reading.f(reading.tolerance)) at step \(left.converged) and is \(reading.f(norms[last])) now",
                                  "the largest loss since then is \(reading.f(left.peak, 6)), below the start's \(reading.f(reading.losses[0], 6)): not a divergence",
                                  Self.whyItLeft(reading)].compactMap { $0 } + reading.theory,
                       growthFactor: reading.rho, directionName: reading.bounce?.name)
    }

    /// The first step under the tolerance, when the run got there and has since been thrown
    /// out (its gradient norm rose past `DiagnosisThresholds.thrownOutFactor` × the tolerance)
    /// while its loss stayed below the start's.
    static func convergedAndLeft(_ reading: DiagnosisReading) -> (converged: Int, peak: Double)? {
        let norms = reading.norms, losses = reading.losses, last = reading.last, tolerance = reading.tolerance
        guard let row = norms.firstIndex(where: { $0 < tolerance }), row < last,
              norms[row...last].contains(where: { $0 >= DiagnosisThresholds.thrownOutFactor * tolerance }) else { return nil }
        let peak = losses[row...last].lazy.filter(\.isFinite).max() ?? losses[last]
        guard peak < losses[0] || last == 0 else { return nil }
        return (reading.reader.steps[row], peak)
    }

    static func whyItLeft(_ reading: DiagnosisReading) -> Phrase? {
        if reading.noise > 0 { return "gradient noise (σ=\(reading.f4(reading.noise))) kicks it out: a smaller or annealed rate keeps it closer" }
        guard Curvature.momentumCoefficient(of: reading.run.configuration) == nil else { return nil }
        return "an adaptive step lr/√v grows as v shrinks near a minimum: a smaller rate or a larger eps keeps it there"
    }
}

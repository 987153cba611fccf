/// Under the tolerance again after having converged once and been thrown out (the gradient
/// norm reached `DiagnosisThresholds.thrownOutFactor` × the tolerance in between): a bounded
/// swing that keeps coming back (Adam's bursts near a minimum), not a convergence to trust.
struct BackAgainRule: DiagnosisRule {
    var name: String { "back-again" }
    var phase: DiagnosisPhase { .underTolerance }
    var outcome: Outcome { .bouncing }
    var condition: String { "it was under once before and thrown out past 1000× the tolerance" }

    func verdict(_ reading: DiagnosisReading) -> Verdict? {
        let norms = reading.norms, tolerance = reading.tolerance, start = reading.restStart
        let thrownOut = DiagnosisThresholds.thrownOutFactor * tolerance
        guard let earlier = norms[..<start].firstIndex(where: { $0 < tolerance }),
              norms[earlier..<start].contains(where: { $0 >= thrownOut }) else { return nil }
        let steps = reading.reader.steps
        var left = earlier
        while left < start, norms[left] < thrownOut { left += 1 }
        let peak = reading.losses[left..<start].lazy.filter(\.isFinite).max() ?? reading.losses[reading.last]
        var evidence: [Phrase] = ["the gradient norm is \(Phrase.under(norms[reading.last], tolerance)) since step \(steps[start])",
                                  "but it was under \(reading.f(tolerance)) at step \(steps[earlier]) already and was thrown out by step \(steps[left]); "
                                      + "the loss went back up to \(reading.f(peak, 6)) in between"]
        if Curvature.momentumCoefficient(of: reading.run.configuration) == nil {
            evidence.append("an adaptive step lr/√v grows as v shrinks near a minimum: a smaller rate or a larger eps keeps it there")
        }
        return Verdict(kind: .bouncing,
                       summary: "under the tolerance again since step \(steps[start]), but it was thrown out once already "
                           + "(converged at step \(steps[earlier]), out again by step \(steps[left])): a bounded swing that keeps coming back",
                       evidence: evidence, convergedStep: steps[start])
    }
}

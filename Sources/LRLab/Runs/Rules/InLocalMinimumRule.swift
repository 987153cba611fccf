/// Converged in a local minimum: the nearest known minimum is not the global one, or the loss
/// is above the known minimum value by more than `DiagnosisThresholds.lossAboveMinimum`: `stuck`.
struct InLocalMinimumRule: DiagnosisRule {
    var name: String { "local-minimum" }
    var phase: DiagnosisPhase { .underTolerance }
    var outcome: Outcome { .stuck }
    var condition: String { "at a known local minimum, or with a loss above the known minimum value" }

    func verdict(_ reading: DiagnosisReading) -> Verdict? {
        let objective = reading.objective, here = reading.here, loss = reading.losses[reading.last]
        var evidence = reading.restEvidence
        if let nearest = objective.nearestMinimum(to: here), !nearest.isGlobal,
           nearest.distance <= DiagnosisThresholds.knownPointDistance * Swift.max(1, nearest.point.map { Swift.abs($0) }.max() ?? 0) {
            if let global = objective.minimumValue {
                evidence.append("the global minimum value is \(reading.f(global, 8)); this one is \(reading.f(loss - global)) higher")
            }
            if let best = objective.minima.first {
                evidence.append("the global minimum is at \(.point(best))")
            }
            return Verdict(kind: .stuck, summary: "in the local minimum at \(.point(nearest.point)) since step \(reading.convergedStep)",
                           evidence: evidence, convergedStep: reading.convergedStep, stuckReason: .localMinimum(point: nearest.point))
        }
        if let global = objective.minimumValue, loss - global > DiagnosisThresholds.lossAboveMinimum * Swift.max(1, Swift.abs(global)) {
            evidence.append("the known minimum value is \(reading.f(global, 8)); this point is \(reading.f(loss - global)) higher")
            return Verdict(kind: .stuck, summary: "in a local minimum at \(.point(here)) since step \(reading.convergedStep)",
                           evidence: evidence, convergedStep: reading.convergedStep, stuckReason: .localMinimum(point: here))
        }
        return nil
    }
}

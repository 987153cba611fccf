/// Converged at a saddle: the Hessian has a negative eigenvalue where the gradient vanished (or
/// a known saddle is within `DiagnosisThresholds.knownPointDistance`): `stuck`.
struct AtSaddleRule: DiagnosisRule {
    var name: String { "at-saddle" }
    var phase: DiagnosisPhase { .underTolerance }
    var outcome: Outcome { .stuck }
    var condition: String { "the Hessian there has a negative eigenvalue, or a known saddle is there" }

    func verdict(_ reading: DiagnosisReading) -> Verdict? {
        let here = reading.here, report = reading.curvature
        let eigenvalues = report.directions.map(\.eigenvalue)
        let largest = eigenvalues.map { Swift.abs($0) }.filter(\.isFinite).max() ?? 0
        let knownSaddle = reading.objective.saddles.first {
            EuclideanNorm.distance($0, here) <= DiagnosisThresholds.knownPointDistance * reading.scale
        }
        guard let lowest = eigenvalues.last, lowest.isFinite,
              lowest < -DiagnosisThresholds.negativeCurvature * Swift.max(1, largest) || knownSaddle != nil else { return nil }
        let saddle = knownSaddle ?? here
        var evidence = reading.restEvidence
        evidence.append("the Hessian has λ_min = \(reading.f(lowest)) there: a direction that curves down")
        if let low = report.directions.last {
            evidence.append("a push \(report.name(of: low)) would let it escape; the gradient there is exactly balanced")
        }
        return Verdict(kind: .stuck, summary: "at a saddle point \(.point(saddle)) since step \(reading.convergedStep)",
                       evidence: evidence, convergedStep: reading.convergedStep, stuckReason: .saddle(point: saddle))
    }
}

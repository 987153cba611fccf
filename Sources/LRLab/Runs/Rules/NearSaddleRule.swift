/// Still moving but with almost no gradient near a point where the Hessian curves down:
/// `stuck` near a saddle (named after the known saddle when one is close).
struct NearSaddleRule: DiagnosisRule {
    /// Most gradient norm, as a share of the largest in the run, for the run to be examined
    /// for a saddle: the gradient is almost 0.
    static let normShare = 1e-3
    /// Most distance, relative to the point's scale, to a known saddle for the verdict to name
    /// it rather than the current point (a run still approaching is not on it yet).
    static let nearDistance = 0.1

    var name: String { "near-saddle" }
    var phase: DiagnosisPhase { .running }
    var outcome: Outcome { .stuck }
    var condition: String { "the gradient norm is under 1e-3 of its largest and the Hessian curves down" }

    func verdict(_ reading: DiagnosisReading) -> Verdict? {
        let norms = reading.norms, last = reading.last
        let largestNorm = norms.lazy.filter(\.isFinite).max() ?? 0
        guard norms[last] <= Self.normShare * largestNorm else { return nil }
        let report = reading.curvature
        guard let low = report.directions.last, low.eigenvalue.isFinite,
              low.eigenvalue < -DiagnosisThresholds.negativeCurvature * Swift.max(1, Swift.abs(report.largestEigenvalue ?? 0)) else { return nil }
        let here = reading.here, scale = reading.scale
        let saddle = reading.objective.saddles.min { EuclideanNorm.distance($0, here) < EuclideanNorm.distance($1, here) }
            .flatMap { EuclideanNorm.distance($0, here) <= Self.nearDistance * scale ? $0 : nil } ?? here
        return Verdict(kind: .stuck, summary: "near a saddle point \(.point(saddle)): the gradient is almost 0",
                       evidence: ["gradient norm \(reading.f(norms[last])), down from \(reading.f(largestNorm))",
                                  "the Hessian has λ_min = \(reading.f(low.eigenvalue)) \(report.name(of: low)): a direction that curves down"] + reading.theory,
                       growthFactor: reading.rho, stuckReason: .saddle(point: saddle))
    }
}

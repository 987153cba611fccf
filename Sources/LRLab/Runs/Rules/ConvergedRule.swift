/// Under the tolerance at a global minimum, or where none is known: `converged`, from the first
/// step of the final stretch under the tolerance.
struct ConvergedRule: DiagnosisRule {
    var name: String { "converged" }
    var phase: DiagnosisPhase { .underTolerance }
    var outcome: Outcome { .converged }
    var condition: String { "otherwise" }

    func verdict(_ reading: DiagnosisReading) -> Verdict? {
        var evidence = reading.restEvidence
        if let nearest = reading.objective.nearestMinimum(to: reading.here) {
            evidence.append("distance to the global minimum \(.point(nearest.point)): \(reading.f(nearest.distance))")
        }
        let overshoots = reading.reader.notes.prefix(reading.last + 1).count { $0.contains(.overshoot) }
        if overshoots > 0 { evidence.append("it bounced on the way: \(overshoots) overshoot\(overshoots == 1 ? "" : "s")") }
        return Verdict(kind: .converged, summary: "gradient under \(reading.f(reading.tolerance)) from step \(reading.convergedStep)",
                       evidence: evidence, convergedStep: reading.convergedStep)
    }
}

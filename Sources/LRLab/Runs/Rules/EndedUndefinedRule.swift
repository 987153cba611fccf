/// The run ended at a point where the formula has no value: `undefined`, with the last point
/// that had one.
struct EndedUndefinedRule: DiagnosisRule {
    var name: String { "no-value" }
    var phase: DiagnosisPhase { .ended }
    var outcome: Outcome { .undefined }
    var condition: String { "the run reached a point where the formula has no value" }

    func verdict(_ reading: DiagnosisReading) -> Verdict? {
        guard case .undefined(let step, let reason)? = reading.run.ending else { return nil }
        let previous = Swift.max(0, reading.last - 1)
        return Verdict(kind: .undefined, summary: "at step \(step): \(reason)",
                       evidence: ["last defined point \(.point(reading.reader.point(previous))), loss \(reading.f(reading.losses[previous], 6))"])
    }
}

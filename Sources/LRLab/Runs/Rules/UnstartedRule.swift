/// No step taken yet: `unstarted`, with the loss and gradient at the start.
struct UnstartedRule: DiagnosisRule {
    var name: String { "unstarted" }
    var phase: DiagnosisPhase { .unstarted }
    var outcome: Outcome { .unstarted }
    var condition: String { "always" }

    func verdict(_ reading: DiagnosisReading) -> Verdict? {
        Verdict(kind: .unstarted, summary: "no steps taken yet",
                evidence: ["loss \(reading.f(reading.losses[0], 6)), gradient norm \(reading.f(reading.norms[0]))"]
                    + [reading.reader.theoryLine(at: 0)].compactMap { $0 })
    }
}

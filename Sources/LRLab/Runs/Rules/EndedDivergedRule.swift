/// The run ended diverged: `diverging`, with the growth factor fitted over the last finite
/// steps of the trace (up to a window of them).
struct EndedDivergedRule: DiagnosisRule {
    var name: String { "blew-up" }
    var phase: DiagnosisPhase { .ended }
    var outcome: Outcome { .diverging }
    var condition: String { "the run ended diverged (the loss past its bound, or not a number)" }

    func verdict(_ reading: DiagnosisReading) -> Verdict? {
        guard case .diverged(let step, let reason)? = reading.run.ending else { return nil }
        let reader = reading.reader, norms = reading.norms, losses = reading.losses
        var end = reading.last
        while end > 0, !(norms[end].isFinite && losses[end].isFinite && norms[end] > 0) { end -= 1 }
        var begin = end
        while begin > 0, end - begin < reader.window, norms[begin - 1].isFinite, norms[begin - 1] > 0, losses[begin - 1].isFinite {
            begin -= 1
        }
        let rho = reader.factor(from: begin, to: end)
        var evidence: [Phrase] = [reason]
        if let rho {
            evidence.append("the gradient norm grew ×\(reading.f4(rho)) per step over steps \(reader.steps[begin])–\(reader.steps[end])")
        }
        if let loss = reader.lossFactor(from: begin, to: end) {
            evidence.append("the loss gap grew ×\(reading.f4(loss)) per step")
        }
        if let line = reader.theoryLine(at: 0) { evidence.append(line) }
        let growth: Phrase = rho.map { ": the gradient grew ×\(reading.f4($0)) per step" } ?? ""
        return Verdict(kind: .diverging, summary: "ended at step \(step)\(growth)", evidence: evidence, growthFactor: rho)
    }
}

/// Progress toward a minimum that is not there yet: `slow`, with the steps still needed (from
/// the quadratic theory where it is exact, by stepping a copy ahead where only the optimizer's
/// own rule models it, else from the recent factor, "a rough estimate"), or under gradient
/// noise the floor the loss heads for instead of a count.
struct StillDescendingRule: DiagnosisRule {
    var name: String { "descending" }
    var phase: DiagnosisPhase { .running }
    var outcome: Outcome { .slow }
    var condition: String { "otherwise" }

    func verdict(_ reading: DiagnosisReading) -> Verdict? {
        let losses = reading.losses, first = reading.first, last = reading.last
        let outlook = reading.outlook, objective = reading.objective, rho = reading.rho
        var evidence: [Phrase] = ["the loss went \(reading.f(losses[first], 6)) → \(reading.f(losses[last], 6)) \(reading.span)"] + outlook.pace
        if let loss = reading.lossGapFactor, objective.minimumValue != nil {
            evidence.append("the loss gap to the minimum value \(reading.f(objective.minimumValue ?? 0)) \(loss > 1 ? "grows" : "shrinks") ×\(reading.f4(loss)) per step")
        }
        if let nearest = objective.nearestMinimum(to: reading.reader.point(last)), !nearest.isGlobal {
            evidence.append("heading for the local minimum at \(.point(nearest.point)) (distance \(reading.f(nearest.distance)))")
        }
        let summary: Phrase
        if let estimate = outlook.estimate {
            switch estimate.basis {
            case .slowestDirection:
                let forecast = reading.forecast
                let why: Phrase = forecast?.slowest.map { " (the slowest direction, \(forecast?.report.name(of: $0.direction) ?? Phrase("")), shrinks ×\(reading.f4($0.rate)) per step)" } ?? ""
                summary = "\(estimate.phrase) to converge\(why)"
            case .recentSteps:
                summary = "\(estimate.phrase) to converge at the recent rate (×\(reading.f4(rho ?? 1)) per step; a rough estimate)"
            case .runAhead:
                summary = "\(estimate.phrase) to converge (\(estimate.reliability))"
            }
        } else if let noiseOutlook = outlook.noiseOutlook {
            summary = noiseOutlook
        } else if let aheadEnding = outlook.aheadEnding {
            summary = "no estimate: " + aheadEnding
        } else if reading.lossChange < 0 {
            summary = "the loss still falls but the gradient norm is not shrinking; no estimate"
        } else {
            summary = "barely moving"
        }
        return Verdict(kind: .slow, summary: summary, evidence: evidence + reading.theory, growthFactor: rho, estimate: outlook.estimate)
    }
}

/// A zig-zag whose swing shrinks converges (the tutorial's bouncing is "without any
/// convergence": that is `EndlessSwingRule`): `slow`, with the direction, the factor and the
/// steps still needed.
struct ZigZagRule: DiagnosisRule {
    var name: String { "zig-zag" }
    var phase: DiagnosisPhase { .running }
    var outcome: Outcome { .slow }
    var condition: String { "the gradient flips sign along a direction in most steps and the swing shrinks" }

    func verdict(_ reading: DiagnosisReading) -> Verdict? {
        guard let bounce = reading.bounce else { return nil }
        let losses = reading.losses, first = reading.first, last = reading.last
        let outlook = reading.outlook
        let overshoots = reading.overshoots
        let trend: Phrase = reading.lossChange < 0 ? "the loss still falls (\(reading.f(losses[first], 6)) → \(reading.f(losses[last], 6)))"
            : "the loss is stalled at \(reading.f(losses[last], 6))"
        let evidence = ["the gradient component \(bounce.name) flipped sign in \(bounce.flips) \(reading.ofWindow) "
                            + "(\(overshoots) overshoot note\(overshoots == 1 ? "" : "s"))", trend] + outlook.pace + reading.theory
        let swing = reading.reader.shrinkingSwing(forecast: reading.forecast, rho: reading.rho)
        let said: Phrase = outlook.estimate.map { "\($0.phrase) to converge" } ?? outlook.noiseOutlook ?? "no estimate of the steps still needed"
        return Verdict(kind: .slow, summary: "converging, zig-zagging \(bounce.name) (\(swing)): \(said)",
                       evidence: evidence, growthFactor: reading.rho, estimate: outlook.estimate,
                       direction: bounce.vector, directionName: bounce.name)
    }
}

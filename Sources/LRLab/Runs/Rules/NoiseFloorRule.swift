/// Under gradient noise, a loss that hovers without exploding is at the noise floor the
/// learning rate sets: `stuck`, quoting the floor's closed form where `NoiseFloorForecast` has
/// one. At the floor the loss jitters by about its own size from step to step with no net
/// drift; a small rate still descending through the noise changes it by a tiny fraction per
/// step, steadily (that is `slow`, with the floor as its outlook).
struct NoiseFloorRule: DiagnosisRule {
    /// Fewest rows in the window before a noisy run may be called stuck at its noise floor.
    static let minimumRows = 10
    /// Rows the averages look back at (at least the window): enough to steady them.
    static let averagedRows = 100
    /// Most the latest loss gap may be, in mean gaps, for the loss to count as hovering rather
    /// than blowing up.
    static let lossCeiling = 10.0
    /// Least mean change per step, as a share of the mean gap, for the loss to count as
    /// jittering (a small rate descending steadily moves it by much less).
    static let activity = 0.02
    /// Most net drift per step, as a share of the mean change per step: a loss that hovers goes
    /// back and forth more than it goes anywhere.
    static let drift = 0.5

    var name: String { "noise-floor" }
    var phase: DiagnosisPhase { .running }
    var outcome: Outcome { .stuck }
    var condition: String { "noisy gradients and a loss that jitters by 2% of its gap a step or more, drifting under half that" }

    /// The averages over the last (up to) `averagedRows` rows: the mean gap to the known
    /// minimum value (or 0), the mean change per step and the net drift per step.
    struct Hover {
        var rows: Int
        var meanGap: Double
        var activity: Double
        var drift: Double
    }

    static func hover(_ reading: DiagnosisReading) -> Hover {
        let losses = reading.losses, last = reading.last
        let floor = reading.objective.minimumValue ?? 0
        let rows = Swift.min(last, Swift.max(reading.rows, averagedRows))
        var activity = 0.0, meanGap = 0.0
        for row in (last - rows)...last {
            meanGap += losses[row] - floor
            if row > last - rows { activity += Swift.abs(losses[row] - losses[row - 1]) }
        }
        meanGap /= Double(rows + 1)
        activity /= Double(rows)
        let drift = Swift.abs(losses[last] - losses[last - rows]) / Double(rows)
        return Hover(rows: rows, meanGap: meanGap, activity: activity, drift: drift)
    }

    func verdict(_ reading: DiagnosisReading) -> Verdict? {
        let noise = reading.noise
        guard noise > 0, reading.rows >= Self.minimumRows else { return nil }
        let hover = Self.hover(reading)
        let floor = reading.objective.minimumValue ?? 0
        guard reading.losses[reading.last] - floor <= Self.lossCeiling * hover.meanGap, hover.activity.isFinite, hover.meanGap > 0,
              hover.activity >= Self.activity * hover.meanGap, hover.drift <= Self.drift * hover.activity else { return nil }
        let expected: [Phrase] = NoiseFloorForecast(run: reading.run).map { [$0.evidence] } ?? []
        return Verdict(kind: .stuck,
                       summary: "at the noise floor: gradient noise (σ=\(reading.f4(noise))) keeps the loss around \(reading.f(hover.meanGap + floor, 4))",
                       evidence: ["over the last \(hover.rows) steps the loss moved by \(reading.f(hover.activity, 3)) a step on average but drifted only \(reading.f(hover.drift, 3)) a step: it hovers"]
                           + expected
                           + ["the floor scales with the learning rate (\(reading.f(reading.run.nextLearningRate)) now): a smaller or annealed rate lowers it"]
                           + reading.theory,
                       growthFactor: reading.rho, stuckReason: .noiseFloor)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The loss grows geometrically over the window: `diverging`. The gradient norm's factor ρ is
/// above 1, the loss rose over the window and in at least half its steps, the loss gap grew by
/// at least `gapGrowth`, and the run never before rose from below today's loss to above it and
/// came back (that is a bounded swing, Adam's bursts near a minimum, not a divergence).
struct GrowingRule: DiagnosisRule {
    /// Least growth of the loss gap over the window (it at least doubled), so that a small
    /// rise is not called a divergence.
    static let gapGrowth = 2.0

    var name: String { "growing" }
    var phase: DiagnosisPhase { .running }
    var outcome: Outcome { .diverging }
    var condition: String { "the gradient norm grows, the loss rose in half the steps and its gap doubled" }

    func verdict(_ reading: DiagnosisReading) -> Verdict? {
        guard let rho = reading.rho, rho > 1, reading.lossChange > 0, 2 * reading.lossRises >= reading.rows else { return nil }
        let gapGrowth = reading.lossGapFactor.map { pow($0, Double(reading.stepSpan)) } ?? 1
        guard gapGrowth >= Self.gapGrowth, !Self.returnedFromAbove(reading) else { return nil }
        let losses = reading.losses
        var evidence: [Phrase] = ["the loss rose in \(reading.lossRises) \(reading.ofWindow), from \(reading.f(losses[reading.first], 6)) to \(reading.f(losses[reading.last], 6))",
                                  "the gradient norm grows ×\(reading.f4(rho)) per step \(reading.span)"]
        if let loss = reading.lossGapFactor { evidence.append("the loss gap grows ×\(reading.f4(loss)) per step") }
        return Verdict(kind: .diverging, summary: "the gradient grows ×\(reading.f4(rho)) per step",
                       evidence: evidence + reading.theory, growthFactor: rho)
    }

    /// Whether the run, before the window, rose from below today's loss to above it and came back.
    static func returnedFromAbove(_ reading: DiagnosisReading) -> Bool {
        let losses = reading.losses, last = reading.last
        var lowestSoFar = losses[0]
        for row in Swift.min(1, reading.first)..<reading.first where losses[row].isFinite {
            if losses[row] > losses[last], lowestSoFar < losses[last] { return true }
            lowestSoFar = Swift.min(lowestSoFar, losses[row])
        }
        return false
    }
}

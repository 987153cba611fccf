#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The tutorial's bouncing, "without any convergence": along a coordinate axis or a Hessian
/// eigenvector the gradient's component flips sign in more than half the window's rows
/// (`TraceReader.bouncingDirection`) and the swing does not die out. Where the quadratic
/// theory is exact (`QuadraticForecast`) a direction's factor has size ≥ 1 (−1 at lr = 2/λ for
/// gd); elsewhere the largest gradient norm in the later half of the last (up to) `swingRows`
/// rows is at least `keepsSize` per step that of the earlier half and the lowest loss did not
/// fall by more than `lossFall` of its gap to the known minimum (or 0): `bouncing`.
struct EndlessSwingRule: DiagnosisRule {
    /// Rows looked back at (halved into an earlier and a later part).
    static let swingRows = 100
    /// Fewest rows needed to compare the two halves.
    static let minimumRows = 20
    /// Least factor per step between the later and earlier halves' largest gradient norm for a
    /// swing to keep its size: just under 1, so that a swing dying out slowly still counts as dying.
    static let keepsSize = 0.9995
    /// Most fall of the lowest loss, as a share of its gap to the known minimum (or 0), for the
    /// loss to count as not falling while the swing goes on.
    static let lossFall = 1e-3
    /// Smallest gap used for `lossFall`, relative to the loss, so that a loss at its minimum
    /// value is not divided by a gap of 0.
    static let gapFloor = 1e-12

    var name: String { "endless-swing" }
    var phase: DiagnosisPhase { .running }
    var outcome: Outcome { .bouncing }
    var condition: String { "the gradient flips sign along a direction in most steps and the swing does not shrink" }

    func verdict(_ reading: DiagnosisReading) -> Verdict? {
        guard let bounce = reading.bounce, let endless = Self.endless(reading, bounceName: bounce.name) else { return nil }
        let overshoots = reading.overshoots
        let evidence = ["the gradient component \(bounce.name) flipped sign in \(bounce.flips) \(reading.ofWindow) "
                            + "(\(overshoots) overshoot note\(overshoots == 1 ? "" : "s"))"] + endless.evidence + reading.theory
        return Verdict(kind: .bouncing, summary: "\(endless.name) without shrinking: \(endless.reason)",
                       evidence: evidence, growthFactor: reading.rho, direction: endless.vector ?? bounce.vector,
                       directionName: endless.name)
    }

    /// Why a bounce will not die out, when it will not.
    static func endless(_ reading: DiagnosisReading, bounceName: Phrase)
        -> (name: Phrase, vector: [Double]?, reason: Phrase, evidence: [Phrase])? {
        let losses = reading.losses, norms = reading.norms, last = reading.last, steps = reading.reader.steps
        if let forecast = reading.forecast {
            guard let mode = forecast.persistent else { return nil }
            let name = forecast.report.name(of: mode.direction)
            return (name, mode.direction.vector,
                    "the error \(name) is multiplied by \(reading.f4(forecast.report.momentum == 0 ? mode.direction.factor ?? -mode.rate : -mode.rate)) each step",
                    ["\(name): \(forecast.factorText(mode)): the point jumps between two places and the swing never shrinks",
                     "the loss stays at \(reading.f(losses[last], 6)); a rate below 2/λ = \(reading.f(mode.direction.criticalRate ?? .nan)) would settle"])
        }
        let span = Swift.min(last, swingRows)
        guard span >= minimumRows else { return nil }
        let begin = last - span, middle = last - span / 2
        let early = begin...middle, late = (middle + 1)...last
        guard let peakEarly = early.map({ norms[$0] }).max(), let peakLate = late.map({ norms[$0] }).max(),
              peakEarly > 0, peakEarly.isFinite, peakLate.isFinite,
              let lowEarly = early.map({ losses[$0] }).min(), let lowLate = late.map({ losses[$0] }).min() else { return nil }
        let apart = Swift.max(1, reading.reader.stepsBetween(begin, middle + 1))
        let swing = pow(peakLate / peakEarly, 1 / Double(apart))
        let floor = reading.objective.minimumValue ?? 0
        let gap = Swift.max(Swift.abs(lowEarly - floor), gapFloor * Swift.abs(lowEarly), Double.leastNormalMagnitude)
        guard swing >= keepsSize, lowEarly - lowLate <= lossFall * gap else { return nil }
        let from = steps[begin], to = steps[last], cut = steps[middle]
        return (bounceName, nil, "the swing keeps its size and the loss does not fall", [
                "the largest gradient norm was \(reading.f(peakEarly)) over steps \(from)–\(cut) and \(reading.f(peakLate)) over steps \(cut + 1)–\(to): "
                    + "×\(reading.f4(swing)) per step, the swing does not shrink",
                "the lowest loss went \(reading.f(lowEarly, 6)) → \(reading.f(lowLate, 6)): not falling",
            ])
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How far a run still in progress has to go (`Diagnosis`, step 3): the steps still needed, and
/// what to say instead where no count holds (gradient noise, a copy that diverges ahead).
extension TraceReader {
    /// The further steps to the tolerance: from the quadratic theory where it is exact, else
    /// what the copy stepped `ahead` found (nil if it ended), else extrapolated from the recent
    /// factor ρ < 1 (nil otherwise).
    func remaining(forecast: QuadraticForecast?, ahead: RunAhead?, rho: Double?, rows: Int) -> StepsEstimate? {
        if let forecast {
            return forecast.remainingSteps(tolerance: tolerance).flatMap { StepsEstimate(count: $0, basis: .slowestDirection) }
        }
        if let ahead {
            guard ahead.ending == nil else { return nil }
            return StepsEstimate(steps: ahead.steps, isLowerBound: !ahead.converged, basis: .runAhead)
        }
        guard let rho, rho < 1, rho > 0 else { return nil }
        return StepsEstimate(count: log(tolerance / norms[last]) / log(rho), basis: .recentSteps(stepsBetween(last - rows, last)))
    }

    /// What a copy of the run stepped ahead did (`Run.runAhead`).
    typealias RunAhead = (steps: Int, converged: Bool, ending: Run.Ending?)

    /// A copy of the run stepped ahead until it converges (at most
    /// `DiagnosisThresholds.runAheadSteps`), where the optimizer's own rule is the only model
    /// that holds: an adaptive optimizer (its rate shrinks, as Adagrad's, or moves with v̂, as
    /// Adam's) or a schedule, on a formula (a step costs little) with exact gradients.
    func runAheadIfModelled() -> RunAhead? {
        guard run.objective != nil, run.configuration.gradientNoise == 0,
              Curvature.momentumCoefficient(of: run.configuration) == nil || !(run.schedule is ConstantSchedule) else { return nil }
        return run.runAhead(DiagnosisThresholds.runAheadSteps(after: run.stepCount))
    }

    /// How a zig-zag's swing shrinks: the factor of the direction that flips, where the
    /// quadratic theory is exact, else the gradient norm's recent factor.
    func shrinkingSwing(forecast: QuadraticForecast?, rho: Double?) -> Phrase {
        if let forecast, let mode = forecast.modes.filter({ forecast.matters($0) && ($0.direction.factor ?? 0) < 0 }).max(by: { $0.rate < $1.rate }),
           let factor = mode.direction.factor {
            return "factor \(f4(factor)) per step: the swing shrinks"
        }
        if let rho, rho < 1 { return "the gradient norm shrinks ×\(f4(rho)) per step" }
        return "the swing shrinks"
    }

    /// Where gradient noise leaves the loss instead of converging, for a run still on its way.
    func noiseFloorOutlook(noise: Double, forecast: NoiseFloorForecast?) -> Phrase {
        let floor: Phrase = forecast.map { ", a loss of about \(f($0.level)) at this rate" } ?? ""
        return "still descending toward the noise floor\(floor): gradient noise (σ=\(f4(noise))) keeps the gradient norm "
            + "from settling under \(f(tolerance)), so there is no count of steps to converge"
    }

    /// `about 20440 more steps to reach 1e-08: along x the component -7.61 has factor ... (from the slowest direction ...)`.
    func estimateLine(_ estimate: StepsEstimate, forecast: QuadraticForecast?) -> Phrase {
        var text: Phrase = "\(estimate.phrase) to reach \(f(tolerance))"
        if case .slowestDirection = estimate.basis, let forecast, let slowest = forecast.slowest {
            text += ": \(forecast.report.name(of: slowest.direction)) the gradient component \(f(slowest.component)) has "
                + forecast.factorText(slowest)
        }
        return text + " (\(estimate.reliability))"
    }
}

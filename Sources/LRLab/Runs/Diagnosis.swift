#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a run's trace and objective and says what the run is doing (`Verdict`).
///
/// The rows read are the trace's, plus the run's latest state (`Run.current`) when thinning
/// left the latest step out of the trace, so the verdict speaks of the same step as the
/// summary. Factors per step divide by the steps between rows, not by the rows.
///
/// The decision, in order (window = the last `window` rows, 20 by default):
/// 1. ended on a domain error → `undefined`; ended diverged → `diverging`, with the growth
///    factor fitted over the last finite steps of the trace.
/// 2. gradient norm under the run's tolerance → at a stationary point: `stuck` if the Hessian
///    has a negative eigenvalue there or a known saddle is within 1e-3 (saddle), `stuck` if the
///    nearest known minimum is a local one, or the loss is above the known minimum value
///    (local minimum), `converged` otherwise.
/// 3. still running: `stuck` at the noise floor when the gradient is noisy and the loss
///    hovers; `diverging` if the gradient-norm factor ρ = (‖g_end‖/‖g_start‖)^(1/steps) over
///    the window is above 1, the loss rose over the window and in at least half its steps,
///    and the loss gap at least doubled;
///    `bouncing` without shrinking if, along a coordinate axis or a Hessian eigenvector, the
///    gradient's component flips sign in more than half the window's steps (and carries on
///    average at least 10% of the gradient norm) and the swing does not die out: where the
///    quadratic theory is exact (`QuadraticForecast`) a direction's factor has size ≥ 1
///    (−1 at lr = 2/λ for gd); elsewhere the largest gradient norm in the later half of the
///    last (up to) 100 rows is at least ×0.9995 per step that of the earlier half and the
///    loss's lowest value did not fall by more than 1e-3 of its gap to the known minimum (or 0);
///    `stuck` (plateau) if at least half the window's steps carry the `plateau` note; `stuck`
///    (saddle) if the gradient norm is under 1e-3 of its largest value in the run and the
///    Hessian has a negative eigenvalue; `bouncing` (and shrinking) on sign flips as above;
///    `slow` otherwise. For `slow` and `bouncing` the remaining steps (`StepsEstimate`) come
///    from the slowest eigen-direction where the quadratic theory is exact, else from ρ as
///    log(tol/‖g‖)/log ρ when ρ < 1, given as "more than 1000000" past that.
public enum Diagnosis {
    /// Steps looked at to judge a run still in progress.
    public static let defaultWindow = 20

    /// The verdict on `run` as it stands.
    public static func verdict(for run: Run, window: Int = defaultWindow) -> Verdict {
        TraceReader(run: run, window: max(1, window)).verdict()
    }
}

extension Run {
    /// The diagnosis of the run as it stands (`Diagnosis.verdict(for:)`).
    public func verdict(window: Int = Diagnosis.defaultWindow) -> Verdict {
        Diagnosis.verdict(for: self, window: window)
    }
}

/// The working state of one diagnosis.
private struct TraceReader {
    let run: Run
    let window: Int
    let trace: Trace
    let objective: Objective
    let tolerance: Double
    /// The run's latest step when the trace (thinned) does not hold it: read as one more row
    /// after the trace's.
    let latest: TraceRecord?
    /// Per row read (the trace's, then `latest`): step number, loss, gradient norm, notes.
    let steps: [Int]
    let losses: [Double]
    let norms: [Double]
    let notes: [TraceNotes]
    let last: Int

    init(run: Run, window: Int) {
        self.run = run
        self.window = window
        let trace = run.trace
        self.trace = trace
        objective = run.objective
        tolerance = run.convergenceTolerance
        var steps = Array(trace.steps)
        var losses = Array(trace.losses)
        var norms = (0..<trace.count).map { trace.gradientNorm($0) }
        var notes = Array(trace.notes)
        if let step = steps.last, step < run.stepCount {
            let current = run.current
            latest = current
            steps.append(current.step)
            losses.append(current.loss)
            norms.append(current.gradientNorm)
            notes.append(current.notes)
        } else {
            latest = nil
        }
        self.steps = steps
        self.losses = losses
        self.norms = norms
        self.notes = notes
        last = steps.count - 1
    }

    func point(_ row: Int) -> [Double] {
        if row >= trace.count, let latest { return latest.parameters }
        return Array(trace.parameters[row * trace.dimension ..< (row + 1) * trace.dimension])
    }

    func gradient(_ row: Int) -> [Double] {
        if row >= trace.count, let latest { return latest.gradient }
        return Array(trace.gradients[row * trace.dimension ..< (row + 1) * trace.dimension])
    }

    func stepTaken(_ row: Int) -> [Double] {
        if row >= trace.count, let latest { return latest.stepTaken }
        return Array(trace.stepsTaken[row * trace.dimension ..< (row + 1) * trace.dimension])
    }

    /// Steps between two rows read (more than the rows apart when the trace is thinned).
    func stepsBetween(_ from: Int, _ to: Int) -> Int { steps[to] - steps[from] }

    /// (‖g_to‖/‖g_from‖)^(1/steps between), or nil when a norm is zero or not finite.
    func factor(from: Int, to: Int) -> Double? {
        guard to > from, stepsBetween(from, to) > 0, norms[from] > 0, norms[to] > 0,
              norms[from].isFinite, norms[to].isFinite else { return nil }
        return pow(norms[to] / norms[from], 1 / Double(stepsBetween(from, to)))
    }

    /// The per-step factor of the loss gap (to the known minimum value, else to 0) when both gaps are positive.
    func lossFactor(from: Int, to: Int) -> Double? {
        let floor = objective.minimumValue ?? 0
        let start = losses[from] - floor
        let end = losses[to] - floor
        guard to > from, stepsBetween(from, to) > 0, start > 0, end > 0, start.isFinite, end.isFinite else { return nil }
        return pow(end / start, 1 / Double(stepsBetween(from, to)))
    }

    func curvature(at row: Int) -> CurvatureReport {
        CurvatureReport(objective: objective, at: point(row), configuration: run.configuration,
                        learningRate: run.nextLearningRate)
    }

    func theoryLine(at row: Int) -> String? {
        guard Curvature.momentumCoefficient(of: run.configuration) != nil else { return nil }
        let report = curvature(at: row)
        guard report.isDefined else { return nil }
        return "curvature at step \(steps[row]): " + report.sentence
    }

    func verdict() -> Verdict {
        if let ending = run.ending {
            switch ending {
            case .undefined(let step, let reason):
                let previous = max(0, last - 1)
                return Verdict(kind: .undefined, summary: "at step \(step): \(reason)",
                               evidence: ["last defined point \(VerdictFormat.point(point(previous))), loss \(f(losses[previous], 6))"])
            case .diverged(let step, let reason):
                return diverged(step: step, reason: reason)
            }
        }
        if norms[last] < tolerance {
            var start = last
            while start > 0, norms[start - 1] < tolerance { start -= 1 }
            return stationary(convergedStep: steps[start])
        }
        if last == 0 {
            return Verdict(kind: .unstarted, summary: "no steps taken yet",
                           evidence: ["loss \(f(losses[0], 6)), gradient norm \(f(norms[0]))"] + [theoryLine(at: 0)].compactMap { $0 })
        }
        return running()
    }

    // MARK: Ended

    func diverged(step: Int, reason: String) -> Verdict {
        var end = last
        while end > 0, !(norms[end].isFinite && losses[end].isFinite && norms[end] > 0) { end -= 1 }
        var begin = end
        while begin > 0, end - begin < window, norms[begin - 1].isFinite, norms[begin - 1] > 0, losses[begin - 1].isFinite {
            begin -= 1
        }
        let rho = factor(from: begin, to: end)
        var evidence = [reason]
        if let rho {
            evidence.append("the gradient norm grew ×\(f4(rho)) per step over steps \(steps[begin])–\(steps[end])")
        }
        if let loss = lossFactor(from: begin, to: end) {
            evidence.append("the loss gap grew ×\(f4(loss)) per step")
        }
        if let line = theoryLine(at: 0) { evidence.append(line) }
        let growth = rho.map { ": the gradient grew ×\(f4($0)) per step" } ?? ""
        return Verdict(kind: .diverging, summary: "ended at step \(step)\(growth)", evidence: evidence, growthFactor: rho)
    }

    // MARK: Converged or stuck at a stationary point

    func stationary(convergedStep: Int) -> Verdict {
        let here = point(last)
        let scale = max(1, here.map { Swift.abs($0) }.max() ?? 0)
        let report = curvature(at: last)
        let eigenvalues = report.directions.map(\.eigenvalue)
        let largest = eigenvalues.map { Swift.abs($0) }.filter(\.isFinite).max() ?? 0
        let base = "gradient norm \(f(norms[last])) < \(f(tolerance)) since step \(convergedStep)"
        var evidence = [base, "loss \(f(losses[last], 10)) at \(VerdictFormat.point(here))"]

        let knownSaddle = objective.saddles.first { distance($0, here) <= 1e-3 * scale }
        if let lowest = eigenvalues.last, lowest.isFinite, lowest < -1e-8 * max(1, largest) || knownSaddle != nil {
            let saddle = knownSaddle ?? here
            evidence.append("the Hessian has λ_min = \(f(lowest)) there: a direction that curves down")
            if let low = report.directions.last {
                evidence.append("a push \(report.name(of: low)) would let it escape; the gradient there is exactly balanced")
            }
            return Verdict(kind: .stuck, summary: "at a saddle point \(VerdictFormat.point(saddle)) since step \(convergedStep)",
                           evidence: evidence, convergedStep: convergedStep, stuckReason: .saddle(point: saddle))
        }
        if let nearest = objective.nearestMinimum(to: here), !nearest.isGlobal,
           nearest.distance <= 1e-3 * max(1, nearest.point.map { Swift.abs($0) }.max() ?? 0) {
            if let global = objective.minimumValue {
                evidence.append("the global minimum value is \(f(global, 8)); this one is \(f(losses[last] - global)) higher")
            }
            if let best = objective.minima.first {
                evidence.append("the global minimum is at \(VerdictFormat.point(best))")
            }
            return Verdict(kind: .stuck, summary: "in the local minimum at \(VerdictFormat.point(nearest.point)) since step \(convergedStep)",
                           evidence: evidence, convergedStep: convergedStep, stuckReason: .localMinimum(point: nearest.point))
        }
        if let global = objective.minimumValue, losses[last] - global > 1e-6 * max(1, Swift.abs(global)) {
            evidence.append("the known minimum value is \(f(global, 8)); this point is \(f(losses[last] - global)) higher")
            return Verdict(kind: .stuck, summary: "in a local minimum at \(VerdictFormat.point(here)) since step \(convergedStep)",
                           evidence: evidence, convergedStep: convergedStep, stuckReason: .localMinimum(point: here))
        }
        if let nearest = objective.nearestMinimum(to: here) {
            evidence.append("distance to the global minimum \(VerdictFormat.point(nearest.point)): \(f(nearest.distance))")
        }
        let overshoots = notes.prefix(last + 1).filter { $0.contains(.overshoot) }.count
        if overshoots > 0 { evidence.append("it bounced on the way: \(overshoots) overshoot\(overshoots == 1 ? "" : "s")") }
        return Verdict(kind: .converged, summary: "gradient under \(f(tolerance)) from step \(convergedStep)", evidence: evidence,
                       convergedStep: convergedStep)
    }

    // MARK: In progress

    func running() -> Verdict {
        let k = min(window, last)
        let first = last - k
        let rho = factor(from: first, to: last)
        var lossRises = 0
        var plateaus = 0
        for row in (first + 1)...last {
            if losses[row] > losses[row - 1] { lossRises += 1 }
            if notes[row].contains(.plateau) { plateaus += 1 }
        }
        let stepSpan = stepsBetween(first, last)
        let ofWindow = stepSpan == k ? "of the last \(k) steps" : "of the \(k) recorded steps among the last \(stepSpan)"
        let span = "over the last \(stepSpan) step\(stepSpan == 1 ? "" : "s")"
        let lossChange = losses[last] - losses[first]
        let theory = theoryLine(at: last).map { [$0] } ?? []

        // Noisy gradients (mini-batch imitation): a loss that hovers without exploding is at the
        // noise floor the learning rate sets, not diverging. Annealing lowers that floor.
        let noise = run.configuration.values.numbers["noise"] ?? 0
        let floor = objective.minimumValue ?? 0
        // At the floor the loss jitters by about its own size from step to step with no net
        // drift; a small rate still descending through the noise changes the loss by a tiny
        // fraction per step, steadily (lesson 2 has both).
        // A longer stretch than the window (up to 100 rows) steadies these averages.
        let noiseSpan = Swift.min(last, Swift.max(k, 100))
        var activity = 0.0, meanGap = 0.0
        for row in (last - noiseSpan)...last {
            meanGap += losses[row] - floor
            if row > last - noiseSpan { activity += Swift.abs(losses[row] - losses[row - 1]) }
        }
        meanGap /= Double(noiseSpan + 1)
        activity /= Double(noiseSpan)
        let drift = Swift.abs(losses[last] - losses[last - noiseSpan]) / Double(noiseSpan)
        if noise > 0, k >= 10, losses[last] - floor <= 10 * meanGap,
           activity.isFinite, meanGap > 0, activity >= 0.02 * meanGap, drift <= 0.5 * activity {
            let mean = meanGap + floor
            return Verdict(kind: .stuck,
                           summary: "at the noise floor: gradient noise (σ=\(f4(noise))) keeps the loss around \(f(mean, 4))",
                           evidence: ["over the last \(noiseSpan) steps the loss moved by \(f(activity, 3)) a step on average but drifted only \(f(drift, 3)) a step: it hovers",
                                      "the floor scales with the learning rate (\(f(run.nextLearningRate)) now): a smaller or annealed rate lowers it"] + theory,
                           growthFactor: rho, stuckReason: .noiseFloor)
        }
        let gapGrowth = lossFactor(from: first, to: last).map { pow($0, Double(stepSpan)) } ?? 1
        // A run that earlier rose from below today's loss to above it and came back is
        // swinging within bounds (Adam's bursts near a minimum), not diverging.
        var lowestSoFar = losses[0], returnedFrom = false
        for row in Swift.min(1, first)..<first where losses[row].isFinite {
            if losses[row] > losses[last], lowestSoFar < losses[last] { returnedFrom = true; break }
            lowestSoFar = Swift.min(lowestSoFar, losses[row])
        }
        if let rho, rho > 1, lossChange > 0, 2 * lossRises >= k, gapGrowth >= 2, !returnedFrom {
            var evidence = ["the loss rose in \(lossRises) \(ofWindow), from \(f(losses[first], 6)) to \(f(losses[last], 6))",
                            "the gradient norm grows ×\(f4(rho)) per step \(span)"]
            if let loss = lossFactor(from: first, to: last) { evidence.append("the loss gap grows ×\(f4(loss)) per step") }
            return Verdict(kind: .diverging, summary: "the gradient grows ×\(f4(rho)) per step",
                           evidence: evidence + theory, growthFactor: rho)
        }
        let forecast = QuadraticForecast(run: run, gradient: gradient(last))
        let bounce = bouncingDirection(first: first)
        if let left = convergedAndLeft() {
            return Verdict(kind: .bouncing,
                           summary: "it converged at step \(left.converged) but was thrown out again; the swing is bounded and keeps coming back",
                           evidence: ["the gradient norm was under \(f(tolerance)) at step \(left.converged) and is \(f(norms[last])) now",
                                      "the largest loss since then is \(f(left.peak, 6)), below the start's \(f(losses[0], 6)): not a divergence",
                                      whyItLeft(noise: noise)].compactMap { $0 } + theory,
                           growthFactor: rho, directionName: bounce?.name)
        }
        if let bounce, let endless = endlessBounce(forecast: forecast, bounceName: bounce.name) {
            let overshoots = notes[(first + 1)...last].filter { $0.contains(.overshoot) }.count
            let evidence = ["the gradient component \(bounce.name) flipped sign in \(bounce.flips) \(ofWindow) "
                                + "(\(overshoots) overshoot note\(overshoots == 1 ? "" : "s"))"] + endless.evidence + theory
            return Verdict(kind: .bouncing, summary: "\(endless.name) without shrinking: \(endless.reason)",
                           evidence: evidence, growthFactor: rho, direction: endless.vector ?? bounce.vector,
                           directionName: endless.name)
        }
        if 2 * plateaus >= k {
            return Verdict(kind: .stuck, summary: "on a plateau: the loss stopped changing while the gradient norm is \(f(norms[last]))",
                           evidence: ["\(plateaus) \(ofWindow) changed the loss by less than 1e-12 relative",
                                      "learning rate in force: \(f(run.nextLearningRate))"] + theory,
                           growthFactor: rho, stuckReason: .plateau)
        }
        let largestNorm = norms.filter(\.isFinite).max() ?? 0
        if norms[last] <= 1e-3 * largestNorm {
            let report = curvature(at: last)
            if let low = report.directions.last, low.eigenvalue.isFinite,
               low.eigenvalue < -1e-8 * max(1, Swift.abs(report.largestEigenvalue ?? 0)) {
                let here = point(last)
                let scale = max(1, here.map { Swift.abs($0) }.max() ?? 0)
                let saddle = objective.saddles.min { distance($0, here) < distance($1, here) }
                    .flatMap { distance($0, here) <= 0.1 * scale ? $0 : nil } ?? here
                return Verdict(kind: .stuck, summary: "near a saddle point \(VerdictFormat.point(saddle)): the gradient is almost 0",
                               evidence: ["gradient norm \(f(norms[last])), down from \(f(largestNorm))",
                                          "the Hessian has λ_min = \(f(low.eigenvalue)) \(report.name(of: low)): a direction that curves down"] + theory,
                               growthFactor: rho, stuckReason: .saddle(point: saddle))
            }
        }
        let estimate = remaining(forecast: forecast, rho: rho, rows: k)
        var pace: [String] = []
        if let rho, rho < 1 {
            pace.append("the gradient norm shrinks ×\(f4(rho)) per step \(span)")
        } else if let rho, rho == 1 {
            pace.append("the gradient norm neither shrinks nor grows \(span)")
        } else if let rho {
            pace.append("the gradient norm grows ×\(f4(rho)) per step \(span)")
        } else {
            pace.append("the gradient norm is \(f(norms[last]))")
        }
        if let estimate {
            pace.append(estimateLine(estimate, forecast: forecast))
        }
        if let bounce {
            let overshoots = notes[(first + 1)...last].filter { $0.contains(.overshoot) }.count
            let trend = lossChange < 0 ? "the loss still falls (\(f(losses[first], 6)) → \(f(losses[last], 6)))"
                : "the loss is stalled at \(f(losses[last], 6))"
            let evidence = ["the gradient component \(bounce.name) flipped sign in \(bounce.flips) \(ofWindow) "
                                + "(\(overshoots) overshoot note\(overshoots == 1 ? "" : "s"))", trend] + pace + theory
            return Verdict(kind: .bouncing, summary: "\(bounce.name): the step keeps crossing the valley, and the swing shrinks",
                           evidence: evidence, growthFactor: rho, estimate: estimate,
                           direction: bounce.vector, directionName: bounce.name)
        }
        var evidence = ["the loss went \(f(losses[first], 6)) → \(f(losses[last], 6)) \(span)"] + pace
        if let loss = lossFactor(from: first, to: last), objective.minimumValue != nil {
            evidence.append("the loss gap to the minimum value \(f(objective.minimumValue ?? 0)) \(loss > 1 ? "grows" : "shrinks") ×\(f4(loss)) per step")
        }
        if let nearest = objective.nearestMinimum(to: point(last)), !nearest.isGlobal {
            evidence.append("heading for the local minimum at \(VerdictFormat.point(nearest.point)) (distance \(f(nearest.distance)))")
        }
        let summary: String
        if let estimate {
            switch estimate.basis {
            case .slowestDirection:
                let why = forecast?.slowest.map { " (the slowest direction, \(forecast?.report.name(of: $0.direction) ?? ""), shrinks ×\(f4($0.rate)) per step)" } ?? ""
                summary = "\(estimate.phrase) to converge\(why)"
            case .recentSteps:
                summary = "\(estimate.phrase) to converge at the recent rate (×\(f4(rho ?? 1)) per step; a rough estimate)"
            }
        } else if lossChange < 0 {
            summary = "the loss still falls but the gradient norm is not shrinking; no estimate"
        } else {
            summary = "barely moving"
        }
        return Verdict(kind: .slow, summary: summary, evidence: evidence + theory, growthFactor: rho, estimate: estimate)
    }

    /// The first step under the tolerance, when the run got there and has since left (and
    /// stayed below its start loss): the bursts of an adaptive optimizer near a minimum.
    func convergedAndLeft() -> (converged: Int, peak: Double)? {
        guard let row = norms.firstIndex(where: { $0 < tolerance }), row < last else { return nil }
        let peak = losses[row...last].filter(\.isFinite).max() ?? losses[last]
        guard peak < losses[0] || last == 0 else { return nil }
        return (steps[row], peak)
    }

    func whyItLeft(noise: Double) -> String? {
        if noise > 0 { return "gradient noise (σ=\(f4(noise))) kicks it out: a smaller or annealed rate keeps it closer" }
        guard Curvature.momentumCoefficient(of: run.configuration) == nil else { return nil }
        return "an adaptive step lr/√v grows as v shrinks near a minimum: a smaller rate or a larger eps keeps it there"
    }

    /// The further steps to the tolerance: from the quadratic theory where it is exact, else
    /// extrapolated from the recent factor ρ < 1 (nil otherwise).
    func remaining(forecast: QuadraticForecast?, rho: Double?, rows: Int) -> StepsEstimate? {
        if let forecast {
            return forecast.remainingSteps(tolerance: tolerance).flatMap { StepsEstimate(count: $0, basis: .slowestDirection) }
        }
        guard let rho, rho < 1, rho > 0 else { return nil }
        return StepsEstimate(count: log(tolerance / norms[last]) / log(rho), basis: .recentSteps(stepsBetween(last - rows, last)))
    }

    /// `about 20440 more steps to reach 1e-08: along x the component -7.61 has factor ... (from the slowest direction ...)`.
    func estimateLine(_ estimate: StepsEstimate, forecast: QuadraticForecast?) -> String {
        var text = "\(estimate.phrase) to reach \(f(tolerance))"
        if case .slowestDirection = estimate.basis, let forecast, let slowest = forecast.slowest {
            text += ": \(forecast.report.name(of: slowest.direction)) the gradient component \(f(slowest.component)) has "
                + forecast.factorText(slowest)
        }
        return text + " (\(estimate.reliability))"
    }

    /// Why a bounce will not die out, when it will not: a direction whose quadratic factor has
    /// size ≥ 1, or (where the theory is not exact) a swing that keeps its size while the loss
    /// does not fall.
    func endlessBounce(forecast: QuadraticForecast?, bounceName: String) -> (name: String, vector: [Double]?, reason: String, evidence: [String])? {
        if let forecast {
            guard let mode = forecast.persistent else { return nil }
            let name = forecast.report.name(of: mode.direction)
            return (name, mode.direction.vector, "the error \(name) is multiplied by \(f4(forecast.report.momentum == 0 ? mode.direction.factor ?? -mode.rate : -mode.rate)) each step",
                    ["\(name): \(forecast.factorText(mode)): the point jumps between two places and the swing never shrinks",
                     "the loss stays at \(f(losses[last], 6)); a rate below 2/λ = \(f(mode.direction.criticalRate ?? .nan)) would settle"])
        }
        let span = Swift.min(last, 100)
        guard span >= 20 else { return nil }
        let begin = last - span, middle = last - span / 2
        let early = begin...middle, late = (middle + 1)...last
        guard let peakEarly = early.map({ norms[$0] }).max(), let peakLate = late.map({ norms[$0] }).max(),
              peakEarly > 0, peakEarly.isFinite, peakLate.isFinite,
              let lowEarly = early.map({ losses[$0] }).min(), let lowLate = late.map({ losses[$0] }).min() else { return nil }
        let apart = Swift.max(1, stepsBetween(begin, middle + 1))
        let swing = pow(peakLate / peakEarly, 1 / Double(apart))
        let floor = objective.minimumValue ?? 0
        let gap = Swift.max(Swift.abs(lowEarly - floor), 1e-12 * Swift.abs(lowEarly), Double.leastNormalMagnitude)
        guard swing >= 0.9995, lowEarly - lowLate <= 1e-3 * gap else { return nil }
        let from = steps[begin], to = steps[last], cut = steps[middle]
        return (bounceName, nil, "the swing keeps its size and the loss does not fall", [
                "the largest gradient norm was \(f(peakEarly)) over steps \(from)–\(cut) and \(f(peakLate)) over steps \(cut + 1)–\(to): "
                    + "×\(f4(swing)) per step, the swing does not shrink",
                "the lowest loss went \(f(lowEarly, 6)) → \(f(lowLate, 6)): not falling",
            ])
    }

    /// The axis or Hessian eigenvector along which the gradient flips sign most often in the
    /// window, when that is more than half the steps and the component matters (≥ 10% of the
    /// norm on average). Between rows that are not consecutive steps (a thinned trace), a
    /// row counts as a flip when its step ended uphill along the direction.
    func bouncingDirection(first: Int) -> (vector: [Double], name: String, flips: Int)? {
        let dimension = trace.dimension
        var candidates: [[Double]] = (0..<dimension).map { axis in (0..<dimension).map { $0 == axis ? 1.0 : 0.0 } }
        if dimension > 1 {
            let pairs = Curvature.eigenpairs(of: objective.hessian(at: point(last)))
            candidates += pairs.filter { $0.value.isFinite }.map(\.vector)
        }
        let k = last - first
        var best: (vector: [Double], flips: Int, share: Double)?
        for vector in candidates {
            var previous = 0.0
            var flips = 0
            var share = 0.0
            for row in first...last {
                let g = gradient(row)
                var projection = 0.0
                for index in 0..<dimension { projection += g[index] * vector[index] }
                if row > first {
                    if stepsBetween(row - 1, row) == 1 {
                        if projection * previous < 0 { flips += 1 }
                    } else {
                        // Rows a thinned trace keeps are steps apart (a period-2 swing would
                        // alias away): a step that ends going uphill along the direction,
                        // (Δ·v)(g·v) > 0, crossed the valley.
                        let taken = stepTaken(row)
                        var along = 0.0
                        for index in 0..<dimension { along += taken[index] * vector[index] }
                        if along * projection > 0 { flips += 1 }
                    }
                }
                if norms[row] > 0 { share += Swift.abs(projection) / norms[row] }
                previous = projection
            }
            share /= Double(k + 1)
            guard 2 * flips > k, share >= 0.1 else { continue }
            if let current = best, flips < current.flips || (flips == current.flips && share <= current.share + 1e-9) { continue }
            best = (vector, flips, share)
        }
        guard let best else { return nil }
        return (best.vector, VerdictFormat.direction(best.vector, names: objective.parameters), best.flips)
    }

    /// A factor per step with enough digits to tell it from 1 (×0.99998, not ×1).
    func f4(_ value: Double) -> String { VerdictFormat.number(value, digits: QuadraticForecast.factorDigits(value)) }
    func f(_ value: Double, _ digits: Int = 4) -> String { VerdictFormat.number(value, digits: digits) }
}

private func distance(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
}

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
/// The decision, in order (window = the last `window` rows, 20 by default; the numbers are
/// `DiagnosisThresholds`, where each says why it has its value):
/// 1. ended on a domain error → `undefined`; ended diverged → `diverging`, with the growth
///    factor fitted over the last finite steps of the trace.
/// 2. gradient norm under the run's tolerance → `bouncing` if an earlier stretch under the
///    tolerance was followed by a gradient norm past 1000× the tolerance (converged, thrown
///    out, back again: a bounded swing); else at a stationary point: `stuck` if the Hessian
///    has a negative eigenvalue there or a known saddle is within 1e-3 (saddle), `stuck` if the
///    nearest known minimum is a local one, or the loss is above the known minimum value
///    (local minimum), `converged` otherwise.
/// 3. still running, the first that holds:
///    a. `stuck` at the noise floor when the gradient is noisy and the loss hovers (quoting
///       the floor's closed form where `NoiseFloorForecast` has one);
///    b. `diverging` if the gradient-norm factor ρ = (‖g_end‖/‖g_start‖)^(1/steps) over the
///       window is above 1, the loss rose over the window and in at least half its steps,
///       the loss gap at least doubled, and the run never before rose from below today's
///       loss to above it and came back (that is a bounded swing, not a divergence);
///    c. `bouncing` (bounded) if the gradient norm was under the tolerance at an earlier step,
///       has since risen past 1000× the tolerance, and the loss since then stayed under the
///       start's: converged and thrown out again (Adam's bursts near a minimum, noise);
///    d. `bouncing` without shrinking if, along a coordinate axis or a Hessian eigenvector,
///       the gradient's component flips sign in more than half the window's rows (and carries
///       on average at least 10% of the gradient norm) and the swing does not die out: where
///       the quadratic theory is exact (`QuadraticForecast`) a direction's factor has size
///       ≥ 1 (−1 at lr = 2/λ for gd); elsewhere the largest gradient norm in the later half of
///       the last (up to) 100 rows is at least ×0.9995 per step that of the earlier half and
///       the loss's lowest value did not fall by more than 1e-3 of its gap to the known
///       minimum (or 0). Between rows that are not consecutive steps (a thinned trace) a
///       flip is a step that ended uphill along the direction;
///    e. `stuck` (plateau) if at least half the window's rows carry the `plateau` note and
///       the gradient norm is not shrinking (ρ ≥ 0.999);
///    f. `stuck` (saddle) if the gradient norm is under 1e-3 of its largest value in the run
///       and the Hessian has a negative eigenvalue;
///    g. `slow`, converging with a zig-zag, on sign flips as in d whose swing shrinks (the
///       tutorial's bouncing is "without any convergence": that is d);
///    h. `slow` otherwise.
///    For `slow` the remaining steps (`StepsEstimate`): none under gradient noise (the gradient
///    norm never settles under the tolerance; the verdict names the floor instead); from the
///    slowest eigen-direction where the quadratic theory is exact; by stepping a copy of the
///    run ahead (up to `DiagnosisThresholds.runAheadSteps`) for an adaptive optimizer or a
///    schedule on a formula, whose own rule is the only model that holds; else from ρ as
///    log(tol/‖g‖)/log ρ when ρ < 1 ("a rough estimate"), given as "more than 1000000" past that.
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

/// The working state of one diagnosis (the decisions for a run still in progress are in
/// `Diagnosis+InProgress.swift`).
struct TraceReader {
    let run: Run
    let window: Int
    let trace: Trace
    let objective: any DifferentiableLoss
    let tolerance: Double
    /// The run's latest step when the trace (thinned) does not hold it: read as one more row
    /// after the trace's.
    let latest: TraceRecord?
    /// Per row read (the trace's kept rows, then `latest`): the loss and the gradient norm,
    /// which the rules scan over the whole run, computed once; the step number and the notes,
    /// which they read at a few rows, read in place.
    let losses: [Double]
    let norms: [Double]
    let steps: RowsRead<Int>
    let notes: RowsRead<TraceNotes>
    /// The last row read: the run's latest step.
    let last: Int

    init(run: Run, window: Int) {
        self.run = run
        self.window = window
        let trace = run.trace
        self.trace = trace
        objective = run.lossFunction
        tolerance = run.convergenceTolerance
        let latest = trace.count > 0 && trace.step(ofRow: trace.count - 1) < run.stepCount ? run.current : nil
        self.latest = latest
        var losses = [Double](), norms = [Double]()
        losses.reserveCapacity(trace.count + 1)
        norms.reserveCapacity(trace.count + 1)
        for row in 0..<trace.count {
            losses.append(trace.loss(ofRow: row))
            norms.append(trace.gradientNorm(row))
        }
        if let latest {
            losses.append(latest.loss)
            norms.append(latest.gradientNorm)
        }
        self.losses = losses
        self.norms = norms
        steps = RowsRead(trace: trace, latest: latest?.step) { $0.step(ofRow: $1) }
        notes = RowsRead(trace: trace, latest: latest?.notes) { $0.notes(ofRow: $1) }
        last = losses.count - 1
    }

    /// The parameters at `row`; empty when the trace keeps no per-parameter columns (a
    /// large model), except at the run's latest step, which is the current point.
    func point(_ row: Int) -> [Double] {
        if row >= trace.count, let latest { return latest.parameters }
        if trace.dimension == 0, steps[row] == run.stepCount { return run.point }
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
        perStepFactor(from: from, to: to, start: norms[from], end: norms[to])
    }

    /// The per-step factor of the loss gap (to the known minimum value, else to 0) when both gaps are positive.
    func lossFactor(from: Int, to: Int) -> Double? {
        let floor = objective.minimumValue ?? 0
        return perStepFactor(from: from, to: to, start: losses[from] - floor, end: losses[to] - floor)
    }

    /// (end/start)^(1/steps between rows `from` and `to`), or nil unless both are positive and finite.
    private func perStepFactor(from: Int, to: Int, start: Double, end: Double) -> Double? {
        guard to > from, stepsBetween(from, to) > 0, start > 0, end > 0, start.isFinite, end.isFinite else { return nil }
        return pow(end / start, 1 / Double(stepsBetween(from, to)))
    }

    func curvature(at row: Int) -> CurvatureReport {
        CurvatureReport(loss: objective, at: point(row), configuration: run.configuration,
                        learningRate: run.nextLearningRate)
    }

    func theoryLine(at row: Int) -> Phrase? {
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
                               evidence: ["last defined point \(.point(point(previous))), loss \(f(losses[previous], 6))"])
            case .diverged(let step, let reason):
                return diverged(step: step, reason: reason)
            }
        }
        if norms[last] < tolerance {
            var start = last
            while start > 0, norms[start - 1] < tolerance { start -= 1 }
            if let earlier = norms[..<start].firstIndex(where: { $0 < tolerance }),
               norms[earlier..<start].contains(where: { $0 >= DiagnosisThresholds.thrownOutFactor * tolerance }) {
                return backAgain(since: start, earlier: earlier)
            }
            return stationary(convergedStep: steps[start])
        }
        if last == 0 {
            return Verdict(kind: .unstarted, summary: "no steps taken yet",
                           evidence: ["loss \(f(losses[0], 6)), gradient norm \(f(norms[0]))"] + [theoryLine(at: 0)].compactMap { $0 })
        }
        return running()
    }

    // MARK: Ended

    func diverged(step: Int, reason: Phrase) -> Verdict {
        var end = last
        while end > 0, !(norms[end].isFinite && losses[end].isFinite && norms[end] > 0) { end -= 1 }
        var begin = end
        while begin > 0, end - begin < window, norms[begin - 1].isFinite, norms[begin - 1] > 0, losses[begin - 1].isFinite {
            begin -= 1
        }
        let rho = factor(from: begin, to: end)
        var evidence: [Phrase] = [reason]
        if let rho {
            evidence.append("the gradient norm grew ×\(f4(rho)) per step over steps \(steps[begin])–\(steps[end])")
        }
        if let loss = lossFactor(from: begin, to: end) {
            evidence.append("the loss gap grew ×\(f4(loss)) per step")
        }
        if let line = theoryLine(at: 0) { evidence.append(line) }
        let growth: Phrase = rho.map { ": the gradient grew ×\(f4($0)) per step" } ?? ""
        return Verdict(kind: .diverging, summary: "ended at step \(step)\(growth)", evidence: evidence, growthFactor: rho)
    }

    // MARK: Converged or stuck at a stationary point

    /// Under the tolerance again after having converged once and been thrown out: a bounded
    /// swing that keeps coming back (Adam's bursts near a minimum), not a convergence to trust.
    func backAgain(since start: Int, earlier: Int) -> Verdict {
        var left = earlier
        while left < start, norms[left] < DiagnosisThresholds.thrownOutFactor * tolerance { left += 1 }
        let peak = losses[left..<start].lazy.filter(\.isFinite).max() ?? losses[last]
        var evidence: [Phrase] = ["the gradient norm is \(Phrase.under(norms[last], tolerance)) since step \(steps[start])",
                        "but it was under \(f(tolerance)) at step \(steps[earlier]) already and was thrown out by step \(steps[left]); "
                            + "the loss went back up to \(f(peak, 6)) in between"]
        if Curvature.momentumCoefficient(of: run.configuration) == nil {
            evidence.append("an adaptive step lr/√v grows as v shrinks near a minimum: a smaller rate or a larger eps keeps it there")
        }
        return Verdict(kind: .bouncing,
                       summary: "under the tolerance again since step \(steps[start]), but it was thrown out once already "
                           + "(converged at step \(steps[earlier]), out again by step \(steps[left])): a bounded swing that keeps coming back",
                       evidence: evidence, convergedStep: steps[start])
    }

    func stationary(convergedStep: Int) -> Verdict {
        let here = point(last)
        let scale = max(1, here.map { Swift.abs($0) }.max() ?? 0)
        let report = curvature(at: last)
        let eigenvalues = report.directions.map(\.eigenvalue)
        let largest = eigenvalues.map { Swift.abs($0) }.filter(\.isFinite).max() ?? 0
        let base: Phrase = "gradient norm \(Phrase.under(norms[last], tolerance)) since step \(convergedStep)"
        var evidence: [Phrase] = [base, "loss \(f(losses[last], 10)) at \(.point(here))"]

        let knownSaddle = objective.saddles.first { EuclideanNorm.distance($0, here) <= DiagnosisThresholds.knownPointDistance * scale }
        if let lowest = eigenvalues.last, lowest.isFinite, lowest < -DiagnosisThresholds.negativeCurvature * max(1, largest) || knownSaddle != nil {
            let saddle = knownSaddle ?? here
            evidence.append("the Hessian has λ_min = \(f(lowest)) there: a direction that curves down")
            if let low = report.directions.last {
                evidence.append("a push \(report.name(of: low)) would let it escape; the gradient there is exactly balanced")
            }
            return Verdict(kind: .stuck, summary: "at a saddle point \(.point(saddle)) since step \(convergedStep)",
                           evidence: evidence, convergedStep: convergedStep, stuckReason: .saddle(point: saddle))
        }
        if let nearest = objective.nearestMinimum(to: here), !nearest.isGlobal,
           nearest.distance <= DiagnosisThresholds.knownPointDistance * max(1, nearest.point.map { Swift.abs($0) }.max() ?? 0) {
            if let global = objective.minimumValue {
                evidence.append("the global minimum value is \(f(global, 8)); this one is \(f(losses[last] - global)) higher")
            }
            if let best = objective.minima.first {
                evidence.append("the global minimum is at \(.point(best))")
            }
            return Verdict(kind: .stuck, summary: "in the local minimum at \(.point(nearest.point)) since step \(convergedStep)",
                           evidence: evidence, convergedStep: convergedStep, stuckReason: .localMinimum(point: nearest.point))
        }
        if let global = objective.minimumValue, losses[last] - global > DiagnosisThresholds.lossAboveMinimum * max(1, Swift.abs(global)) {
            evidence.append("the known minimum value is \(f(global, 8)); this point is \(f(losses[last] - global)) higher")
            return Verdict(kind: .stuck, summary: "in a local minimum at \(.point(here)) since step \(convergedStep)",
                           evidence: evidence, convergedStep: convergedStep, stuckReason: .localMinimum(point: here))
        }
        if let nearest = objective.nearestMinimum(to: here) {
            evidence.append("distance to the global minimum \(.point(nearest.point)): \(f(nearest.distance))")
        }
        let overshoots = notes.prefix(last + 1).count { $0.contains(.overshoot) }
        if overshoots > 0 { evidence.append("it bounced on the way: \(overshoots) overshoot\(overshoots == 1 ? "" : "s")") }
        return Verdict(kind: .converged, summary: "gradient under \(f(tolerance)) from step \(convergedStep)", evidence: evidence,
                       convergedStep: convergedStep)
    }

    /// A factor per step with enough digits to tell it from 1 (×0.99998, not ×1).
    func f4(_ value: Double) -> Phrase.Part { .number(value, digits: QuadraticForecast.factorDigits(value)) }
    func f(_ value: Double, _ digits: Int = 4) -> Phrase.Part { .number(value, digits: digits) }
}

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
/// The decision is an ordered list of named rules, `DiagnosisRules.standard` (each rule its own
/// type, with its thresholds): the run's phase (ended, under the tolerance, unstarted, running)
/// picks the rules that read it, and the first that holds gives the verdict. `help verdicts`
/// prints the list; shared thresholds are `DiagnosisThresholds`, where each says why it has
/// its value. Window = the last `window` rows, 20 by default.
public enum Diagnosis {
    /// Steps looked at to judge a run still in progress.
    public static let defaultWindow = 20

    /// The verdict on `run` as it stands.
    public static func verdict(for run: Run, window: Int = defaultWindow) -> Verdict {
        verdict(for: run, window: window, rules: .standard)
    }

    /// The rules a run's verdict is decided by, in the order they are tried: each rule's name
    /// (`Verdict.rule`) and the outcome it gives.
    public static var rules: [(name: String, outcome: Outcome)] {
        DiagnosisRules.standard.rules.map { ($0.name, $0.outcome) }
    }

    /// The rules a run's verdict is decided by, in the order they are tried, grouped by the
    /// run's phase: `  name  outcome  when it holds`, each line at most `width` columns.
    public static func ruleLines(width: Int = 80) -> [String] {
        DiagnosisRules.standard.documentation(width: width)
    }

    /// The verdict of the first rule of `rules` that holds for `run` as it stands.
    static func verdict(for run: Run, window: Int = defaultWindow, rules: DiagnosisRules) -> Verdict {
        rules.verdict(DiagnosisReading(TraceReader(run: run, window: max(1, window))))
    }
}

extension Run {
    /// The diagnosis of the run as it stands (`Diagnosis.verdict(for:)`).
    public func verdict(window: Int = Diagnosis.defaultWindow) -> Verdict {
        Diagnosis.verdict(for: self, window: window)
    }
}

/// The rows of one run as the diagnosis reads them (the rules are in `Rules/`).
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

    /// A factor per step with enough digits to tell it from 1 (×0.99998, not ×1).
    func f4(_ value: Double) -> Phrase.Part { .number(value, digits: QuadraticForecast.factorDigits(value)) }
    func f(_ value: Double, _ digits: Int = 4) -> Phrase.Part { .number(value, digits: digits) }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Learning rates on a grid, each run from the same start for the same budget and sorted by
/// its run's verdict (slow, converged, bouncing, diverging; stuck, undefined): the engine half
/// of `sweep`.
public enum Sweep {
    public struct Point: Sendable {
        public var learningRate: Double
        /// The outcome of the run's verdict: a rate is `converged` exactly when its run is.
        public var outcome: Outcome
        public var verdict: Verdict
        public var finalLoss: Double
        public var stepsToConverge: Int?
        /// Start gradient norm over final gradient norm (∞ when the final one is 0).
        public var gradientReduction: Double
        /// Steps the run took (fewer than asked when it ended, converged or was interrupted).
        public var stepsTaken = 0
    }

    public struct Report: Sendable {
        public var points: [Point]
        public var steps: Int
        /// 2(1 + μ)/λ_max of the Hessian at the start (2/λ_max for gd): the rate above which the
        /// quadratic model diverges. Nil when λ_max ≤ 0 or the optimizer is adaptive.
        public var criticalRate: Double?
        /// The curvature analysis at the start, at the configuration's own rate.
        public var curvature: CurvatureReport
        /// The smallest swept rate whose run was diverging; nil when none was.
        public var empiricalBoundary: Double?
        public var wasStopped: Bool
    }

    /// `count` rates from `lower` to `upper` equally spaced in log scale, endpoints exact.
    /// Empty for count ≤ 0; `[lower]` for count 1. Both bounds must be positive.
    public static func logGrid(from lower: Double, to upper: Double, count: Int) -> [Double] {
        precondition(lower > 0 && upper > 0, "a log grid needs positive bounds")
        guard count > 0 else { return [] }
        guard count > 1 else { return [lower] }
        let ratio = log(upper / lower)
        return (0..<count).map { index in
            if index == 0 { return lower }
            if index == count - 1 { return upper }
            return lower * exp(ratio * Double(index) / Double(count - 1))
        }
    }

    /// Runs `configuration` at each rate in `rates` (replacing its `lr`; the schedule still
    /// scales it) for `steps` steps from `start`, each stopping early once it converges.
    /// Throws when the formula has no value at `start`; `shouldStop` is polled every 1024
    /// steps and between rates. Memory: one run's trace at a time; each rate keeps a `Point`.
    public static func run(objective: some DifferentiableLoss, start: [Double], configuration: OptimizerConfiguration,
                           schedule: any LearningRateSchedule = ConstantSchedule(), rates: [Double], steps: Int,
                           convergenceTolerance: Double = 1e-8,
                           shouldStop: () -> Bool = { false }) throws(EvaluationError) -> Report {
        // A sweep is a comparison of one configuration at many rates.
        let entries = rates.map { rate in
            Comparison.Entry(configuration: configuration.withLearningRate(rate), schedule: schedule, label: "lr=\(rate)")
        }
        var points: [Point] = []
        let stopped = try Comparison.forEachRun(objective: objective, start: start, entries: entries, steps: steps,
                                                convergenceTolerance: convergenceTolerance, shouldStop: shouldStop) { run, _ in
            points.append(point(of: run, rate: rates[points.count]))
        }
        let curvature = CurvatureReport(loss: objective, at: start, configuration: configuration)
        let boundary = points.filter { $0.outcome == .diverging }.map(\.learningRate).min()
        return Report(points: points, steps: steps, criticalRate: curvature.criticalRate, curvature: curvature,
                      empiricalBoundary: boundary, wasStopped: stopped)
    }

    /// Start gradient norm over final gradient norm (∞ when the final one is 0).
    static func gradientReduction(of run: Run) -> Double {
        let first = run.trace.record(0).gradientNorm
        let last = run.current.gradientNorm
        return last > 0 ? first / last : .infinity
    }

    /// The summary kept of one finished run (its trace is let go).
    static func point(of run: Run, rate: Double) -> Point {
        let verdict = run.verdict()
        return Point(learningRate: rate, outcome: verdict.kind.outcome, verdict: verdict, finalLoss: run.loss,
                     stepsToConverge: Comparison.firstConvergedStep(of: run), gradientReduction: gradientReduction(of: run),
                     stepsTaken: run.stepCount)
    }
}

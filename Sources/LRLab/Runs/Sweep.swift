#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Learning rates on a grid, each run from the same start for the same budget and sorted into
/// slow / good / bouncing / divergent: the engine half of `sweep`.
public enum Sweep {
    /// How one learning rate fared.
    ///
    /// - `good`: the run converged within the budget (gradient norm under the tolerance at a
    ///   global or unknown minimum, verdict `converged`), or it reduced the gradient norm by a
    ///   factor of at least 1e6 from the start without diverging or getting stuck.
    /// - `divergent`: verdict `diverging` (ended diverged or loss growing geometrically).
    /// - `bouncing`: verdict `bouncing`, not yet good.
    /// - `slow`: verdict `slow` (or no steps), not yet good.
    /// - `stuck`: verdict `stuck` (saddle, local minimum, plateau).
    /// - `undefined`: the run reached a point where the formula has no value.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        case slow, good, bouncing, divergent, stuck, undefined
    }

    /// The reduction of the gradient norm that counts as good without formal convergence.
    public static let goodReduction = 1e6

    public struct Point: Sendable {
        public var learningRate: Double
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
        /// The smallest swept rate whose run was divergent; nil when none was.
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
        let boundary = points.filter { $0.outcome == .divergent }.map(\.learningRate).min()
        return Report(points: points, steps: steps, criticalRate: curvature.criticalRate, curvature: curvature,
                      empiricalBoundary: boundary, wasStopped: stopped)
    }

    /// Classifies one finished run (see `Outcome`).
    public static func outcome(of run: Run, verdict: Verdict) -> (Outcome, reduction: Double) {
        let first = run.trace.record(0).gradientNorm
        let last = run.current.gradientNorm
        let reduction = last > 0 ? first / last : .infinity
        switch verdict.kind {
        case .diverging: return (.divergent, reduction)
        case .undefined: return (.undefined, reduction)
        case .stuck: return (.stuck, reduction)
        case .converged: return (.good, reduction)
        case .bouncing, .slow, .unstarted:
            if run.stepCount > 0, reduction >= goodReduction { return (.good, reduction) }
            return (verdict.kind == .bouncing ? .bouncing : .slow, reduction)
        }
    }

    /// The summary kept of one finished run (its trace is let go).
    static func point(of run: Run, rate: Double) -> Point {
        let verdict = run.verdict()
        let (outcome, reduction) = outcome(of: run, verdict: verdict)
        return Point(learningRate: rate, outcome: outcome, verdict: verdict, finalLoss: run.loss,
                     stepsToConverge: Comparison.firstConvergedStep(of: run), gradientReduction: reduction,
                     stepsTaken: run.stepCount)
    }
}

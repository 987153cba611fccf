#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The learning-rate range test (Smith 2015, popularised by fastai's `lr_find`): one run in
/// which the rate grows exponentially from `lower` to `upper`, recording the loss after each
/// step, stopped once the loss blows up.
///
/// Suggested rate (`suggestedRate`): the rate at the steepest descent of the smoothed curve
/// against log(lr) — the largest drop of a centred moving average (half-width max(1, n/20)
/// points) between neighbouring rates, looked for before the smoothed minimum. The curve is
/// log(loss − floor), the floor being the objective's known minimum value, else 0 when every
/// loss is positive; the raw loss when neither applies. When the curve never falls before its
/// minimum, one tenth of the rate at the minimum (`minimumRate / 10`) instead.
///
/// Why log: gradient descent shrinks the loss gap by a factor per step, so the log gap falls
/// fastest where that factor is smallest. On f = a·x²/2 the factor is (1 − lr·a)², smallest at
/// lr = 1/a, and the suggestion lands within a factor of 2 of 1/a (tested).
public enum LearningRateFinder {
    public struct Report: Sendable {
        /// The rate of each step, from `lower` upward.
        public var rates: [Double]
        /// The loss after the step made with `rates[i]`.
        public var losses: [Double]
        /// The centred moving average of log(loss − floor) (of the loss itself when no floor is known).
        public var smoothedLosses: [Double]
        /// The loss before the first step.
        public var startLoss: Double
        /// The rate at the steepest fall of the smoothed loss, nil when it never falls.
        public var steepestRate: Double?
        /// The rate where the smoothed curve is lowest.
        public var minimumRate: Double?
        /// `steepestRate`, or `minimumRate / 10` when there is no fall.
        public var suggestedRate: Double?
        /// 2(1 + μ)/λ_max at the start (2/λ_max for gd), for comparison: on an ill-conditioned
        /// valley the range test can suggest a rate that diverges along the steep direction.
        public var criticalRate: Double?
        /// Which rule gave `suggestedRate`, said in words.
        public var rule: String
        /// Why the test ended before `upper`, if it did: `the loss passed 4× its best`, a divergence.
        public var stopReason: String?
        public var wasStopped: Bool
    }

    /// Runs the range test for `configuration` (its `lr` ignored) from `start`, rates from
    /// `lower` to `upper` over `steps` steps. The test stops early when the loss exceeds
    /// `stopFactor` times its best so far (measured from 0, or as best + (factor − 1)·|best| for
    /// negative losses), or when the run ends. Throws when the formula has no value at `start`.
    public static func run(objective: some DifferentiableLoss, start: [Double], configuration: OptimizerConfiguration,
                           from lower: Double, to upper: Double, steps: Int, stopFactor: Double = 4,
                           shouldStop: () -> Bool = { false }) throws(EvaluationError) -> Report {
        let schedule = RangeTestSchedule(from: lower, to: upper, steps: steps)
        var run = try Run(objective: objective, start: start, configuration: configuration.withLearningRate(lower),
                          schedule: schedule)
        var rates: [Double] = []
        var losses: [Double] = []
        var best = run.loss
        var stopReason: String?
        var stopped = false
        for index in 0..<max(0, steps) {
            if index & 255 == 255, shouldStop() { stopped = true; break }
            let rate = run.nextLearningRate
            guard run.step() else { break }
            if let ending = run.ending {
                stopReason = ending.description
                break
            }
            rates.append(rate)
            losses.append(run.loss)
            best = min(best, run.loss)
            if run.loss > best + (stopFactor - 1) * Swift.abs(best) {
                stopReason = "the loss passed \(Expr.format(stopFactor))× its best"
                break
            }
        }
        let floor = objective.minimumValue ?? (losses.allSatisfy { $0 > 0 } ? 0 : nil)
        let curve = floor.map { floor in losses.map { log(max($0 - floor, Double.leastNormalMagnitude)) } } ?? losses
        let smoothed = smooth(curve)
        var minimumIndex: Int?
        for index in smoothed.indices where minimumIndex == nil || smoothed[index] < smoothed[minimumIndex!] {
            minimumIndex = index
        }
        var steepestIndex: Int?
        var steepestDrop = 0.0
        if let minimumIndex, minimumIndex > 0 {
            for index in 1...minimumIndex {
                let drop = smoothed[index] - smoothed[index - 1]
                if drop < steepestDrop {
                    steepestDrop = drop
                    steepestIndex = index
                }
            }
        }
        // The drop between neighbours i−1 and i is credited to their geometric midpoint.
        let steepestRate = steepestIndex.map { (rates[$0] * rates[$0 - 1]).squareRoot() }
        let minimumRate = minimumIndex.map { rates[$0] }
        let suggested: Double?
        let rule: String
        if let steepestRate {
            suggested = steepestRate
            rule = floor == nil ? "steepest fall of the smoothed loss against log(lr)"
                : "steepest fall of the smoothed log(loss) against log(lr)"
        } else {
            suggested = minimumRate.map { $0 / 10 }
            rule = "one tenth of the rate at the lowest smoothed loss"
        }
        return Report(rates: rates, losses: losses, smoothedLosses: smoothed, startLoss: run.trace.losses[0],
                      steepestRate: steepestRate, minimumRate: minimumRate, suggestedRate: suggested,
                      criticalRate: CurvatureReport(loss: objective, at: start, configuration: configuration).criticalRate,
                      rule: rule,
                      stopReason: stopReason, wasStopped: stopped)
    }

    /// Centred moving average with half-width max(1, n/20), shrinking at the ends.
    static func smooth(_ values: [Double]) -> [Double] {
        let half = max(1, values.count / 20)
        return values.indices.map { index in
            let range = max(0, index - half)...min(values.count - 1, index + half)
            var sum = 0.0
            for position in range { sum += values[position] }
            return sum / Double(range.count)
        }
    }
}

/// The range test's schedule: lr_t = lower · (upper/lower)^((t − 1)/(steps − 1)) for t = 1…steps
/// (held at `upper` afterwards). It sets the rate itself: the optimizer's base rate is ignored.
public struct RangeTestSchedule: LearningRateSchedule {
    public var lower: Double
    public var upper: Double
    public var steps: Int

    public init(from lower: Double, to upper: Double, steps: Int) {
        precondition(lower > 0 && upper > 0, "the range test needs positive rates")
        self.lower = lower
        self.upper = upper
        self.steps = steps
    }

    public func rate(at step: Int, base: Double) -> Double {
        guard steps > 1 else { return lower }
        let fraction = Double(min(max(step, 1), steps) - 1) / Double(steps - 1)
        if fraction == 1 { return upper }
        return lower * exp(log(upper / lower) * fraction)
    }

    public var description: String {
        "range \(Expr.format(lower))..\(Expr.format(upper)) over \(steps) steps"
    }
}

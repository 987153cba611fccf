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
/// The curve read is log(loss − floor), the floor being the objective's known minimum value,
/// else 0 when every loss is positive; the raw loss when neither applies. It is smoothed by
/// fastai's debiased exponential moving average, run forward and then backward over the
/// curve so that the smoothed curve does not lag behind the rates (linear time; β = 0.98 as
/// fastai's, spanning about 50 points, or n/20 points for tests shorter than 1000 steps).
///
/// Suggested rate (`suggestedRate`): fastai's "minimum" rule, one tenth of the rate at the
/// lowest smoothed loss (`minimumRate / 10`); "lowest" is the first point within 1% of the
/// curve's range of its minimum, so that a run that reaches the floor early (the loss at the
/// known minimum for a stretch of rates) counts from where the floor begins. Past that minimum the loss climbs to the
/// blow-up, so the suggestion is always a tenth of a rate below the measured blow-up: on an
/// ill-conditioned valley the steepest fall (`steepestRate`, also reported) can sit above
/// the steep direction's 2/λ, a rate the run does not survive.
///
/// For gd and momentum the suggestion is also capped at the largest rate that does not bounce
/// according to the curvature at the start (1/λ_max for gd): once a direction's error has
/// underflowed to exactly 0 it cannot blow up any more, and a long test then misses that
/// direction's bound (the ravine's y at 2/50 = 0.04 with 10,000 steps).
///
/// On f = a·x²/2 with gd the loss falls while |1 − lr·a| < 1, so the lowest loss comes at a
/// rate near 2/a and the suggestion near 0.2/a (tested).
public enum LearningRateFinder {
    public struct Report: Sendable {
        /// The rate of each step, from `lower` upward.
        public var rates: [Double]
        /// The loss after the step made with `rates[i]`.
        public var losses: [Double]
        /// The smoothed log(loss − floor) (the loss itself when no floor is known), see `smooth`.
        public var smoothedLosses: [Double]
        /// The loss before the first step.
        public var startLoss: Double
        /// The rate at the steepest fall of the smoothed loss, nil when it never falls.
        public var steepestRate: Double?
        /// The rate where the smoothed curve first comes within 1% of its range of its lowest value.
        public var minimumRate: Double?
        /// `minimumRate / 10`: below the measured blow-up by construction; for gd and momentum
        /// at most the largest rate without bouncing from the curvature at the start.
        public var suggestedRate: Double?
        /// 2(1 + μ)/λ_max at the start (2/λ_max for gd), for comparison: on an ill-conditioned
        /// valley the range test can suggest a rate that diverges along the steep direction.
        public var criticalRate: Double?
        /// How `criticalRate` is written: `2/λ_max`, or `2(1+μ)/λ_max` with momentum.
        public var criticalSymbol: String
        /// Which rule gave `suggestedRate`, said in words.
        public var rule: Phrase
        /// Why the test ended before `upper`, if it did: `the loss passed 4× its best`, a divergence.
        public var stopReason: Phrase?
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
        var stopReason: Phrase?
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
        // The lowest point, or where a floor begins: a run that converges early sits at the
        // bottom for every larger rate until the blow-up, and the first rate there counts.
        var minimumIndex: Int?
        if let lowest = smoothed.min(), let highest = smoothed.max(), lowest.isFinite, highest.isFinite {
            let reach = lowest + 0.01 * (highest - lowest)
            minimumIndex = smoothed.firstIndex { $0 <= reach }
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
        var suggested = minimumRate.map { $0 / 10 }
        var rule: Phrase = suggested == nil ? "the test took no step"
            : "one tenth of the rate at the lowest smoothed \(floor == nil ? "loss" : "log(loss)"), fastai's minimum/10"
        // A direction whose error underflowed to exactly 0 can no longer blow up, so a long test
        // may miss the steep direction's bound: where the curvature theory applies, the
        // suggestion stays at or under the largest rate that does not bounce at the start.
        let curvature = CurvatureReport(loss: objective, at: start, configuration: configuration)
        if let rate = suggested, let monotone = curvature.top?.monotoneRate, monotone > 0, rate > monotone {
            suggested = monotone
            rule = "\(rule), capped at \(curvature.monotoneSymbol) = \(.number(monotone, digits: 4)) from the curvature at the start"
        }
        return Report(rates: rates, losses: losses, smoothedLosses: smoothed, startLoss: run.trace.losses[0],
                      steepestRate: steepestRate, minimumRate: minimumRate, suggestedRate: suggested,
                      criticalRate: curvature.criticalRate, criticalSymbol: curvature.criticalSymbol,
                      rule: rule,
                      stopReason: stopReason, wasStopped: stopped)
    }

    /// fastai's debiased exponential moving average, a_i = β·a_{i−1} + (1 − β)·v_i reported as
    /// a_i/(1 − β^(i+1)), run forward and then backward over the forward result, so the
    /// smoothing does not shift the curve; β = 0.98 as fastai's, less for short tests
    /// (1 − 1/max(1, n/20): the average spans about n/20 points there). Linear in n.
    static func smooth(_ values: [Double]) -> [Double] {
        let beta = Swift.min(0.98, 1 - 1 / Swift.max(1, Double(values.count) / 20))
        func pass(_ input: [Double]) -> [Double] {
            var average = 0.0, weight = 1.0
            var output: [Double] = []
            output.reserveCapacity(input.count)
            for value in input {
                average = beta * average + (1 - beta) * value
                weight *= beta
                output.append(weight < 1 ? average / (1 - weight) : value)
            }
            return output
        }
        return pass(pass(values).reversed()).reversed()
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

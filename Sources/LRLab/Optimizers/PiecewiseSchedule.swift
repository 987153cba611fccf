/// Piecewise-constant rates with breakpoints, the tutorial's annealing by hand:
/// `step 0.1 400:0.01 700:0.001` means
///
///     η_t = 0.1     for 1 ≤ t ≤ 400
///     η_t = 0.01    for 401 ≤ t ≤ 700
///     η_t = 0.001   for t > 700
///
/// A breakpoint `S:R` sets the rate R for every step after S. The rates replace the
/// optimizer's base rate; the first value may be omitted (`step 400:0.01`), and then the base
/// rate holds until the first breakpoint.
public struct PiecewiseSchedule: LearningRateSchedule, Hashable {
    public struct Breakpoint: Sendable, Hashable {
        /// The last step at the previous rate.
        public var after: Int
        public var rate: Double

        public init(after: Int, rate: Double) {
            self.after = after
            self.rate = rate
        }
    }

    /// The rate before the first breakpoint; nil means the optimizer's base rate.
    public var initial: Double?
    /// Breakpoints in increasing step order.
    public var breakpoints: [Breakpoint]

    public init(initial: Double? = nil, breakpoints: [Breakpoint]) {
        self.initial = initial
        self.breakpoints = breakpoints.sorted { $0.after < $1.after }
    }

    public func rate(at step: Int, base: Double) -> Double {
        var rate = initial ?? base
        for breakpoint in breakpoints {
            guard step > breakpoint.after else { break }
            rate = breakpoint.rate
        }
        return rate
    }

    /// The step after each milestone: `400:0.01` changes the rate at step 401.
    public func breakpoint(after step: Int) -> Int? {
        breakpoints.first { $0.after >= step && $0.after < Int.max }.map { $0.after + 1 }
    }

    public var description: String {
        (["step"] + (initial.map { [Expr.format($0)] } ?? [])
            + breakpoints.map { "\($0.after):\(Expr.format($0.rate))" }).joined(separator: " ")
    }
}

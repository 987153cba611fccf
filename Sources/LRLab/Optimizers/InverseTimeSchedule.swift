/// Inverse-time decay, the 1/t annealing of stochastic approximation:
///
///     η_t = lr / (1 + decay · (t − 1))
///
/// Written `inverse-time decay=0.01` (the default): the rate halves after 1/decay steps.
public struct InverseTimeSchedule: LearningRateSchedule, Hashable {
    public var decay: Double

    public init(decay: Double = 0.01) {
        self.decay = decay
    }

    public func rate(at step: Int, base: Double) -> Double {
        base / (1 + decay * Double(Swift.max(step, 1) - 1))
    }

    public var description: String { "inverse-time decay=\(Expr.format(decay))" }
}

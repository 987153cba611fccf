/// Exponential decay, PyTorch's `ExponentialLR`: the rate shrinks by γ every step.
///
///     η_t = lr · γ^(t − 1)
///
/// Written `exp gamma=0.99` (the default). Half-life: ln 2 / −ln γ steps (about 69 for 0.99).
public struct ExponentialSchedule: LearningRateSchedule, Hashable {
    public var gamma: Double

    public init(gamma: Double = 0.99) {
        self.gamma = gamma
    }

    public func rate(at step: Int, base: Double) -> Double {
        base * _pow(gamma, Double(Swift.max(step, 1) - 1))
    }

    public var description: String { "exp gamma=\(Expr.format(gamma))" }
}

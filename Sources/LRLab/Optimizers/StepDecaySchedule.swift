/// Step decay, PyTorch's `StepLR`: multiply the rate by γ every N steps.
///
///     η_t = lr · γ^⌊(t − 1) / N⌋
///
/// so steps 1…N use lr, steps N+1…2N use lr·γ, and so on. Written `step gamma=0.5 every=100`;
/// gamma defaults to 0.1 (as in PyTorch), `every` must be given.
public struct StepDecaySchedule: LearningRateSchedule, Hashable {
    public var gamma: Double
    public var every: Int

    public init(gamma: Double = 0.1, every: Int) {
        self.gamma = gamma
        self.every = Swift.max(1, every)
    }

    public func rate(at step: Int, base: Double) -> Double {
        base * _pow(gamma, Double((Swift.max(step, 1) - 1) / every))
    }

    /// Steps N + 1, 2N + 1, ...: where ⌊(t − 1)/N⌋ grows.
    public func breakpoint(after step: Int) -> Int? {
        let periods = (step > 0 ? step - 1 : 0) / every + 1
        let (product, overflow) = periods.multipliedReportingOverflow(by: every)
        guard !overflow, product < Int.max else { return nil }
        return product + 1
    }

    public var description: String { "step gamma=\(Expr.format(gamma)) every=\(every)" }
}

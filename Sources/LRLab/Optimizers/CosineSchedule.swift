/// Cosine annealing, PyTorch's `CosineAnnealingLR` without restarts: from the base rate down
/// to a floor over N steps, then stay at the floor.
///
///     η_t = min + (lr − min) · (1 + cos(π · min(t − 1, N) / N)) / 2
///
/// so η_1 = lr, η_{N/2+1} is halfway, and η_t = min for every t > N. Written
/// `cosine steps=1000 min=0` (the defaults); `min` is an absolute rate.
public struct CosineSchedule: LearningRateSchedule, Hashable {
    public var steps: Int
    public var minimum: Double

    public init(steps: Int = 1000, minimum: Double = 0) {
        self.steps = Swift.max(1, steps)
        self.minimum = minimum
    }

    public func rate(at step: Int, base: Double) -> Double {
        let elapsed = Double(Swift.min(Swift.max(step, 1) - 1, steps))
        return minimum + (base - minimum) * (1 + _cos(Double.pi * elapsed / Double(steps))) / 2
    }

    public var description: String { "cosine steps=\(steps) min=\(Expr.format(minimum))" }
}

/// Linear warm-up in front of another schedule: the first W steps ramp the rate up linearly.
///
///     η_t = inner(t) · t / W    for t ≤ W
///     η_t = inner(t)            for t > W
///
/// Convention: the inner schedule runs on the same clock as the run, it is not restarted
/// after the warm-up. So `warmup steps=100 then cosine steps=1000` reaches the cosine's
/// floor at step 1001, and breakpoints such as `400:0.01` keep their step numbers. Written
/// `warmup steps=100` (constant inner) or `warmup steps=100 then KIND OPTIONS...`.
public struct WarmupSchedule: LearningRateSchedule {
    public var steps: Int
    public var inner: any LearningRateSchedule

    public init(steps: Int = 100, then inner: any LearningRateSchedule = ConstantSchedule()) {
        self.steps = Swift.max(1, steps)
        self.inner = inner
    }

    public func rate(at step: Int, base: Double) -> Double {
        let rate = inner.rate(at: step, base: base)
        return step < steps ? rate * Double(Swift.max(step, 0)) / Double(steps) : rate
    }

    /// Step W, where the ramp reaches the inner schedule's rate, then the inner schedule's
    /// own breakpoints. The ramp's steps before W are smooth, not events.
    public func breakpoint(after step: Int) -> Int? {
        let inner = self.inner.breakpoint(after: step)
        guard step < steps else { return inner }
        return Swift.min(steps, inner ?? Int.max)
    }

    public var description: String {
        inner is ConstantSchedule ? "warmup steps=\(steps)" : "warmup steps=\(steps) then \(inner.description)"
    }
}

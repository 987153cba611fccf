/// A schedule whose step numbers count epochs: during a training with `stepsPerEpoch` batches
/// an epoch, update number t belongs to epoch e = ⌈t / stepsPerEpoch⌉ and takes the rate the
/// inner schedule gives at e. So `step 0.1 400:0.01 700:0.001` means epochs 400 and 700 during
/// `train`, as the tutorial anneals, whatever the batch size; with full batches (one step an
/// epoch) nothing changes.
public struct EpochSchedule: LearningRateSchedule {
    /// The schedule as written, counting epochs.
    public let inner: any LearningRateSchedule
    /// Updates per epoch, at least 1.
    public let stepsPerEpoch: Int

    /// `schedule` counted in epochs of `stepsPerEpoch` updates; the schedule itself when that
    /// changes nothing (one update an epoch, a constant rate) or it already counts epochs.
    public static func counting(_ schedule: any LearningRateSchedule, stepsPerEpoch: Int) -> any LearningRateSchedule {
        if stepsPerEpoch <= 1 || schedule is ConstantSchedule || schedule is EpochSchedule { return schedule }
        return EpochSchedule(inner: schedule, stepsPerEpoch: stepsPerEpoch)
    }

    init(inner: any LearningRateSchedule, stepsPerEpoch: Int) {
        self.inner = inner
        self.stepsPerEpoch = max(1, stepsPerEpoch)
    }

    /// The epoch update number `step` belongs to (steps ≤ 0 map to themselves).
    public func epoch(ofStep step: Int) -> Int {
        step <= 0 ? step : (step - 1) / stepsPerEpoch + 1
    }

    public func rate(at step: Int, base: Double) -> Double {
        inner.rate(at: epoch(ofStep: step), base: base)
    }

    /// Written as the inner schedule, so `schedule` shows what was typed.
    public var description: String { inner.description }

    /// The first update of the epoch at which the inner schedule next jumps; nil past `Int.max`.
    public func breakpoint(after step: Int) -> Int? {
        guard let epoch = inner.breakpoint(after: epoch(ofStep: step)) else { return nil }
        let (steps, overflow) = (epoch - 1).multipliedReportingOverflow(by: stepsPerEpoch)
        guard !overflow, steps < Int.max else { return nil }
        return steps + 1
    }
}

/// The values a batch of steps reads: the run's rules, the batch itself, and a held step.
extension RunProgress {
    /// What a batch of steps needs to know about the run, read once per batch.
    struct Rules {
        /// The configuration's `lr`, which the schedule scales.
        var learningRate: Double
        /// A constant schedule is not asked for the rate each step.
        var scheduleIsConstant: Bool
        var divergenceBound: Double
        /// The gradient norm under which a step counts as converged.
        var convergence: NormThreshold
        /// Stop after the first step whose notes say converged.
        var untilConverged: Bool
        /// The loss's evaluations can be stopped midway (`DifferentiableLoss.evaluationCanStop`):
        /// a stopped step is held (`heldStep`) and finished first by the next batch.
        var evaluationCanStop = false
    }

    /// The steps `advance(optimizer:shouldStop:)` takes next, set by the run before it hands
    /// this state to its optimizer (`Optimizer.takeSteps`).
    struct Batch: Sendable {
        var count: Int
        var loss: any DifferentiableLoss
        var schedule: any LearningRateSchedule
        var rules: Rules
    }

    /// A step whose update was made but whose evaluation `shouldStop` stopped: the point it
    /// reached and the rate it used. The run stays at the step before (point, loss, gradient,
    /// trace), the optimizer's state is already the held step's, and the next step taken
    /// finishes this one (the same evaluation, so the same numbers as a run never stopped)
    /// instead of updating again. Copying the point once, at the stop, replaces copying the
    /// optimizer's state before every step to undo it.
    struct HeldStep: Sendable {
        var step: Int
        var learningRate: Double
        var point: [Double]
    }
}

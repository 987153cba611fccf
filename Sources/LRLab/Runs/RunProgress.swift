/// What stepping a `Run` changes, apart from the optimizer: the point, loss and gradient,
/// the trace, and the bookkeeping between steps. Kept apart from `Run` so that a batch of
/// steps can borrow the optimizer (opened to its concrete type) and this state at once.
///
/// Public only so that `Optimizer.takeSteps(_:shouldStop:)` can name it: nothing outside
/// the engine makes or reads one.
public struct RunProgress: Sendable {
    var batch: Batch?

    var point: [Double]
    var loss: Double
    var gradient: [Double]
    var stepCount = 0
    var trace: Trace
    var ending: Run.Ending?
    /// The point, then the gradient, before the latest step (`dimension` values each): the
    /// step taken and the overshoot test read them.
    private var previous: [Double]
    /// Where a batch of steps keeps the point and the gradient: the objective's workspace,
    /// whose first `dimension` values are the point and which holds the gradient at
    /// `Objective.gradientOffset` (see `Objective.loss(inPlace:)`). Made at the first batch;
    /// `point` and `gradient` are copied in and out once per batch.
    private var workspace: [Double] = []
    private var lastLearningRate = 0.0
    /// The notes of the latest row, kept here because a thinned trace may not hold that row.
    private var lastNotes: TraceNotes = []
    /// The schedule's next breakpoint (`LearningRateSchedule.breakpoint(after:)`), Int.max
    /// when none: the only steps that can carry the `lr change` note, so a smooth schedule
    /// marks nothing and a step pays one comparison for it.
    private var nextBreakpoint: Int

    /// What the trace keeps (kept for a restart).
    let recording: RecordingPolicy

    /// The step `shouldStop` interrupted in its evaluation (`HeldStep`), finished first by
    /// the next step taken.
    private(set) var heldStep: HeldStep?

    init(start: [Double], loss: Double, gradient: [Double], stateNames: [String], convergenceTolerance: Double,
         schedule: any LearningRateSchedule, recording: RecordingPolicy) {
        self.recording = recording
        self.nextBreakpoint = schedule.breakpoint(after: 1) ?? Int.max
        self.point = start
        self.loss = loss
        self.gradient = gradient
        self.previous = start + gradient
        self.trace = Trace(parameterCount: start.count, stateNames: stateNames, policy: recording)
        var notes: TraceNotes = []
        if EuclideanNorm.of(gradient) < convergenceTolerance { notes.insert(.converged) }
        lastNotes = notes
        // Row 0: no step taken, and the state as zeros (nothing has been accumulated).
        trace.append(step: 0, learningRate: 0, parameters: start, loss: loss, gradient: gradient,
                     stepTaken: [Double](repeating: 0, count: start.count),
                     state: [Double](repeating: 0, count: trace.stateNames.count * trace.dimension), notes: notes)
    }

    /// Marks the next step `lr change` when its rate differs from the latest step's: the
    /// base rate was set by hand (`Run.setLearningRate`).
    mutating func markRateEvent() { nextBreakpoint = stepCount + (heldStep == nil ? 1 : 2) }

    /// Frees the workspace until the next batch of steps.
    mutating func releaseScratch() { workspace = [] }

    var hasConverged: Bool { ending == nil && lastNotes.contains(.converged) }

    /// The latest step as a trace row; `optimizer` supplies the state.
    func current(optimizer: any Optimizer) -> TraceRecord {
        let dimension = point.count
        var stepTaken = [Double](repeating: 0, count: dimension)
        var state = [Double](repeating: 0, count: optimizer.stateNames.count * dimension)
        var stepGradient = gradient
        if stepCount > 0 {
            for index in 0..<dimension { stepTaken[index] = point[index] - previous[index] }
            stepGradient = Array(previous[dimension..<2 * dimension])
            var row = state.mutableSpan
            optimizer.writeState(into: &row)
        }
        return TraceRecord(step: stepCount, learningRate: lastLearningRate, parameters: point, loss: loss, gradient: gradient,
                           stepTaken: stepTaken, state: state, notes: lastNotes, stepGradient: stepGradient)
    }

    /// Takes the steps of `batch` (which it clears) with `optimizer`: up to `batch.count`;
    /// stops early when the run ends or, with `rules.untilConverged`, at the first converged
    /// step, or when `shouldStop` says stop in the middle of an evaluation (asked only with
    /// `rules.evaluationCanStop`: the step is then held, see `heldStep`). Returns the number
    /// taken.
    ///
    /// Generic over the optimizer's type and called from `Optimizer.takeSteps`, whose
    /// default is compiled for each optimizer type of the engine: the existential `Run`
    /// holds is opened once per batch, and each update is a direct call. The loss stays an
    /// existential (one dispatch a step). The previous values and the workspace holding
    /// the point and the gradient leave `self` for the batch, so that raw buffers stay open
    /// over them while the steps update the rest of `self`: each array is checked for
    /// uniqueness once per batch, not once per step. The optimizer and the loss see spans
    /// over those buffers.
    mutating func advance<Optimizer: LRLab.Optimizer>(optimizer: inout Optimizer, shouldStop: () -> Bool) -> Int {
        guard let batch else { return 0 }
        self.batch = nil
        let (count, objective, schedule, rules) = (batch.count, batch.loss, batch.schedule, batch.rules)
        var workspace: [Double] = [], previous: [Double] = []
        swap(&workspace, &self.workspace)
        swap(&previous, &self.previous)
        defer {
            swap(&workspace, &self.workspace)
            swap(&previous, &self.previous)
        }
        // The point and the gradient live in the workspace for the batch, where the
        // evaluation reads the one and leaves the other.
        let dimension = point.count, gradientOffset = objective.gradientOffset
        let size = Swift.max(objective.workspaceCount, dimension, gradientOffset + dimension)
        if workspace.count != size { workspace = [Double](repeating: 0, count: size) }
        for index in 0..<dimension {
            workspace[index] = point[index]
            workspace[gradientOffset + index] = gradient[index]
        }
        let taken = workspace.withUnsafeMutableBufferPointer { workspace in
            previous.withUnsafeMutableBufferPointer { previous in
                var whole = workspace.mutableSpan
                objective.prepare(workspace: &whole)
                let values = StepBuffers(point: UnsafeMutableBufferPointer(rebasing: workspace[0..<dimension]),
                                         gradient: UnsafeMutableBufferPointer(rebasing: workspace[gradientOffset..<gradientOffset + dimension]),
                                         previousPoint: UnsafeMutableBufferPointer(rebasing: previous[0..<dimension]),
                                         previousGradient: UnsafeMutableBufferPointer(rebasing: previous[dimension..<2 * dimension]),
                                         workspace: workspace)
                var taken = 0
                while taken < count, ending == nil {
                    // `lastNotes` must be whole after the batch, and after every step of a run
                    // until converged.
                    guard step(values, optimizer: &optimizer, objective: objective, schedule: schedule, rules: rules,
                               allNotes: rules.untilConverged || taken == count - 1, shouldStop: shouldStop) else { break }
                    taken += 1
                    if rules.untilConverged, hasConverged { break }
                }
                return taken
            }
        }
        for index in 0..<dimension {
            point[index] = workspace[index]
            gradient[index] = workspace[gradientOffset + index]
        }
        return taken
    }

    /// The run's arrays, open for a batch of steps: `dimension` values each, the point and
    /// the gradient after and before the latest step; `point` and `gradient` lie in
    /// `workspace`, where the objective's evaluation reads and leaves them.
    private struct StepBuffers {
        let point: UnsafeMutableBufferPointer<Double>
        let gradient: UnsafeMutableBufferPointer<Double>
        let previousPoint: UnsafeMutableBufferPointer<Double>
        let previousGradient: UnsafeMutableBufferPointer<Double>
        let workspace: UnsafeMutableBufferPointer<Double>
    }

    /// One step: the update, the new loss and gradient, the notes, and (when the trace
    /// keeps it) a row.
    ///
    /// Every step tests what ends a run (values that are not finite, a loss past the bound,
    /// an undefined point). The other notes (overshoot, loss up, converged, plateau) are
    /// read only from rows the trace keeps and from `lastNotes`, so they are worked out
    /// for a step whose row is kept, and for every step when `allNotes` (the caller reads
    /// `lastNotes` after it); otherwise `lastNotes` holds only the ending's notes.
    ///
    /// This is the hot loop of every run, sweep and comparison, so it works on the batch's
    /// raw buffers and writes the trace row in place.
    ///
    /// With `rules.evaluationCanStop`, when `shouldStop` stops the evaluation the point and
    /// gradient go back to the step before and the step is held (`heldStep`): it returns
    /// false, not taken. A held step is finished by the next call, with the point and rate
    /// it had, and no second update.
    @inline(__always)
    private mutating func step<Optimizer: LRLab.Optimizer>(_ values: StepBuffers, optimizer: inout Optimizer, objective: any DifferentiableLoss,
                                                           schedule: any LearningRateSchedule, rules: Rules, allNotes: Bool,
                                                           shouldStop: () -> Bool) -> Bool {
        let step = stepCount + 1
        // Decided before the step: the trace does not change until the row is written, and
        // a row for the run's ending is kept whatever this says.
        let keepsRow = trace.keeps(step: step, notes: [])
        let notesNeeded = allNotes || keepsRow
        let held = heldStep.flatMap { $0.step == step ? $0 : nil }
        let learningRate = held?.learningRate
            ?? (rules.scheduleIsConstant ? rules.learningRate : schedule.rate(at: step, base: rules.learningRate))
        let (point, gradient) = (values.point, values.gradient)
        let (previousPoint, previousGradient) = (values.previousPoint, values.previousGradient)
        let dimension = point.count
        for index in 0..<dimension {
            previousPoint[index] = point[index]
            previousGradient[index] = gradient[index]
        }
        let previousLoss = loss, breakpointBefore = nextBreakpoint
        var notes: TraceNotes = []
        if step == nextBreakpoint {
            if learningRate != lastLearningRate { notes.insert(.rateChanged) }
            nextBreakpoint = schedule.breakpoint(after: step) ?? Int.max
        }

        if rules.evaluationCanStop || held != nil {
            if let held {
                for index in 0..<dimension { point[index] = held.point[index] }
                heldStep = nil
            } else {
                var parameters = point.mutableSpan
                optimizer.update(parameters: &parameters, gradient: gradient.span, learningRate: learningRate, step: step)
            }
            var workspace = values.workspace.mutableSpan
            guard let evaluated = objective.loss(inPlace: &workspace, afterStep: step, shouldStop: shouldStop) else {
                heldStep = HeldStep(step: step, learningRate: learningRate, point: Array(point))
                nextBreakpoint = breakpointBefore
                for index in 0..<dimension {
                    point[index] = previousPoint[index]
                    gradient[index] = previousGradient[index]
                }
                return false
            }
            loss = evaluated
        } else {
            var parameters = point.mutableSpan
            optimizer.update(parameters: &parameters, gradient: gradient.span, learningRate: learningRate, step: step)
            var workspace = values.workspace.mutableSpan
            loss = objective.loss(inPlace: &workspace, afterStep: step)
        }
        stepCount = step

        // x · 0 is ±0 for a finite x and not a number otherwise, so each sum below is 0
        // exactly when every value it adds is finite: one addition per value instead of a
        // test and a branch.
        var flipped = false, pointCheck = 0.0, gradientCheck = 0.0, squares = 0.0
        if notesNeeded {
            for index in 0..<dimension {
                let g = gradient[index]
                if previousGradient[index] * g < 0 { flipped = true }
                pointCheck += point[index] * 0
                gradientCheck += g * 0
                squares += g * g
            }
        } else {
            (pointCheck, gradientCheck) = FinitenessKernel.checks(point, gradient)
        }
        let pointIsFinite = pointCheck == 0, gradientIsFinite = gradientCheck == 0
        if !pointIsFinite || !loss.isFinite || !gradientIsFinite || Swift.abs(loss) > rules.divergenceBound {
            end(at: step, point: Array(point), pointIsFinite: pointIsFinite, gradientIsFinite: gradientIsFinite,
                objective: objective, divergenceBound: rules.divergenceBound, notes: &notes)
        } else if notesNeeded {
            if flipped { notes.insert(.overshoot) }
            if loss > previousLoss { notes.insert(.lossUp) }
            if rules.convergence.isMet(bySumOfSquares: squares, of: UnsafeBufferPointer(gradient)) {
                notes.insert(.converged)
            } else if Swift.abs(loss - previousLoss) <= 1e-12 * max(Swift.abs(previousLoss), 1e-300),
                      loss != previousLoss || squares.squareRoot() > 1e-4 {
                notes.insert(.plateau)
            }
        }
        lastLearningRate = learningRate
        lastNotes = notes
        if keepsRow || !notes.isDisjoint(with: Trace.endingNotes) {
            RunProgress.record(step: step, learningRate: learningRate, loss: loss, notes: notes, values: values,
                               optimizer: optimizer, into: &trace)
        }
        return true
    }

    /// Writes the latest step into a new trace row, in place. Static, with the fields
    /// passed in, so the closure captures borrowed arguments rather than `self`: capturing
    /// `self` made the compiler retain each array for the duration of the call.
    @inline(__always)
    private static func record<Optimizer: LRLab.Optimizer>(step: Int, learningRate: Double, loss: Double, notes: TraceNotes,
                                                           values: StepBuffers, optimizer: Optimizer, into trace: inout Trace) {
        let (point, gradient, previous, used) = (values.point, values.gradient, values.previousPoint, values.previousGradient)
        // The per-parameter columns the trace keeps: all of them, or none (then the norms).
        let dimension = trace.dimension
        let norms = trace.storesNorms ? RunProgress.norms(values) : nil
        trace.appendRow(step: step, learningRate: learningRate, loss: loss, notes: notes, norms: norms) { row, rowGradient, stepTaken, stepGradient, state in
            for index in 0..<dimension {
                row[index] = point[index]
                rowGradient[index] = gradient[index]
                stepTaken[index] = point[index] - previous[index]
                stepGradient[index] = used[index]
            }
            if !state.isEmpty {
                var state = state.mutableSpan
                optimizer.writeState(into: &state)
            }
        }
    }

    /// The gradient norm and the step length of the latest step, for a trace that keeps no
    /// per-parameter columns. Never inlined: the explorer's steps (whose traces keep the
    /// columns) should not carry its code.
    @inline(never)
    private static func norms(_ values: StepBuffers) -> (gradient: Double, step: Double) {
        (EuclideanNorm.of(UnsafeBufferPointer(values.gradient)),
         EuclideanNorm.distance(UnsafeBufferPointer(values.point), UnsafeBufferPointer(values.previousPoint),
                                count: values.point.count))
    }
}

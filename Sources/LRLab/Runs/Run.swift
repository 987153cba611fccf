/// One optimization run: a loss (any `DifferentiableLoss`), a start point, an optimizer and
/// a schedule, stepped one update at a time with every step recorded in a `Trace` as its
/// `RecordingPolicy` says.
///
/// A run is a value: a copy holds the whole state (parameters, optimizer state, schedule
/// position, step count, trace) and stepping the copy leaves the original as it was, which
/// is what population-based training's exploit step needs. Hyper-parameters can change
/// between steps (`setLearningRate`, `setHyperparameter`) without losing the optimizer's
/// state.
///
/// The optimizer is held as an existential and opened once per batch of up to 1024 steps,
/// by calling its `takeSteps` (see `RunProgress.advance`): one step loop serves every
/// optimizer and loss alike, compiled for each optimizer type of the engine.
///
/// A run never traps on bad numbers: when the loss or a parameter stops being finite, or
/// the loss grows past `divergenceBound`, the step is recorded with the note `diverged` and
/// the run ends (`ending`). Where the formula is undefined at the new point (log of a
/// negative number) the ending says so instead.
public struct Run: Sendable {
    /// What the run minimizes (a trainer switches mini-batches with `replaceLoss`).
    public private(set) var lossFunction: any DifferentiableLoss
    public let start: [Double]
    /// The optimizer and its options as they are now: a hyper-parameter changed during the
    /// run shows here (`startConfiguration` keeps the options the run started with).
    public private(set) var configuration: OptimizerConfiguration
    /// The optimizer and options the run started with.
    public let startConfiguration: OptimizerConfiguration
    public let schedule: any LearningRateSchedule
    /// Hyper-parameters changed during the run, in order.
    public private(set) var changes: [HyperparameterChange] = []

    /// A loss above this (in absolute value) counts as divergence.
    public var divergenceBound = 1e100
    /// The run counts as converged when the gradient norm falls under this.
    public var convergenceTolerance = 1e-8

    private var optimizer: any Optimizer
    /// Everything stepping changes, apart from the optimizer.
    private var progress: RunProgress
    /// Read once, because `step()` may be called once per step (the shell's `step N`, the
    /// CSV replay, `lrfind`): the configuration's `lr` (a lookup by name; changed by
    /// `setLearningRate`), and whether the schedule is constant (a dynamic cast).
    private var baseLearningRate: Double
    private let scheduleIsConstant: Bool

    /// The symbolic formula, when the loss is one (the explorer's runs always are).
    public var objective: Objective? { lossFunction as? Objective }

    /// The parameters after the latest step.
    public var point: [Double] { progress.point }
    /// The loss at `point`.
    public var loss: Double { progress.loss }
    /// The gradient at `point`.
    public var gradient: [Double] { progress.gradient }
    /// Updates made so far.
    public var stepCount: Int { progress.stepCount }
    public var trace: Trace { progress.trace }
    public var ending: Ending? { progress.ending }

    /// Starts a run of `objective` (any differentiable loss) at `start`, recording as
    /// `recording` says. Throws when the loss has no value or gradient there.
    /// `shouldStop` is asked inside an evaluation that can take long
    /// (`DifferentiableLoss.evaluationCanStop`); when it says stop, the init throws
    /// `EvaluationError.interrupted`.
    public init(objective: some DifferentiableLoss, start: [Double], configuration: OptimizerConfiguration,
                schedule: any LearningRateSchedule = ConstantSchedule(),
                recording: RecordingPolicy = .standard, shouldStop: () -> Bool = { false }) throws(EvaluationError) {
        precondition(start.count == objective.parameterCount, "start point has the wrong dimension")
        let (loss, gradient) = try Run.evaluateStart(objective, at: start, shouldStop: shouldStop)
        self.lossFunction = objective
        self.start = start
        self.configuration = configuration
        self.startConfiguration = configuration
        self.schedule = schedule
        self.optimizer = configuration.makeOptimizer(parameterCount: start.count)
        self.baseLearningRate = configuration.learningRate
        self.scheduleIsConstant = schedule is ConstantSchedule
        self.progress = RunProgress(start: start, loss: loss, gradient: gradient, stateNames: optimizer.stateNames,
                                    convergenceTolerance: convergenceTolerance, schedule: schedule, recording: recording)
    }

    /// The loss and gradient at `start`: in place and stoppable for a loss whose evaluation
    /// can take long, else `checkedEvaluation`.
    private static func evaluateStart(_ objective: some DifferentiableLoss, at start: [Double],
                                      shouldStop: () -> Bool) throws(EvaluationError) -> (loss: Double, gradient: [Double]) {
        guard objective.evaluationCanStop else { return try objective.checkedEvaluation(at: start) }
        let count = start.count, offset = objective.gradientOffset
        var workspace = [Double](repeating: 0, count: Swift.max(objective.workspaceCount, offset + count))
        for index in 0..<count { workspace[index] = start[index] }
        let loss: Double? = {
            var whole = workspace.mutableSpan
            objective.prepare(workspace: &whole)
            return objective.loss(inPlace: &whole, afterStep: 0, shouldStop: shouldStop)
        }()
        guard let loss else { throw .interrupted }
        return (loss, Array(workspace[offset..<offset + count]))
    }

    /// Whether a step stopped inside its evaluation waits to be finished (see `run`).
    public var holdsStep: Bool { progress.heldStep != nil }

    /// The base learning rate now in force (the schedule scales it).
    public var learningRate: Double { baseLearningRate }

    /// Sets the base learning rate from the next step on, keeping the optimizer's state;
    /// the next step is marked `lr change` when its rate differs. Throws when `rate` is out
    /// of `lr`'s range.
    public mutating func setLearningRate(_ rate: Double) throws(OptionError) {
        try setHyperparameter(name: "lr", value: rate)
    }

    /// Sets option `name` of the optimizer to `value` from the next step on, keeping its
    /// state. `value` is checked against the option's range as `opt` checks it. `lr` can
    /// always change; another numeric option only where the optimizer takes a new value
    /// without losing state (`Optimizer.setOption`); anything else throws and changes
    /// nothing. The change is listed in `changes`.
    public mutating func setHyperparameter(name: String, value: Double) throws(OptionError) {
        let kind = configuration.kind
        guard let definition = kind.allOptions.first(where: { $0.name == name }) else {
            let names = kind.allOptions.map(\.name)
            let hint = Suggestion.closest(to: name, among: names).map { "did you mean '\($0)'?" }
                ?? "options of \(kind.name): " + names.joined(separator: " ")
            throw OptionError("\(kind.name) has no option '\(name)'", key: name, hint: hint)
        }
        guard case .number(_, let range, let integer) = definition.kind else {
            throw OptionError("option '\(name)' of \(kind.name) cannot change during a run", key: name,
                              hint: "start a new run with 'opt \(kind.name) \(name)=...'")
        }
        let text = Expr.format(value)
        guard value.isFinite, range.contains(value), !integer || value.rounded() == value else {
            let bound = { (end: Double) in integer ? String(Int(saturating: end)) : Expr.format(end) }
            throw OptionError("\(name)=\(text) is out of range", key: name,
                              hint: "\(name) must be \(integer ? "a whole number " : "")from \(bound(range.lowerBound)) to \(bound(range.upperBound))")
        }
        if name == "lr" {
            let changes = value != baseLearningRate
            baseLearningRate = value
            if changes, stepCount > 0 { progress.markRateEvent() }
        } else {
            guard optimizer.setOption(name, to: value) else {
                throw OptionError("option '\(name)' of \(kind.name) cannot change during a run", key: name,
                                  hint: "start a new run with 'opt \(kind.name) \(name)=\(text)'")
            }
        }
        configuration.values.set(name, value)
        self.changes.append(HyperparameterChange(afterStep: stepCount, name: name, value: value))
    }

    /// Replaces the loss that the steps from now on evaluate: the seam for mini-batches,
    /// where each step's loss is the same model on other rows. `loss` must have the same
    /// parameter count. Nothing is re-evaluated: `loss`, `gradient` and the optimizer's state
    /// stay as measured, so the next step still moves along the gradient the previous
    /// evaluation left, and the evaluation after that step is `loss`'s. (A trainer therefore
    /// installs batch k + 1 before step k: step k moves along batch k's gradient at the
    /// current point, as `loss.backward(); opt.step()` does, with one evaluation per step.)
    /// `restarted()` replays with the loss in force at the time it is called.
    public mutating func replaceLoss(_ loss: some DifferentiableLoss) {
        precondition(loss.parameterCount == lossFunction.parameterCount, "a replacement loss must have the same parameter count")
        lossFunction = loss
    }

    /// Records the extra scalar `name` (declared in the run's `RecordingPolicy.extras`) for
    /// the latest step: a validation loss measured after it, say. Returns false when the
    /// trace has no such extra or did not keep the latest step's row.
    @discardableResult
    public mutating func recordExtra(_ name: String, _ value: Double) -> Bool {
        progress.trace.setExtra(name, value, onStep: stepCount)
    }

    /// A fresh run from the same start with the start's options, re-applying `changes` after
    /// the steps where they were made as it steps: the same steps this run took.
    public func restarted() throws(EvaluationError) -> Run {
        var fresh = try Run(objective: lossFunction, start: start, configuration: startConfiguration, schedule: schedule,
                            recording: progress.recording)
        fresh.divergenceBound = divergenceBound
        fresh.convergenceTolerance = convergenceTolerance
        fresh.pendingReplay = changes
        return fresh
    }

    /// Changes still to re-apply in a replay (see `restarted`).
    private var pendingReplay: [HyperparameterChange] = []

    /// The latest step as a trace row, exact even when the trace has been thinned.
    public var current: TraceRecord { progress.current(optimizer: optimizer) }

    /// The optimizer's per-parameter state names (`m`, `v`, ...).
    public var stateNames: [String] { progress.trace.stateNames }

    /// The learning rate the next step will use.
    public var nextLearningRate: Double {
        schedule.rate(at: stepCount + 1, base: baseLearningRate)
    }

    /// Whether the latest step met the convergence tolerance (read from the run's own state:
    /// past the trace's capacity the latest step need not be a kept row).
    public var hasConverged: Bool { progress.hasConverged }

    /// Takes one step; returns false (and does nothing) once the run has ended.
    @discardableResult
    public mutating func step() -> Bool {
        run(1) == 1
    }

    /// What a copy of this run does in up to `budget` more steps, stopping at its first
    /// converged step: the steps it took, whether it converged, and how it ended if it did.
    /// The copy records scalars into a trace of 16 rows, so its cost is the steps' alone; for
    /// a deterministic optimizer (no gradient noise) it is what this run will do.
    func runAhead(_ budget: Int, shouldStop: () -> Bool = { false }) -> (steps: Int, converged: Bool, ending: Ending?) {
        var copy = self
        copy.progress.trace = Trace(parameterCount: point.count, stateNames: progress.trace.stateNames,
                                    policy: RecordingPolicy(perParameterLimit: 0, capacity: 16))
        let taken = copy.stepBatches(budget, untilConverged: true, shouldStop: shouldStop)
        return (taken, copy.hasConverged, copy.ending)
    }

    /// Re-applies the replayed changes made after the current step (see `restarted`).
    private mutating func applyReplayedChanges() {
        while let change = pendingReplay.first, change.afterStep <= stepCount {
            pendingReplay.removeFirst()
            try? setHyperparameter(name: change.name, value: change.value)
        }
    }

    /// Takes up to `count` steps, stopping early when the run ends, or, with
    /// `untilConverged`, at the first converged step, or when `shouldStop` says so (asked
    /// every 1024 steps: Ctrl-C; and inside a step whose evaluation can take long:
    /// `DifferentiableLoss.evaluationCanStop`). A step stopped inside its evaluation is not
    /// taken: the run stays at the step before, with the optimizer's state already updated,
    /// and the next `run` finishes that step first with the point and rate it began with,
    /// so the steps are those of a run never stopped. Returns the number of steps taken.
    ///
    /// Without `untilConverged` the last step is known, and so is the stride the trace will
    /// have then: the steps write only the rows that thinning will keep (`Trace.plan`), and
    /// the trace ends the same, row for row, as if every step had been offered to it. When
    /// the run ends early (diverges, reaches an undefined point) where that trace would be
    /// finer than the plan's, the batch is stepped again from its start, as runs are
    /// deterministic, to write it. When `shouldStop` stops the batch, the trace keeps the
    /// plan's coarser stride (every multiple of it, up to the last step taken) rather than
    /// spend as long again.
    ///
    /// The optimizer is opened once per 1024 steps, not once per step: its `takeSteps` runs
    /// the steps in code for its concrete type, so each update is a direct call on it rather
    /// than a projection of the existential's box (which checks the box is unique) and a
    /// dispatch.
    @discardableResult
    public mutating func run(_ count: Int, untilConverged: Bool = false, shouldStop: () -> Bool = { false }) -> Int {
        let firstStep = stepCount
        let lastStep = count > Int.max / 2 - firstStep ? Int.max / 2 : firstStep + count
        guard count > 1, !untilConverged, progress.ending == nil, progress.point.count < Run.largestPlannedDimension,
              progress.trace.finalStride(throughStep: lastStep) > progress.trace.stride else {
            // Nothing to skip: every row offered stays, or the last step is not known, or the
            // run is a model's, whose copy for a replay would cost its whole state again.
            return stepBatches(count, untilConverged: untilConverged, shouldStop: shouldStop)
        }
        var batchStart = self
        batchStart.progress.trace = .vacant
        progress.trace.plan(throughStep: lastStep)
        let taken = stepBatches(count, untilConverged: false, shouldStop: shouldStop)
        let ended = progress.ending != nil
        if !ended || progress.trace.planCovers(throughStep: stepCount, endingRow: true) {
            progress.trace.settle(throughStep: stepCount, endingRow: ended)
            return taken
        }
        swap(&batchStart.progress.trace, &progress.trace)
        batchStart.progress.trace.removeRows(afterStep: firstStep)
        batchStart.progress.trace.plan(throughStep: firstStep + taken - 1)
        let replayed = batchStart.stepBatches(taken, untilConverged: false, shouldStop: { false })
        assert(replayed == taken && batchStart.ending == ending, "a replayed batch took other steps")
        batchStart.progress.trace.settle(throughStep: batchStart.stepCount, endingRow: batchStart.ending != nil)
        self = batchStart
        return taken
    }

    /// Parameters from which `run` does not plan the trace: planning keeps a copy of the run
    /// to replay a batch that ends early, and stepping the run then copies its point, gradient,
    /// workspace and optimizer state, the model's memory twice over. A model's run offers
    /// every step to its trace instead: the trace ends the same, and a step whose row is kept
    /// (a few dozen of a training's) costs two norms more.
    public static let largestPlannedDimension = 4_096

    /// Frees the scratch the steps use (the loss's workspace, as large as the parameters and
    /// their gradient again); the next step makes it anew. For runs kept between their turns:
    /// population members, finished trainings.
    public mutating func releaseScratch() {
        progress.releaseScratch()
    }

    /// `run` without planning the trace: batches of up to 1024 steps, each handed to the
    /// optimizer (`Optimizer.takeSteps`), which opens it to its concrete type.
    private mutating func stepBatches(_ count: Int, untilConverged: Bool, shouldStop: () -> Bool) -> Int {
        var taken = 0
        while taken < count, progress.ending == nil {
            if taken > 0, shouldStop() { break }
            var chunk = min(count - taken, 1024)
            if !pendingReplay.isEmpty {
                applyReplayedChanges()
                if let next = pendingReplay.first { chunk = min(chunk, Swift.max(1, next.afterStep - stepCount)) }
            }
            let rules = RunProgress.Rules(learningRate: baseLearningRate, scheduleIsConstant: scheduleIsConstant,
                                          divergenceBound: divergenceBound, convergence: NormThreshold(convergenceTolerance),
                                          untilConverged: untilConverged, evaluationCanStop: lossFunction.evaluationCanStop)
            progress.batch = RunProgress.Batch(count: chunk, loss: lossFunction, schedule: schedule, rules: rules)
            let done = optimizer.takeSteps(&progress, shouldStop: shouldStop)
            taken += done
            if done < chunk { break }
        }
        return taken
    }
}

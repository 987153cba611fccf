/// One optimization run: an objective, a start point, an optimizer and a schedule, stepped
/// one update at a time with every step recorded in a `Trace`.
///
/// A run never traps on bad numbers: when the loss or a parameter stops being finite, or
/// the loss grows past `divergenceBound`, the step is recorded with the note `diverged` and
/// the run ends (`ending`). Where the formula is undefined at the new point (log of a
/// negative number) the ending says so instead.
public struct Run: Sendable {
    /// Why a run stopped taking steps.
    public enum Ending: Sendable, Hashable {
        /// Non-finite values or an exploding loss at this step.
        case diverged(step: Int, reason: String)
        /// The formula has no value at the point reached at this step.
        case undefined(step: Int, reason: String)

        public var step: Int {
            switch self {
            case .diverged(let step, _), .undefined(let step, _): return step
            }
        }

        public var description: String {
            switch self {
            case .diverged(let step, let reason): return "diverged at step \(step): \(reason)"
            case .undefined(let step, let reason): return "stopped at step \(step): \(reason)"
            }
        }
    }

    public let objective: Objective
    public let start: [Double]
    public let configuration: OptimizerConfiguration
    public let schedule: any LearningRateSchedule

    /// A loss above this (in absolute value) counts as divergence.
    public var divergenceBound = 1e100
    /// The run counts as converged when the gradient norm falls under this.
    public var convergenceTolerance = 1e-8

    private var optimizer: any Optimizer
    /// Everything stepping changes, apart from the optimizer.
    private var progress: RunProgress
    /// Read once, because `step()` may be called once per step (the shell's `step N`, the
    /// CSV replay, `lrfind`): the configuration's `lr` (a lookup by name), and whether the
    /// schedule is constant (a dynamic cast).
    private let baseLearningRate: Double
    private let scheduleIsConstant: Bool

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

    /// Starts a run at `start`. Throws when the formula has no value or gradient there.
    public init(objective: Objective, start: [Double], configuration: OptimizerConfiguration,
                schedule: any LearningRateSchedule = ConstantSchedule()) throws(EvaluationError) {
        precondition(start.count == objective.dimension, "start point has the wrong dimension")
        let (loss, gradient) = try objective.checkedEvaluation(at: start)
        self.objective = objective
        self.start = start
        self.configuration = configuration
        self.schedule = schedule
        self.optimizer = configuration.makeOptimizer(parameterCount: start.count)
        self.baseLearningRate = configuration.learningRate
        self.scheduleIsConstant = schedule is ConstantSchedule
        self.progress = RunProgress(start: start, loss: loss, gradient: gradient, stateNames: optimizer.stateNames,
                                    convergenceTolerance: convergenceTolerance, schedule: schedule)
    }

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

    /// Takes up to `count` steps, stopping early when the run ends, or, with
    /// `untilConverged`, at the first converged step, or when `shouldStop` says so (asked
    /// every 1024 steps: Ctrl-C). Returns the number of steps taken.
    ///
    /// The optimizer is opened once per 1024 steps, not once per step: stepping is generic
    /// over its concrete type, so each update is a direct call on it rather than a
    /// projection of the existential's box (which checks the box is unique) and a dispatch.
    @discardableResult
    public mutating func run(_ count: Int, untilConverged: Bool = false, shouldStop: () -> Bool = { false }) -> Int {
        let rules = RunProgress.Rules(learningRate: baseLearningRate, scheduleIsConstant: scheduleIsConstant,
                                      divergenceBound: divergenceBound, convergence: NormThreshold(convergenceTolerance),
                                      untilConverged: untilConverged)
        var taken = 0
        while taken < count, progress.ending == nil {
            if taken > 0, shouldStop() { break }
            let chunk = min(count - taken, 1024)
            let done = progress.advance(chunk, optimizer: &optimizer, objective: objective, schedule: schedule, rules: rules)
            taken += done
            if done < chunk { break }
        }
        return taken
    }
}

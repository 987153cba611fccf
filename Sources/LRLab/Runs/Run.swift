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
    public private(set) var point: [Double]
    public private(set) var loss: Double
    public private(set) var gradient: [Double]
    /// Updates made so far.
    public private(set) var stepCount = 0
    public private(set) var trace: Trace
    public private(set) var ending: Ending?
    private var stateBuffer: [Double]
    private var previousPoint: [Double]
    private var stepBuffer: [Double]
    private var previousGradient: [Double]
    private var lastLearningRate = 0.0
    /// Read once: the configuration's `lr` and the optimizer's state width (hot in `step`).
    private let baseLearningRate: Double
    private let stateCount: Int
    /// The notes of the latest row, kept here because a thinned trace may not hold that row.
    private var lastNotes: TraceNotes = []

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
        self.point = start
        self.loss = loss
        self.gradient = gradient
        self.baseLearningRate = configuration.learningRate
        self.stateCount = optimizer.stateNames.count
        self.trace = Trace(dimension: start.count, stateNames: optimizer.stateNames)
        self.stateBuffer = [Double](repeating: 0, count: optimizer.stateNames.count * start.count)
        self.previousPoint = start
        self.stepBuffer = [Double](repeating: 0, count: start.count)
        self.previousGradient = gradient
        var notes: TraceNotes = []
        if gradient.map({ $0 * $0 }).reduce(0, +).squareRoot() < convergenceTolerance { notes.insert(.converged) }
        lastNotes = notes
        trace.append(step: 0, learningRate: 0, parameters: start, loss: loss, gradient: gradient,
                     stepTaken: stepBuffer, state: stateBuffer, notes: notes)
    }

    /// The latest step as a trace row, exact even when the trace has been thinned.
    public var current: TraceRecord {
        TraceRecord(step: stepCount, learningRate: lastLearningRate, parameters: point, loss: loss, gradient: gradient,
                    stepTaken: stepBuffer, state: stateBuffer, notes: lastNotes)
    }

    /// The optimizer's per-parameter state names (`m`, `v`, ...).
    public var stateNames: [String] { optimizer.stateNames }

    /// The learning rate the next step will use.
    public var nextLearningRate: Double {
        schedule.rate(at: stepCount + 1, base: baseLearningRate)
    }

    /// Whether the latest step met the convergence tolerance (read from the run's own state:
    /// past the trace's capacity the latest step need not be a kept row).
    public var hasConverged: Bool {
        ending == nil && lastNotes.contains(.converged)
    }

    /// Takes one step; returns false (and does nothing) once the run has ended.
    @discardableResult
    public mutating func step() -> Bool {
        guard ending == nil else { return false }
        let step = stepCount + 1
        let learningRate = schedule.rate(at: step, base: baseLearningRate)
        for index in point.indices {
            previousPoint[index] = point[index]
            previousGradient[index] = gradient[index]
        }
        let previousLoss = loss
        var notes: TraceNotes = []
        if step > 1, learningRate != lastLearningRate { notes.insert(.rateChanged) }

        optimizer.update(parameters: &point, gradient: gradient, learningRate: learningRate, step: step)
        var flipped = false
        loss = objective.loss(at: point, gradient: &gradient)
        for index in point.indices {
            stepBuffer[index] = point[index] - previousPoint[index]
            if previousGradient[index] * gradient[index] < 0 { flipped = true }
        }
        if stateCount > 0 { optimizer.writeState(into: &stateBuffer) }
        stepCount = step

        var pointIsFinite = true, gradientIsFinite = true
        for index in point.indices {
            if !point[index].isFinite { pointIsFinite = false }
            if !gradient[index].isFinite { gradientIsFinite = false }
        }
        if !pointIsFinite || !loss.isFinite || !gradientIsFinite || Swift.abs(loss) > divergenceBound {
            if pointIsFinite, !(Swift.abs(loss) > divergenceBound) {
                do {
                    _ = try objective.checkedEvaluation(at: point)
                } catch {
                    notes.insert(.undefined)
                    ending = .undefined(step: step, reason: error.description)
                }
            }
            if ending == nil {
                notes.insert(.diverged)
                let reason: String
                if !pointIsFinite {
                    reason = "a parameter is no longer a finite number"
                } else if !loss.isFinite || !gradientIsFinite {
                    reason = "the loss or gradient overflowed (loss = \(VerdictFormat.number(loss, digits: 6)))"
                } else {
                    reason = "the loss grew to \(VerdictFormat.number(loss, digits: 6)), beyond \(VerdictFormat.number(divergenceBound))"
                }
                ending = .diverged(step: step, reason: reason)
            }
        } else {
            if flipped { notes.insert(.overshoot) }
            if loss > previousLoss { notes.insert(.lossUp) }
            var squares = 0.0
            for value in gradient { squares += value * value }
            let norm = squares.squareRoot()
            if norm < convergenceTolerance {
                notes.insert(.converged)
            } else if Swift.abs(loss - previousLoss) <= 1e-12 * max(Swift.abs(previousLoss), 1e-300), loss != previousLoss || norm > 1e-4 {
                notes.insert(.plateau)
            }
        }
        lastLearningRate = learningRate
        lastNotes = notes
        trace.append(step: step, learningRate: learningRate, parameters: point, loss: loss, gradient: gradient,
                     stepTaken: stepBuffer, state: stateBuffer, notes: notes)
        return true
    }

    /// Takes up to `count` steps, stopping early when the run ends or `shouldStop` says so
    /// (checked every 1024 steps: Ctrl-C). Returns the number of steps taken.
    @discardableResult
    public mutating func run(_ count: Int, untilConverged: Bool = false, shouldStop: () -> Bool = { false }) -> Int {
        var taken = 0
        while taken < count {
            if taken & 1023 == 1023, shouldStop() { break }
            guard step() else { break }
            taken += 1
            if untilConverged, hasConverged { break }
        }
        return taken
    }
}

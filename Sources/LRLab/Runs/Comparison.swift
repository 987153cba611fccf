/// Several optimizers (or rates, or schedules) run side by side from the same start for the
/// same number of steps: the engine half of `compare`.
public enum Comparison {
    /// One contestant.
    public struct Entry: Sendable {
        public var configuration: OptimizerConfiguration
        public var schedule: any LearningRateSchedule
        /// How tables and chart legends name it.
        public var label: String

        /// `label` defaults to `adam lr=0.01`, plus the schedule when it is not constant.
        public init(configuration: OptimizerConfiguration, schedule: any LearningRateSchedule = ConstantSchedule(),
                    label: String? = nil) {
            self.configuration = configuration
            self.schedule = schedule
            let rate = "\(configuration.kind.name) lr=\(Expr.format(configuration.learningRate))"
            self.label = label ?? (schedule.description == "constant" ? rate : rate + " " + schedule.description)
        }
    }

    /// What one entry did.
    public struct Result: Sendable {
        public var label: String
        /// The finished (or stopped) run, trace included, for paths and traces.
        public var run: Run
        public var finalLoss: Double
        public var finalPoint: [Double]
        /// Distance from the final point to the nearest known minimum (global or local); nil when none is known.
        public var distanceToMinimum: Double?
        /// Whether that nearest minimum is a global one.
        public var nearestMinimumIsGlobal: Bool?
        /// The first step whose gradient norm is under the run's tolerance (where the run
        /// stopped, since runs stop when they converge), or nil.
        public var stepsToConverge: Int?
        public var verdict: Verdict
        /// Loss per trace row, row 0 the start: the chart's series.
        public var losses: [Double]
        /// Steps actually taken (fewer than asked when the run converged, ended or was stopped).
        public var stepsTaken: Int { run.stepCount }
    }

    /// All the results, in entry order.
    public struct Report: Sendable {
        public var results: [Result]
        public var steps: Int
        /// True when `shouldStop` cut the work short: the last result may be partial and later entries missing.
        public var wasStopped: Bool
    }

    /// Runs every entry from `start` for `steps` steps, each stopping early when it converges
    /// (its gradient norm under the tolerance: its row then says where, and its verdict is
    /// about that point) or ends (diverged past `Run.divergenceBound`, or undefined). Throws
    /// when the loss has no value at `start`. `shouldStop` is polled every 1024 steps and
    /// between entries.
    public static func run(objective: some DifferentiableLoss, start: [Double], entries: [Entry], steps: Int,
                           convergenceTolerance: Double = 1e-8,
                           shouldStop: () -> Bool = { false }) throws(EvaluationError) -> Report {
        var results: [Result] = []
        let stopped = try forEachRun(objective: objective, start: start, entries: entries, steps: steps,
                                     convergenceTolerance: convergenceTolerance, shouldStop: shouldStop) { run, entry in
            results.append(result(of: run, label: entry.label))
        }
        return Report(results: results, steps: steps, wasStopped: stopped)
    }

    /// The loop under `run` and `Sweep.run`: makes, runs and hands over one run per entry, so
    /// the caller keeps what it needs of each (a sweep keeps a summary, not the trace).
    /// Returns whether `shouldStop` cut the work short.
    static func forEachRun(objective: some DifferentiableLoss, start: [Double], entries: [Entry], steps: Int,
                           convergenceTolerance: Double, shouldStop: () -> Bool,
                           _ body: (Run, Entry) -> Void) throws(EvaluationError) -> Bool {
        for entry in entries {
            if shouldStop() { return true }
            var run = try Run(objective: objective, start: start, configuration: entry.configuration, schedule: entry.schedule)
            run.convergenceTolerance = convergenceTolerance
            let taken = run.run(steps, untilConverged: true, shouldStop: shouldStop)
            body(run, entry)
            // Fewer steps without an ending or convergence means `shouldStop` cut the run short.
            if taken < steps, run.ending == nil, !run.hasConverged { return true }
        }
        return false
    }

    /// The summary of a finished run.
    public static func result(of run: Run, label: String) -> Result {
        let nearest = run.lossFunction.nearestMinimum(to: run.point)
        return Result(label: label, run: run, finalLoss: run.loss, finalPoint: run.point,
                      distanceToMinimum: nearest?.distance, nearestMinimumIsGlobal: nearest?.isGlobal,
                      stepsToConverge: firstConvergedStep(of: run), verdict: run.verdict(), losses: Array(run.trace.losses))
    }

    /// The first step whose gradient norm is under `run.convergenceTolerance`: from the
    /// trace, or the latest step when thinning left it out and the run has just converged.
    public static func firstConvergedStep(of run: Run) -> Int? {
        let trace = run.trace
        if let row = (0..<trace.count).first(where: { trace.gradientNorm($0) < run.convergenceTolerance }) {
            return trace.steps[row]
        }
        return run.hasConverged ? run.stepCount : nil
    }
}

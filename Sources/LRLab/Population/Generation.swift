/// One generation of a population: the scores measured at `step` (the ones that decided this
/// generation's exploit) and, for each member, the hyper-parameters it carries after that
/// exploit and explore, with where it copied from and what changed.
///
/// Generation 0 is the start: every score is the loss at the common start point, the
/// hyper-parameters are the initial draws, and nobody copies.
public struct Generation: Sendable, Hashable {
    /// One member's line in a generation.
    public struct Record: Sendable, Hashable {
        /// The member's number, 0-based (shown as `m0`, `m1`, ...).
        public var id: Int
        /// The score measured at the generation's step: the current loss, lower is better;
        /// +∞ for a run that has ended (diverged or undefined).
        public var score: Double
        /// The evolving hyper-parameters after exploit and explore, in the population's `evolve` order.
        public var hyper: [Double]
        /// The member whose state this member copied in this generation; nil when it kept its own.
        public var copiedFrom: Int?
        /// What explore did to each copied hyper-parameter (empty when nothing was copied).
        public var moves: [HyperparameterMove]

        public init(id: Int, score: Double, hyper: [Double], copiedFrom: Int? = nil, moves: [HyperparameterMove] = []) {
            self.id = id
            self.score = score
            self.hyper = hyper
            self.copiedFrom = copiedFrom
            self.moves = moves
        }

        /// Whether explore resampled any of the copied hyper-parameters.
        public var resampled: Bool { moves.contains { $0.isResampled } }
    }

    /// The step at which the scores were measured (steps every member had taken).
    public var step: Int
    /// One record per member, by id.
    public var members: [Record]

    public init(step: Int, members: [Record]) {
        self.step = step
        self.members = members
    }

    /// Member ids from the best score to the worst (ties by id; +∞ and NaN last).
    public var ranking: [Int] { Population.ranking(scores: members.map(\.score)) }

    /// The best-scoring member's record.
    public var best: Record? { ranking.first.map { members[$0] } }

    /// The median score (the mean of the two middle ones for an even count).
    public var medianScore: Double {
        let sorted = ranking.map { members[$0].score }
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// A stretch of a member's history: from `fromStep` on, the state was trained by member
/// `member` with hyper-parameters `hyper`. A lineage is a list of these, oldest first; a copy
/// at step s inherits its source's lineage and starts a new stretch at s.
public struct LineageSegment: Sendable, Hashable {
    public var member: Int
    public var fromStep: Int
    /// The evolving hyper-parameters, in the population's `evolve` order.
    public var hyper: [Double]
    /// The member it copied at `fromStep` (nil for the first stretch).
    public var copiedFrom: Int?

    public init(member: Int, fromStep: Int, hyper: [Double], copiedFrom: Int? = nil) {
        self.member = member
        self.fromStep = fromStep
        self.hyper = hyper
        self.copiedFrom = copiedFrom
    }
}

/// One member of a population: its training state (a formula's `Run`, or a model's `Trainer`
/// with its run, batch order and epoch trace), the evolving hyper-parameters it uses now, and
/// its lineage. Both states are values: copying a member copies the whole state.
public struct PopulationMember: Sendable {
    /// What the member trains.
    public enum State: Sendable {
        /// A run of a formula; progress counts steps; the score is the current loss.
        case run(Run)
        /// A model's training; progress counts epochs; the score is the validation loss after
        /// the latest epoch (the training loss when the split has no validation rows).
        case training(Trainer)
    }

    public let id: Int
    /// The state, held as two optionals (exactly one set) rather than as `State`, so that
    /// stepping mutates it in place: a `State` taken apart in a `switch` is a copy, and
    /// stepping the copy while the member still holds the original copies every array.
    private var formulaRun: Run?
    private var training: Trainer?
    /// In the population's `evolve` order.
    public internal(set) var hyper: [Double]
    public internal(set) var lineage: [LineageSegment]

    public init(id: Int, state: State, hyper: [Double], lineage: [LineageSegment]) {
        self.id = id
        self.hyper = hyper
        self.lineage = lineage
        self.state = state
    }

    public internal(set) var state: State {
        get {
            if let training { return .training(training) }
            guard let formulaRun else { preconditionFailure("a member holds a run or a training") }
            return .run(formulaRun)
        }
        set {
            switch newValue {
            case .run(let run): (formulaRun, training) = (run, nil)
            case .training(let trainer): (formulaRun, training) = (nil, trainer)
            }
        }
    }

    /// The run being stepped (a training's current run).
    public var run: Run {
        switch state {
        case .run(let run): return run
        case .training(let trainer): return trainer.run
        }
    }

    /// The training, for a model's population.
    public var trainer: Trainer? { training }

    /// Units of training done: steps of a run, epochs of a training.
    public var progress: Int {
        switch state {
        case .run(let run): return run.stepCount
        case .training(let trainer): return trainer.epoch
        }
    }

    /// Optimizer steps taken.
    public var stepCount: Int {
        switch state {
        case .run(let run): return run.stepCount
        case .training(let trainer): return trainer.stepCount
        }
    }

    /// Whether the run or training has ended (diverged, undefined).
    public var hasEnded: Bool {
        switch state {
        case .run(let run): return run.ending != nil
        case .training(let trainer): return trainer.ending != nil
        }
    }

    /// The score now, lower is better: the current loss of a run, the validation loss (else the
    /// training loss) after a training's latest epoch; +∞ once it has ended or is not finite.
    public var score: Double {
        let value: Double
        switch state {
        case .run(let run): value = run.loss
        case .training(let trainer):
            let record = trainer.trace.last
            value = record.map { $0.validationLoss ?? $0.trainLoss } ?? .infinity
        }
        return !hasEnded && value.isFinite ? value : .infinity
    }

    /// Trains `units` more steps or epochs; false when `shouldStop` cut it short (the member
    /// has then taken part of them).
    mutating func advance(by units: Int, shouldStop: () -> Bool) -> Bool {
        if training != nil {
            let stop = training?.train(epochs: units, shouldStop: shouldStop)
            if case .interrupted = stop { return false }
            return true
        }
        let taken = formulaRun?.run(units, shouldStop: shouldStop)
        return taken == units || formulaRun?.ending != nil
    }

    /// Frees the scratch of the member's steps until its next turn.
    mutating func releaseScratch() {
        formulaRun?.releaseScratch()
        training?.releaseScratch()
    }

    /// Sets an evolving hyper-parameter from the next step on, keeping the optimizer's state.
    mutating func setHyperparameter(name: String, value: Double) throws(OptionError) {
        try formulaRun?.setHyperparameter(name: name, value: value)
        try training?.setHyperparameter(name: name, value: value)
    }
}

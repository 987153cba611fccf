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

/// One member of a population: its run (the whole training state), the evolving
/// hyper-parameters it uses now, and its lineage.
public struct PopulationMember: Sendable {
    public let id: Int
    public internal(set) var run: Run
    /// In the population's `evolve` order.
    public internal(set) var hyper: [Double]
    public internal(set) var lineage: [LineageSegment]

    /// The score now: the current loss, +∞ once the run has ended or when the loss is not finite.
    public var score: Double {
        run.ending == nil && run.loss.isFinite ? run.loss : .infinity
    }
}

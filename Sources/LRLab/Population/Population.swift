#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Population-based training (Jaderberg et al. 2017, "Population Based Training of Neural
/// Networks"), as Ray Tune's `PopulationBasedTraining` does it by default: `size` runs of the
/// same loss from the same start (or trainings of the same model from the same
/// initialisation), each with hyper-parameters drawn from their ranges; every `interval` steps
/// (epochs, for a model) each member's score is measured, the worst k copy the whole state of
/// better members (exploit) and change the copied hyper-parameters (explore).
///
/// - Score: the current loss of a formula, the validation loss of a model after its latest
///   epoch (lower is better); a run or training that has ended scores +∞.
/// - Exploit (truncation): k = ⌈quantile · size⌉, at most ⌊size/2⌋. The k members ranked
///   lowest each copy the full state (a `Run` is a value: parameters, optimizer state,
///   schedule position, noise generator, trace) and hyper-parameters of a member drawn
///   uniformly from the k ranked highest. Ranking ties go to the lower id.
/// - Explore: each copied hyper-parameter is resampled or perturbed (`EvolvingHyperparameter`).
/// - `exploit = .off` never copies: random search with the same members and budget.
///
/// Every random choice comes from one `SeededRandom` seeded with `seed`, in a fixed order:
/// the initial draws (member by member, hyper-parameter by hyper-parameter), then per
/// generation the sources (replaced members in id order) and explore draws. Same settings,
/// same seed: the same population, step for step. An optimizer with a `seed` option (`gd
/// noise=`) gives member i the seed `seed + i`, so members see different gradient noise;
/// a copy carries on with its source's noise generator, which is part of the copied state.
public struct Population: Sendable {
    /// Whether the worst members copy better ones.
    public enum ExploitMode: String, Sendable, Hashable, CaseIterable {
        case truncation
        /// Random search: the same members and budget, nobody copies.
        case off
    }

    /// Everything that defines a population besides the task.
    public struct Settings: Sendable, Hashable {
        public var size: Int
        /// Steps (epochs, for a model) between generations.
        public var interval: Int
        /// Steps (epochs, for a model) each member takes: the budget is `size × steps`.
        public var steps: Int
        public var evolve: [EvolvingHyperparameter]
        public var quantile: Double
        public var resample: Double
        public var perturbFactors: [Double]
        public var exploit: ExploitMode
        public var seed: UInt64

        /// The defaults of a population on a formula, as Jaderberg et al.'s truncation selection
        /// with the 0.8/1.2 perturbation (a model's `interval` counts epochs, and is 1 by default).
        public static let defaultSize = 16
        public static let defaultInterval = 100
        public static let defaultModelInterval = 1
        public static let defaultSteps = 1000
        public static let defaultQuantile = 0.25
        public static let defaultResample = 0.25
        public static let defaultPerturbFactors = [0.8, 1.2]

        public init(size: Int = defaultSize, interval: Int = defaultInterval, steps: Int = defaultSteps, evolve: [EvolvingHyperparameter],
                    quantile: Double = defaultQuantile, resample: Double = defaultResample, perturbFactors: [Double] = defaultPerturbFactors,
                    exploit: ExploitMode = .truncation, seed: UInt64 = 0) {
            precondition(size >= 2 && interval >= 1 && steps >= 1, "a population needs two members and positive step counts")
            precondition(!evolve.isEmpty && !perturbFactors.isEmpty, "a population evolves something")
            self.size = size
            self.interval = interval
            self.steps = steps
            self.evolve = evolve
            self.quantile = quantile
            self.resample = resample
            self.perturbFactors = perturbFactors
            self.exploit = exploit
            self.seed = seed
        }

        /// How many members each exploit replaces: ⌈quantile · size⌉, at most half.
        public var replacedCount: Int {
            Population.replacedCount(size: size, quantile: quantile)
        }
    }

    public let settings: Settings
    public private(set) var members: [PopulationMember]
    /// Generation 0 (the start) and one per interval since.
    public private(set) var generations: [Generation]
    private var random: SeededRandom

    /// Steps every member has been trained for at the last generation (a run that ended stops earlier).
    public var stepCount: Int { generations.last?.step ?? 0 }

    /// Units of training every member has had: steps of a formula's runs, epochs of a model's trainings.
    public private(set) var progress: Int

    /// Whether every member has had `settings.steps` steps (or epochs).
    public var isBudgetSpent: Bool { progress >= settings.steps }

    /// Builds the members from `start`, each with hyper-parameters drawn from `settings.evolve`,
    /// and records generation 0. Throws when the loss has no value at `start`, or an evolving
    /// option cannot change during a run (`Run.setHyperparameter`).
    public init(loss: any DifferentiableLoss, start: [Double], configuration: OptimizerConfiguration,
                schedule: any LearningRateSchedule = ConstantSchedule(), settings: Settings,
                recording: RecordingPolicy = Population.recording) throws(PopulationError) {
        let seedOption = configuration.kind.allOptions.first { $0.name == "seed" }
        try self.init(settings: settings) { id, hyper throws(PopulationError) in
            var memberConfiguration = configuration
            if let seedOption, case .number(_, let legal, true) = seedOption.kind {
                let base = configuration.values.number("seed")
                let width = legal.upperBound - legal.lowerBound + 1
                memberConfiguration.values.set("seed", legal.lowerBound + (base - legal.lowerBound + Double(id)).truncatingRemainder(dividingBy: width))
            }
            for (parameter, value) in zip(settings.evolve, hyper) { memberConfiguration.values.set(parameter.name, value) }
            do throws(EvaluationError) {
                return .run(try Run(objective: loss, start: start, configuration: memberConfiguration, schedule: schedule, recording: recording))
            } catch {
                throw .startHasNoValue(error)
            }
        }
    }

    /// A population of a model's trainings: every member is `training` (the same model, data,
    /// initialisation and batch order) with its own drawn learning rate; `settings.interval`
    /// and `settings.steps` count epochs. Only `lr` can evolve.
    public init(training: Trainer, settings: Settings) throws(PopulationError) {
        var training = training
        training.keepsBestParameters = false
        try self.init(settings: settings) { _, hyper throws(PopulationError) in
            var member = PopulationMember(id: 0, state: .training(training), hyper: hyper, lineage: [])
            for (parameter, value) in zip(settings.evolve, hyper) {
                do throws(OptionError) { try member.setHyperparameter(name: parameter.name, value: value) } catch { throw .option(error) }
            }
            return member.state
        }
    }

    /// Draws each member's hyper-parameters (member by member) and builds its state with `make`.
    private init(settings: Settings, make: (Int, [Double]) throws(PopulationError) -> PopulationMember.State) throws(PopulationError) {
        self.settings = settings
        var random = SeededRandom(seed: settings.seed)
        var members: [PopulationMember] = []
        for id in 0..<settings.size {
            let hyper = settings.evolve.map { $0.draw(&random) }
            var member = PopulationMember(id: id, state: try make(id, hyper), hyper: hyper,
                                          lineage: [LineageSegment(member: id, fromStep: 0, hyper: hyper)])
            if id == 0 {
                // The optimizer must take each evolving value mid-run, as explore will set it.
                var probe = member
                for (parameter, value) in zip(settings.evolve, hyper) {
                    do throws(OptionError) { try probe.setHyperparameter(name: parameter.name, value: value) } catch { throw .option(error) }
                }
                member = PopulationMember(id: id, state: member.state, hyper: hyper, lineage: member.lineage)
            }
            members.append(member)
        }
        self.members = members
        self.random = random
        self.generations = [Generation(step: 0, members: members.map { Generation.Record(id: $0.id, score: $0.score, hyper: $0.hyper) })]
        self.progress = 0
    }

    /// What a member's trace keeps: scalars only, a few hundred rows (the generations hold
    /// the scores; a population of 256 members must not hold 256 full traces).
    public static let recording = RecordingPolicy(perParameterLimit: 0, capacity: 256)

    /// How `advance` ended.
    public enum Outcome: Sendable, Hashable {
        /// A new generation was recorded.
        case advanced
        /// `shouldStop` said stop while member `member` was at step `step`; the generations
        /// are as they were, and the members keep the steps they took towards the next one,
        /// which the next `advance` finishes.
        case interrupted(member: Int, step: Int)
    }

    /// Trains every member one interval (to the next multiple of `interval` steps or epochs, or to the budget
    /// when that comes first; past the budget, one interval more), then measures, exploits and
    /// explores, and records the generation. `shouldStop` is polled before each member and
    /// as its steps say (`Run.run`, `Trainer.train`); when it says stop, the members keep the
    /// steps they took (no member is copied to be put back: that would hold the population
    /// twice) and the next call goes on from them, to the same generation.
    ///
    /// Between its turns a member holds no scratch (`Run.releaseScratch`): only the member
    /// being stepped has a workspace.
    @discardableResult
    public mutating func advance(shouldStop: () -> Bool = { false }) -> Outcome {
        let from = progress
        var target = (from / settings.interval + 1) * settings.interval
        if from < settings.steps { target = Swift.min(target, settings.steps) }
        for index in members.indices {
            let wanted = target - members[index].progress
            guard wanted > 0, !members[index].hasEnded else { continue }
            if shouldStop() { return .interrupted(member: index, step: members[index].stepCount) }
            let finished = members[index].advance(by: wanted, shouldStop: shouldStop)
            members[index].releaseScratch()
            if !finished { return .interrupted(member: index, step: members[index].stepCount) }
        }
        progress = target
        // A formula's generation falls on the step it aimed at (even when every run ended before
        // it); a model's on the optimizer steps its trainings took.
        let step = members.first?.trainer == nil ? target : (members.map(\.stepCount).max() ?? 0)
        let scores = members.map(\.score)
        var records = members.map { Generation.Record(id: $0.id, score: $0.score, hyper: $0.hyper) }
        if settings.exploit == .truncation {
            for (replaced, source) in Population.exploitPlan(scores: scores, quantile: settings.quantile, random: &random) {
                var member = members[source]
                var hyper = member.hyper
                var moves: [HyperparameterMove] = []
                for (index, parameter) in settings.evolve.enumerated() {
                    let move = parameter.explore(hyper[index], resample: settings.resample, factors: settings.perturbFactors, random: &random)
                    hyper[index] = move.to
                    moves.append(move)
                    // Inside the legal range by construction (explore clamps), so this cannot throw.
                    try? member.setHyperparameter(name: parameter.name, value: move.to)
                }
                let lineage = members[source].lineage + [LineageSegment(member: replaced, fromStep: step, hyper: hyper, copiedFrom: source)]
                members[replaced] = PopulationMember(id: replaced, state: member.state, hyper: hyper, lineage: lineage)
                records[replaced].hyper = hyper
                records[replaced].copiedFrom = source
                records[replaced].moves = moves
            }
        }
        generations.append(Generation(step: step, members: records))
        return .advanced
    }

    /// Advances generation by generation until the budget is spent or `shouldStop` says stop;
    /// `progress` hears about each generation recorded. Returns the interruption, if any.
    public mutating func run(shouldStop: () -> Bool = { false }, progress: (Population) -> Void = { _ in }) -> Outcome {
        while !isBudgetSpent {
            let outcome = advance(shouldStop: shouldStop)
            if case .interrupted = outcome { return outcome }
            progress(self)
        }
        return .advanced
    }

    // MARK: - Exploit, ranking and lineage

    /// ⌈quantile · size⌉, at most ⌊size/2⌋, at least 0.
    public static func replacedCount(size: Int, quantile: Double) -> Int {
        guard quantile > 0, size >= 2 else { return 0 }
        let wanted = (quantile * Double(size)).rounded(.up)
        return Swift.min(size / 2, Int(saturating: wanted))
    }

    /// Member indices from the best score (lowest) to the worst; NaN counts as +∞; ties go to
    /// the lower index.
    public static func ranking(scores: [Double]) -> [Int] {
        let keyed = scores.map { $0.isNaN ? Double.infinity : $0 }
        return scores.indices.sorted { keyed[$0] != keyed[$1] ? keyed[$0] < keyed[$1] : $0 < $1 }
    }

    /// The truncation exploit for `scores`: pairs (replaced member, source), the replaced
    /// members being the k ranked lowest in increasing index order, each source drawn
    /// uniformly from the k ranked highest (k = `replacedCount`). Draws one index per pair.
    public static func exploitPlan(scores: [Double], quantile: Double, random: inout SeededRandom) -> [(member: Int, source: Int)] {
        let k = replacedCount(size: scores.count, quantile: quantile)
        guard k > 0 else { return [] }
        let ranked = ranking(scores: scores)
        let top = Array(ranked.prefix(k))
        return ranked.suffix(k).sorted().map { member in (member, top[random.nextIndex(below: k)]) }
    }

    /// The member with the best score now (the last generation's ranking).
    public var bestMember: PopulationMember {
        members[generations.last?.ranking.first ?? 0]
    }

    /// The base-rate schedule of a lineage: `[(fromStep, lr)]`, oldest first, dropping
    /// stretches whose rate equals the one before. Empty when `lr` does not evolve.
    public func learningRateSchedule(of member: PopulationMember) -> [(step: Int, rate: Double)] {
        guard let index = settings.evolve.firstIndex(where: { $0.name == "lr" }) else { return [] }
        var schedule: [(step: Int, rate: Double)] = []
        for segment in member.lineage where schedule.last?.rate != segment.hyper[index] {
            if schedule.last?.step == segment.fromStep { schedule.removeLast() }
            schedule.append((segment.fromStep, segment.hyper[index]))
        }
        return schedule
    }
}

/// Why a population could not be built.
public enum PopulationError: Error, Sendable {
    /// The loss has no value or gradient at the start point.
    case startHasNoValue(EvaluationError)
    /// An evolving hyper-parameter the optimizer refuses to change during a run.
    case option(OptionError)
}

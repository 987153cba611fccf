import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import LRLab

/// Population-based training: the truncation exploit, explore, copies of whole runs, lineage,
/// and the noisy task where no fixed rate wins.
@Suite struct PopulationTests {
    func objective(_ formula: String, _ variables: [String]) throws -> Objective {
        Objective(parameters: variables, expression: try Parser.parse(formula, variables: variables))
    }

    func learningRate(_ range: ClosedRange<Double> = 1e-4...1) throws -> EvolvingHyperparameter {
        try EvolvingHyperparameter(name: "lr", kind: .gradientDescent, learningRates: range)
    }

    /// The noisy bowl: f = x² + y² from (10, 10), gradients with noise σ = 2 (`opt gd noise=2`).
    func noisyPopulation(seed: UInt64, exploit: Population.ExploitMode, size: Int = 16, steps: Int = 2000,
                         interval: Int = 100) throws -> Population {
        let loss = try objective("x^2 + y^2", ["x", "y"])
        let configuration = try OptimizerConfiguration(name: "gd", options: [("noise", "2"), ("seed", String(seed))])
        let settings = Population.Settings(size: size, interval: interval, steps: steps, evolve: [try learningRate()],
                                           exploit: exploit, seed: seed)
        return try Population(loss: loss, start: [10, 10], configuration: configuration, settings: settings)
    }

    @Test(arguments: [(16, 0.25, 4), (10, 0.25, 3), (8, 0.2, 2), (9, 0.9, 4), (2, 0.25, 1), (5, 0, 0), (3, 1, 1)])
    func theReplacedCountIsTheCeilingOfTheQuantileAtMostHalf(size: Int, quantile: Double, expected: Int) {
        #expect(Population.replacedCount(size: size, quantile: quantile) == expected)
    }

    /// Over many random score lists (with ties and ended runs): the replaced members are exactly
    /// the k ranked lowest, each once; every source is among the k ranked highest.
    @Test func exploitReplacesExactlyTheBottomQuantileFromTheTop() {
        var scoreSource = SeededRandom(seed: 7)
        for trial in 0..<500 {
            let size = 2 + scoreSource.nextIndex(below: 30)
            let quantile = [0.1, 0.25, 0.5, 0.75][trial % 4]
            let scores = (0..<size).map { _ -> Double in
                let kind = scoreSource.nextIndex(below: 10)
                return kind == 0 ? .infinity : kind == 1 ? .nan : Double(scoreSource.nextIndex(below: 8))
            }
            var random = SeededRandom(seed: UInt64(trial))
            let plan = Population.exploitPlan(scores: scores, quantile: quantile, random: &random)
            let k = Population.replacedCount(size: size, quantile: quantile)
            // Ranked by hand: NaN as +∞, ties to the lower index.
            let key = scores.map { $0.isNaN ? Double.infinity : $0 }
            let ranked = (0..<size).sorted { key[$0] != key[$1] ? key[$0] < key[$1] : $0 < $1 }
            #expect(plan.count == k)
            #expect(Set(plan.map(\.member)) == Set(ranked.suffix(k)))
            #expect(plan.allSatisfy { Set(ranked.prefix(k)).contains($0.source) })
        }
    }

    /// Each of the top k is drawn as a source about equally often (uniform), within 4σ.
    @Test func sourcesAreDrawnUniformlyFromTheTop() {
        let scores = (0..<16).map(Double.init)
        var counts = [Int](repeating: 0, count: 16)
        var random = SeededRandom(seed: 3)
        let rounds = 5000
        for _ in 0..<rounds {
            for pair in Population.exploitPlan(scores: scores, quantile: 0.25, random: &random) { counts[pair.source] += 1 }
        }
        let draws = Double(rounds * 4), p = 0.25
        let sigma = (draws * p * (1 - p)).squareRoot()
        for source in 0..<4 { #expect(Swift.abs(Double(counts[source]) - draws * p) < 4 * sigma, "source \(source): \(counts[source])") }
        #expect(counts[4...].allSatisfy { $0 == 0 })
    }

    /// Over 2,000 seeds × 10 explores: the resampled share matches `resample` and, among the
    /// perturbed ones, each factor is drawn half the time, within 4σ of the binomial.
    @Test(arguments: [0.0, 0.25, 0.6])
    func resamplingAndPerturbationFrequenciesMatchTheirProbabilities(resample: Double) throws {
        let parameter = try learningRate()
        var resampled = 0, up = 0, down = 0
        for seed in 0..<2000 {
            var random = SeededRandom(seed: UInt64(seed))
            for _ in 0..<10 {
                let move = parameter.explore(0.01, resample: resample, factors: [0.8, 1.2], random: &random)
                switch move.how {
                case .resampled:
                    resampled += 1
                    #expect(parameter.searchRange.contains(move.to))
                case .perturbed(let factor):
                    #expect(move.to == 0.01 * factor)
                    if factor == 0.8 { down += 1 } else { up += 1 }
                }
            }
        }
        let n = 20_000.0
        #expect(Swift.abs(Double(resampled) - n * resample) <= 4 * (n * resample * (1 - resample)).squareRoot() + 0.5)
        let perturbed = Double(up + down)
        #expect(Swift.abs(Double(up) - perturbed / 2) <= 4 * (perturbed / 4).squareRoot() + 0.5)
    }

    /// Log-uniform draws: inside the range, and half of them below the geometric mean (4σ).
    @Test func initialRatesAreLogUniform() throws {
        let parameter = try learningRate(1e-4...1)
        var random = SeededRandom(seed: 11)
        var below = 0
        for _ in 0..<10_000 {
            let rate = parameter.draw(&random)
            #expect(rate >= 1e-4 && rate <= 1)
            if rate < 1e-2 { below += 1 }
        }
        #expect(Swift.abs(Double(below) - 5000) < 4 * 50)
    }

    /// A perturbed value may leave the search range (as in Ray Tune) but not the legal range:
    /// lr 0.9 × 1.2 = 1.08 stays; momentum 0.9 × 1.2 is clamped to 1 and says so.
    @Test func perturbationIsNotClippedToTheSearchRangeButToTheLegalRange() throws {
        var random = SeededRandom(seed: 0)
        let rate = try learningRate(1e-4...1).explore(0.9, resample: 0, factors: [1.2], random: &random)
        #expect(rate.to == 0.9 * 1.2)
        #expect(!rate.clamped)
        let momentum = try EvolvingHyperparameter(name: "momentum", kind: .momentum, learningRates: 1e-4...1)
        let move = momentum.explore(0.9, resample: 0, factors: [1.2], random: &random)
        #expect(move.to == 1)
        #expect(move.clamped)
    }

    @Test(arguments: ["eps", "seed", "noise", "lrr"])
    func optionsWithoutABoundedRealRangeCannotEvolve(name: String) {
        let kind: OptimizerKind = name == "eps" ? .adam : .gradientDescent
        #expect(throws: OptionError.self) { try EvolvingHyperparameter(name: name, kind: kind, learningRates: 1e-4...1) }
    }

    /// A replaced member starts the next interval exactly where its source is (same point, same
    /// step count), and the source then trains as if alone: its noise generator was copied,
    /// not shared with the copy.
    @Test func aCopyHasTheSourceStateAndSteppingItLeavesTheSourceAlone() throws {
        var population = try noisyPopulation(seed: 1, exploit: .truncation, size: 8, steps: 400)
        population.advance()
        let generation = try #require(population.generations.last)
        let copied = try #require(generation.members.first { $0.copiedFrom != nil })
        let source = try #require(copied.copiedFrom)
        #expect(population.members[copied.id].run.point == population.members[source].run.point)
        #expect(population.members[copied.id].run.stepCount == population.members[source].run.stepCount)
        #expect(population.members[copied.id].run.learningRate == copied.hyper[0])
        var alone = population.members[source].run
        alone.run(100)
        population.advance()
        // The scores measured after the interval, before this generation's exploit (which may
        // replace the source): the source's is the lone run's loss, the copy's differs.
        let next = try #require(population.generations.last)
        #expect(next.members[source].score == alone.loss)
        #expect(next.members[copied.id].score != alone.loss)
        if next.members[source].copiedFrom == nil { #expect(population.members[source].run.point == alone.point) }
        // And stepping a copy directly leaves the population's run untouched.
        let before = population.members[source].run.point
        var copy = population.members[source].run
        copy.run(10)
        #expect(population.members[source].run.point == before)
    }

    /// exploit=off: nobody copies, every member keeps its initial draw, the draws are the same
    /// as PBT's with that seed.
    @Test func exploitOffIsRandomSearchWithTheSameDraws() throws {
        var search = try noisyPopulation(seed: 4, exploit: .off, size: 8, steps: 300)
        let pbt = try noisyPopulation(seed: 4, exploit: .truncation, size: 8, steps: 300)
        _ = search.run()
        #expect(search.generations.count == 4)
        #expect(search.generations.allSatisfy { $0.members.allSatisfy { $0.copiedFrom == nil } })
        #expect(search.generations.last?.members.map(\.hyper) == pbt.generations[0].members.map(\.hyper))
    }

    /// The budget: generations at every interval and at the last step; `advance` past the budget
    /// goes one interval further.
    @Test func generationsFallOnIntervalsAndTheBudget() throws {
        var population = try noisyPopulation(seed: 2, exploit: .truncation, size: 4, steps: 250, interval: 100)
        _ = population.run()
        #expect(population.generations.map(\.step) == [0, 100, 200, 250])
        #expect(population.isBudgetSpent)
        population.advance()
        #expect(population.stepCount == 300)
        #expect(population.members.allSatisfy { $0.run.stepCount == 300 })
    }

    /// Interrupted mid-generation, the population keeps its last whole generation and the
    /// steps its members took since (no copy of the population is kept to go back to); the
    /// next `advance` finishes the same generation an uninterrupted population makes.
    @Test func anInterruptionKeepsTheLastWholeGenerationAndTheStepsSince() throws {
        var population = try noisyPopulation(seed: 2, exploit: .truncation, size: 4, steps: 300, interval: 100)
        var twin = population
        population.advance()
        twin.advance()
        var polls = 0
        let outcome = population.advance { polls += 1; return polls > 2 }
        #expect(outcome == .interrupted(member: 2, step: 100))
        #expect(population.stepCount == 100 && population.generations.count == 2)
        #expect(population.members.map(\.run.stepCount) == [200, 200, 100, 100])
        #expect(population.advance() == .advanced)
        twin.advance()
        #expect(population.generations == twin.generations)
        #expect(population.members.map(\.run.point) == twin.members.map(\.run.point))
    }

    /// Same seed, same population; another seed, other draws.
    @Test func theSameSeedGivesTheSameGenerations() throws {
        var first = try noisyPopulation(seed: 5, exploit: .truncation, size: 8, steps: 500)
        var second = try noisyPopulation(seed: 5, exploit: .truncation, size: 8, steps: 500)
        var other = try noisyPopulation(seed: 6, exploit: .truncation, size: 8, steps: 500)
        _ = first.run(); _ = second.run(); _ = other.run()
        #expect(first.generations == second.generations)
        #expect(first.generations != other.generations)
    }

    /// The noisy bowl, where a large fixed rate stalls at a high noise floor (about lr·σ²/2 for
    /// the two coordinates) and a small one crawls from (10, 10): on each of 10 seeds, PBT and
    /// random search run the same 16 members, draws, noise and budget (2,000 steps each). PBT
    /// ends lower than the best random-search member on 9 of the 10 seeds when this was written
    /// (at least 6 asserted: "most"), and the lineage of its best member anneals: its rate at the end is at least 10×
    /// below its rate at the start on every seed.
    @Test func onNoisyGradientsPBTBeatsRandomSearchAndAnneals() throws {
        var wins = 0
        for seed in UInt64(0)..<10 {
            var pbt = try noisyPopulation(seed: seed, exploit: .truncation)
            var search = try noisyPopulation(seed: seed, exploit: .off)
            _ = pbt.run()
            _ = search.run()
            let pbtBest = try #require(pbt.generations.last?.best?.score)
            let searchBest = try #require(search.generations.last?.best?.score)
            if pbtBest < searchBest { wins += 1 }
            let schedule = pbt.learningRateSchedule(of: pbt.bestMember)
            let first = try #require(schedule.first?.rate), last = try #require(schedule.last?.rate)
            #expect(last < first / 10, "seed \(seed): the lineage's rate went from \(first) to \(last)")
        }
        #expect(wins >= 6, "PBT beat the best random-search member on \(wins) of 10 seeds")
    }

    /// The lineage's schedule drops stretches that keep the rate, and starts at step 0.
    @Test func theScheduleOfALineageListsRateChanges() throws {
        var population = try noisyPopulation(seed: 0, exploit: .truncation, size: 8, steps: 1000)
        _ = population.run()
        let best = population.bestMember
        let schedule = population.learningRateSchedule(of: best)
        #expect(schedule.first?.step == 0)
        #expect(zip(schedule, schedule.dropFirst()).allSatisfy { $0.rate != $1.rate && $0.step < $1.step })
        #expect(best.lineage.last.map { $0.hyper[0] } == best.hyper[0])
        #expect(schedule.last?.rate == best.run.learningRate)
    }
}

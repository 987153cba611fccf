import LRLab

/// h. Population-based training: 32 Adam members × 5,000 steps on Rosenbrock (a generation
/// every 100 steps: exploit, explore, copies of whole runs) against one Adam run of the same
/// 160,000 steps, both through `Run`. Goal: within 2×.
func casePopulation(members: Int, steps: Int, repetitions: Int) -> [Result] {
    let objective = rosenbrockObjective()
    let config = configuration("adam", lr: 0.001)
    let rates: EvolvingHyperparameter
    do {
        rates = try EvolvingHyperparameter(name: "lr", kind: config.kind, learningRates: 1e-4...1e-2)
    } catch {
        fatalError("cannot evolve lr: \(error)")
    }
    let settings = Population.Settings(size: members, interval: 100, steps: steps, evolve: [rates], seed: 1)
    let population = {
        do {
            var population = try Population(loss: objective, start: [-1.5, 2], configuration: config, settings: settings)
            _ = population.run()
            blackHole(population.bestMember.score)
        } catch {
            fatalError("cannot start the population: \(error)")
        }
    }
    let single = {
        var run = makeRun(objective, config)
        run.run(members * steps)
        blackHole(run.loss)
    }
    // The same single run recording as a member does (scalars, 256 rows): what PBT itself costs.
    let singleLikeAMember = {
        do {
            var run = try Run(objective: objective, start: [-1.5, 2], configuration: config, recording: Population.recording)
            run.run(members * steps)
            blackHole(run.loss)
        } catch {
            fatalError("cannot start the run: \(error)")
        }
    }
    let (candidate, baseline) = compare(repetitions: repetitions, candidate: population, baseline: single)
    let (again, lean) = compare(repetitions: repetitions, candidate: population, baseline: singleLikeAMember)
    return [Result(name: "h. pbt \(members) × \(steps) Adam steps", candidate: candidate, baseline: baseline,
                   items: members * steps, unit: "step", goal: 2,
                   note: "baseline: one Adam run of \(members * steps) steps through Run, standard recording"),
            Result(name: "h'. same, baseline records as a member does", candidate: again, baseline: lean,
                   items: members * steps, unit: "step", goal: 2,
                   note: "baseline: the same run recording scalars in 256 rows (Population.recording)")]
}

import LRLab
import LRLabText

/// `save pbt FILE.json`: the population's generations and best lineage, in this shape:
///
///     {"task", "population", "interval", "seed",
///      "generations": [{"step", "members": [{"id", "score", "hyper": {"lr": ...}, "copied_from", "resampled"}]}],
///      "best": {"id", "score", "schedule": [[step, lr], ...]}}
///
/// A generation holds the scores measured at its step (the current loss, lower is better; null
/// for a run that ended) and the hyper-parameters each member carries after that generation's
/// exploit and explore; `copied_from` is the source of this generation's copy or null. Numbers
/// are written with `%.17g`, so the same seed gives the same file byte for byte.
enum PopulationJSON {
    static func document(_ population: Population) -> String {
        let names = population.settings.evolve.map(\.name)
        let generations = population.generations.map { generation -> String in
            let members = generation.members.map { record -> String in
                let hyper = zip(names, record.hyper).map { "\(RunJSON.string($0)): \(RunJSON.number($1))" }.joined(separator: ", ")
                return "        {\"id\": \(record.id), \"score\": \(RunJSON.number(record.score)), \"hyper\": {\(hyper)}, "
                    + "\"copied_from\": \(record.copiedFrom.map(String.init) ?? "null"), \"resampled\": \(record.resampled)}"
            }
            return "    {\"step\": \(generation.step), \"members\": [\n" + members.joined(separator: ",\n") + "\n    ]}"
        }
        let best = population.bestMember
        let schedule = population.learningRateSchedule(of: best).map { "[\($0.step), \(RunJSON.number($0.rate))]" }.joined(separator: ", ")
        return """
            {
              "task": \(RunJSON.string(PopulationReport.task(population) + "; score: the current loss, lower is better" + (population.settings.exploit == .off ? "; exploit=off (random search)" : ""))),
              "population": \(population.settings.size),
              "interval": \(population.settings.interval),
              "seed": \(population.settings.seed),
              "generations": [
            \(generations.joined(separator: ",\n"))
              ],
              "best": {"id": \(best.id), "score": \(RunJSON.number(best.score)), "schedule": [\(schedule)]}
            }

            """
    }
}

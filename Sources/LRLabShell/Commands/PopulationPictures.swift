import LRLab
import LRLabText

extension PopulationCommands {
    /// `plot pbt`: the scores chart (kept for `save FILE.svg`) and, after an empty line, the
    /// lineage's rate.
    static func plotPopulation(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        try statement.expectWords(2)
        guard let population = session.population else { throw noPopulation(at: statement.words[1]) }
        let (scores, rates) = PopulationReport.charts(population, session: session)
        var report = Report()
        report.picture(.lineChart(scores))
        if let rates {
            report.text("")
            report.figure(rates)
        }
        return report
    }

    /// `save pbt FILE.json`.
    static func savePopulation(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        let words = Array(statement.words.dropFirst(2))
        guard words.count == 1 else {
            throw ShellError("save pbt needs one file name", at: words.dropFirst().first?.range ?? statement.words[1].range,
                             hint: "e.g. save pbt population.json")
        }
        guard words[0].text.lowercased().hasSuffix(".json") else {
            throw ShellError("save pbt writes JSON", at: words[0].range, hint: "name it FILE.json")
        }
        guard let population = session.population else { throw noPopulation(at: statement.words[1]) }
        return try SessionCommands.writeFile(words[0], PopulationJSON.document(population), session: session)
    }
}

extension Expectation {
    /// The quantities of the last `pbt` that `expect` and `keep` read, with their meaning.
    static let populationQuantities: [(name: String, meaning: String)] = [
        ("pbt_best", "the best score of the last generation (the loss, lower is better)"),
        ("pbt_median", "the median score of the last generation"),
        ("pbt_lr", "the learning rate of the best member now"),
        ("pbt_start_lr", "the learning rate the best member's lineage started with"),
        ("pbt_steps", "the steps every member has taken"),
        ("pbt_members", "how many members the population has"),
        ("pbt_seed", "the seed of the population's draws"),
    ]

    /// The value of the population quantity `name`, or nil when `name` is not one or there is
    /// no population (and the learning rates are NaN when lr does not evolve).
    static func populationQuantity(_ name: String, in session: Session) -> Double? {
        guard let population = session.population, let last = population.generations.last else { return nil }
        let schedule = population.learningRateSchedule(of: population.bestMember)
        switch name {
        case "pbt_best": return last.best?.score ?? .nan
        case "pbt_median": return last.medianScore
        case "pbt_lr": return schedule.last?.rate ?? .nan
        case "pbt_start_lr": return schedule.first?.rate ?? .nan
        case "pbt_steps": return Double(population.stepCount)
        case "pbt_members": return Double(population.settings.size)
        case "pbt_seed": return Double(population.settings.seed)
        default: return nil
        }
    }
}

import LRLab
import LRLabText

enum PopulationCommands {
    /// `pbt`: population-based training on the current function, optimizer and schedule.
    static let all: [Command] = [
        Command("pbt", usage: "pbt [OPTIONS] | pbt step [N] | pbt lineage",
                summary: "population-based training: the worst members copy better ones and explore",
                details: """
                Trains `population` runs of the current function, optimizer and schedule from the same start,
                each with hyper-parameters drawn from their ranges (lr log-uniform in lr=, other options of
                evolve= uniform in their legal range, e.g. momentum 0..1). Every `interval` steps each member
                is scored by its current loss (lower is better); the worst ⌈quantile·population⌉ (at most
                half) copy the whole state of a member drawn from as many of the best (exploit), then each
                copied value is drawn afresh with probability `resample`, else multiplied by a factor drawn
                from `perturb` (explore). A perturbed value may leave the initial range (as in Ray Tune) but
                is clamped to the option's legal range (lr ≤ 1e12, momentum ≤ 1), and the table says so.
                exploit=off is random search with the same members and budget.
                Each generation prints the members that copied (score, new values, source, change).
                  pbt                                   16 members, 1000 steps each, a generation every 100
                  pbt population=8 steps=2000 interval=200 seed=3
                  pbt evolve=lr,momentum                (with opt momentum)
                  pbt exploit=off                       random search with the same budget
                  pbt compare                           PBT and random search on the same seed and budget
                  pbt step                              one interval more (also past the budget), full table
                  pbt lineage                           the best member's ancestry: member, rate, from which step
                plot pbt draws every member's score and the best lineage's rate; save pbt FILE.json writes
                every generation. Ctrl-C stops pbt and keeps the generations done. Members of `opt gd
                noise=` get seeds seed, seed+1, ...; a copy carries on with its source's noise.
                When the focus is a model (data and model came last; `show` says), pbt trains it instead, for
                epochs= each (default \(TrainingDefaults.epochs)): every
                member starts from the model's initialisation with the same batches (32 rows, shuffle seed 0),
                interval= counts epochs (default 1), the score is the validation loss after each epoch
                (the training loss when every row trains); evolve= takes the same options as on a formula.
                  pbt epochs=5 population=8             after data moons; model mlp hidden=16
                  pbt epochs=5 evolve=lr,momentum       with opt momentum
                After a pbt, expect and keep read \(Expectation.populationQuantities.map(\.name).joined(separator: ", ")):
                  keep random_best = pbt_best        (after pbt exploit=off)
                  expect pbt_best < random_best      (after pbt)
                """, completion: .words(["step", "lineage", "compare"]), options: PBTOptions.all, countsAsTry: true) { session, statement throws(ShellError) in
            try pbtCommand(session, statement)
        },
    ]

    /// `pbt`'s options.
    enum PBTOptions {
        typealias Settings = Population.Settings
        static let population = CommandOption.count("population", default: Settings.defaultSize, limit: Limits.maximumPopulation,
                                                    "how many members (at least 2)")
        static let interval = CommandOption.count("interval", default: Settings.defaultInterval, limit: Limits.maximumPopulationBudget,
                                                  "steps (epochs on a model) between exploit/explore",
                                                  defaultDescription: "\(Settings.defaultInterval) (\(Settings.defaultModelInterval) epoch)")
        static let steps = CommandOption.count("steps", default: Settings.defaultSteps, limit: Limits.maximumPopulationBudget,
                                               "steps each member takes on a formula (the budget is population × steps)")
        static let epochs = CommandOption.epochs(default: TrainingDefaults.epochs, "epochs each member trains on the model (population × epochs in all)")
        static let lr = CommandOption.rateRange("lr", default: 1e-4...1, "where lr is drawn from, log-uniformly")
        static let evolve = CommandOption.names("evolve", default: ["lr"], "the hyper-parameters that evolve (options of the optimizer)")
        static let quantile = CommandOption.number("quantile", default: Settings.defaultQuantile, range: 0...1,
                                                   "fraction replaced each generation (at most half)")
        static let resample = CommandOption.number("resample", default: Settings.defaultResample, range: 0...1,
                                                   "probability that a copied value is drawn afresh")
        static let perturb = CommandOption.rates("perturb", default: Settings.defaultPerturbFactors,
                                                 "factors a copied value is multiplied by, one drawn at random")
        static let exploit = CommandOption.choice("exploit", default: Population.ExploitMode.truncation, "truncation, or off for random search")
        static let seed = CommandOption.seed("seed of the draws, copies and explore")
        static let compare = CommandOption.flag("compare", default: false, "also run random search on the same seed and budget; print both")
        static let all = [population.option, interval.option, steps.option, epochs.option, lr.option, evolve.option, quantile.option,
                          resample.option, perturb.option, exploit.option, seed.option, compare.option]
    }

    static func pbtCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        if let word = statement.words.dropFirst().first, word.keyValue.value == nil {
            switch word.text.lowercased() {
            case "step":
                return try pbtStep(session, statement)
            case "lineage":
                try statement.expectWords(2)
                guard let population = session.population else { throw noPopulation(at: word) }
                return Report(prose: PopulationReport.lineage(population, session: session))
            case "compare":
                break
            default:
                throw ShellError("unexpected '\(word.text)'", at: word.range,
                                 hint: Suggestion.didYouMean(word.text, among: ["step", "lineage", "compare"], prefix: "pbt ")
                                    ?? "pbt [key=value ...], pbt step or pbt lineage")
            }
        }
        let options = try CommandOptionValues(statement.words.dropFirst(), options: PBTOptions.all, command: "pbt")
        let make: (Population.Settings) throws(ShellError) -> (population: Population, interruption: Population.Outcome?)
        let settings: Population.Settings
        if session.focus == .model {
            guard !options.isGiven(PBTOptions.steps) else {
                throw ShellError("steps= counts a formula's steps, and the focus is the model on the data", at: statement.word(for: PBTOptions.steps)?.range,
                                 hint: "on a model, give epochs=N; define or use a formula to run pbt on it")
            }
            settings = try pbtSettings(options, session: session, statement: statement, model: true)
            let compare = options[PBTOptions.compare]
            try checkPopulationMemory(session, statement, size: settings.size, populations: compare ? 2 : 1)
            session.population = nil
            guard let template = try modelTemplate(session, statement), template.isMeasured else {
                return Report(prose: "interrupted while measuring the start over the whole sets; no population was trained")
            }
            make = { settings throws(ShellError) in try runModelPopulation(settings, session: session, template: template) }
        } else {
            if options.isGiven(PBTOptions.epochs) {
                throw ShellError("epochs= counts a model's epochs, and the focus is the formula", at: statement.word(for: PBTOptions.epochs)?.range,
                                 hint: "on a formula, give steps=N; choose data and a model (data ..., model ...) to run pbt on them")
            }
            let (objective, start) = try session.setup(at: statement.words[0])
            settings = try pbtSettings(options, session: session, statement: statement, model: false)
            make = { settings throws(ShellError) in try runPopulation(settings, session: session, objective: objective, start: start) }
        }
        let compare = options[PBTOptions.compare]
        let population = try make(settings)
        session.population = population.population
        guard compare else {
            return Report(text: PopulationReport.runText(population.population, interruption: population.interruption, session: session))
        }
        var randomSettings = settings
        randomSettings.exploit = .off
        let search = try make(randomSettings)
        return Report(text: PopulationReport.comparison(pbt: population.population, randomSearch: search.population,
                                                        interruption: population.interruption ?? search.interruption, session: session))
    }

    /// The settings `options` describe, checked against the limits and the current optimizer.
    /// For a model (`model: true`) `epochs=` is the budget and `interval=` counts epochs (1 unless given).
    static func pbtSettings(_ options: CommandOptionValues, session: Session, statement: Statement,
                            model: Bool) throws(ShellError) -> Population.Settings {
        let size = options[PBTOptions.population]
        let steps = model ? options[PBTOptions.epochs] : options[PBTOptions.steps]
        let interval = model && !options.isGiven(PBTOptions.interval) ? Population.Settings.defaultModelInterval : options[PBTOptions.interval]
        let command = statement.words[0]
        if model, size.multipliedReportingOverflow(by: steps).overflow || size * steps > Limits.maximumEpochs {
            throw ShellError("pbt trains at most \(HelpText.grouped(Limits.maximumEpochs)) epochs in all (population × epochs), not \(size) × \(steps)",
                             at: statement.word(for: PBTOptions.epochs)?.range ?? command.range, hint: "give fewer members or epochs")
        }
        guard size >= 2 else {
            throw ShellError("a population needs at least 2 members", at: statement.word(for: PBTOptions.population)?.range, hint: "e.g. population=8")
        }
        guard size.multipliedReportingOverflow(by: steps).partialValue <= Limits.maximumPopulationBudget,
              !size.multipliedReportingOverflow(by: steps).overflow else {
            throw ShellError("pbt makes at most \(HelpText.grouped(Limits.maximumPopulationBudget)) steps in all (population × steps), not \(size) × \(steps)",
                             at: (statement.word(for: PBTOptions.steps) ?? statement.word(for: PBTOptions.population))?.range ?? command.range,
                             hint: "give fewer members or steps")
        }
        let generations = (steps + interval - 1) / interval + 1
        guard size.multipliedReportingOverflow(by: generations).partialValue <= Limits.maximumPopulationRecords else {
            throw ShellError("pbt records at most \(HelpText.grouped(Limits.maximumPopulationRecords)) member rows (population × generations), not \(size) × \(generations)",
                             at: statement.word(for: PBTOptions.interval)?.range ?? command.range, hint: "give a longer interval=")
        }
        var evolve: [EvolvingHyperparameter] = []
        let names = options.namesWithRanges(PBTOptions.evolve, in: statement)
        for (name, range) in names {
            do throws(OptionError) {
                let parameter = try EvolvingHyperparameter(name: name, configuration: session.optimizer, learningRates: options[PBTOptions.lr])
                guard !evolve.contains(where: { $0.name == name }) else {
                    throw OptionError("'\(name)' is named twice in evolve=", key: name)
                }
                evolve.append(parameter)
            } catch {
                throw ShellError(error.message, at: range, hint: error.hint)
            }
        }
        let factors = options[PBTOptions.perturb]
        guard factors.allSatisfy({ $0 > 0 }) else {
            throw ShellError("perturb= factors must be positive", at: statement.word(for: PBTOptions.perturb)?.range, hint: "e.g. perturb=0.8,1.2")
        }
        let exploit = options[PBTOptions.exploit]
        return Population.Settings(size: size, interval: interval, steps: steps, evolve: evolve, quantile: options[PBTOptions.quantile],
                                   resample: options[PBTOptions.resample], perturbFactors: factors, exploit: exploit,
                                   seed: options[PBTOptions.seed])
    }

    /// Builds and trains a population to its budget, with a progress line; Ctrl-C keeps the
    /// generations done.
    static func runPopulation(_ settings: Population.Settings, session: Session, objective: Objective,
                              start: [Double]) throws(ShellError) -> (population: Population, interruption: Population.Outcome?) {
        var population: Population
        do throws(PopulationError) {
            population = try Population(loss: objective, start: start, configuration: session.optimizer, schedule: session.schedule,
                                        settings: settings)
        } catch {
            switch error {
            case .startHasNoValue(let reason):
                throw ShellError("\(objective.signature) has no value at the start \(NumberFormat.point(start)): \(reason.description)",
                                 hint: "choose another start point")
            case .option(let reason):
                throw ShellError(reason.message, hint: reason.hint)
            }
        }
        let label = settings.exploit == .off ? "random search" : "pbt"
        let outcome = population.run(shouldStop: session.shouldStop) { population in
            session.progress?("\(label): step \(population.stepCount) of \(settings.steps), generation \(population.generations.count - 1)")
        }
        session.progress?("")
        if case .interrupted = outcome { return (population, outcome) }
        return (population, nil)
    }

    /// `pbt step [N]`: N more intervals (default 1), past the budget once it is spent.
    static func pbtStep(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        guard var population = session.population else { throw noPopulation(at: statement.words[1]) }
        let count = try statement.count(limit: Limits.maximumPopulationRecords, index: 2)
        let recorded = population.generations.count * population.settings.size
        guard recorded + count * population.settings.size <= Limits.maximumPopulationRecords else {
            throw ShellError("the population would record more than \(HelpText.grouped(Limits.maximumPopulationRecords)) member rows (population × generations)",
                             at: statement.words[1].range, hint: "start a new pbt with a longer interval=")
        }
        var interruption: Population.Outcome?
        var report = Report()
        for _ in 0..<count {
            let outcome = population.advance(shouldStop: session.shouldStop)
            if case .interrupted = outcome {
                interruption = outcome
                break
            }
            if let generation = population.generations.last {
                report.text(PopulationReport.fullTable(generation, population: population, session: session))
            }
        }
        session.population = population
        if let interruption { report.prose(PopulationReport.interruptionNote(interruption, population: population)) }
        return report
    }

    /// The training every member of a model's population starts as: the current model on the
    /// session's data with `opt` and `schedule`, batches as `train` makes them by default.
    static func modelTemplate(_ session: Session, _ statement: Statement) throws(ShellError) -> Trainer? {
        guard let data = session.lab.data else {
            throw ShellError("no data to train on", at: statement.word(for: PBTOptions.epochs)?.range,
                             hint: "choose a data set first, e.g. data moons or data digits; or define or use a formula to run pbt on it")
        }
        guard let specification = session.lab.model else {
            throw ShellError("no model to train", at: statement.word(for: PBTOptions.epochs)?.range,
                             hint: "choose one, e.g. model mlp hidden=32; or define or use a formula to run pbt on it")
        }
        return try ModelCommands.newTraining(session, specification: specification, data: data, batchSize: TrainingDefaults.batchRows, seed: 0,
                               at: statement.words[0])?.trainer
    }

    /// Builds and trains a model's population to its budget, with a progress line per generation.
    static func runModelPopulation(_ settings: Population.Settings, session: Session,
                                   template: Trainer) throws(ShellError) -> (population: Population, interruption: Population.Outcome?) {
        var population: Population
        do throws(PopulationError) {
            population = try Population(training: template, settings: settings)
        } catch {
            switch error {
            case .startHasNoValue(let reason): throw ShellError("the loss has no value at the start: \(reason.description)")
            case .option(let reason): throw ShellError(reason.message, hint: reason.hint)
            }
        }
        let label = settings.exploit == .off ? "random search" : "pbt"
        let outcome = population.run(shouldStop: session.shouldStop) { population in
            session.progress?("\(label): epoch \(population.progress) of \(settings.steps), generation \(population.generations.count - 1)")
        }
        session.progress?("")
        if case .interrupted = outcome { return (population, outcome) }
        return (population, nil)
    }

    /// Refuses a model's population past the memory budget, before anything is allocated:
    /// `populations` of `size` members (2 for `pbt compare`, which keeps the first while the
    /// second trains).
    static func checkPopulationMemory(_ session: Session, _ statement: Statement, size: Int, populations: Int) throws(ShellError) {
        guard let data = session.lab.data, let specification = session.lab.model,
              let model = try? specification.makeModel(for: data.training) else { return }
        let what = populations > 1 ? "pbt compare on this model (two populations)" : "pbt on this model"
        try session.memoryBudget.check(trainings: size * populations, of: model, on: data, configuration: session.optimizer,
                                       batchSize: TrainingDefaults.batchRows, keepsBestParameters: false, what: what, unit: "member",
                                       countOption: "population", perOption: populations,
                                       at: statement.word(for: PBTOptions.population) ?? statement.words[0])
    }

    static func noPopulation(at word: Word) -> ShellError {
        ShellError("no population yet", at: word.range, hint: "train one first, e.g. pbt population=8 steps=1000")
    }
}

import LRLab
import LRLabText

/// What `pbt` prints: the task, one compact table per generation (the members that copied), the
/// full table of `pbt step`, the best lineage, the comparison with random search, and the
/// `plot pbt` charts.
enum PopulationReport {
    /// `f(x, y) = x^2 + y^2 from (10, 10) with gd noise=1 seed=1`: what the members minimise.
    static func task(_ population: Population) -> String {
        if let trainer = population.members[0].trainer {
            let data = trainer.split.training
            return "a model of \(trainer.run.lossFunction.parameterCount) parameters on \(data.name) (\(data.rowCount) training rows, "
                + (trainer.split.validation.map { "\($0.rowCount) validation" } ?? "no validation") + ") with "
                + trainer.run.configuration.kind.name + ", batches of \(trainer.batches.batchSize.map(String.init) ?? "every row")"
        }
        let run = population.members[0].run
        let loss = run.objective.map { "\($0.signature) = \($0.expression)" } ?? "a loss of \(run.lossFunction.parameterCount) parameters"
        let given = run.startConfiguration.values.given.filter { name in !population.settings.evolve.contains { $0.name == name } && name != "seed" }
        let values = run.startConfiguration.values
        let options = run.configuration.kind.allOptions.filter { given.contains($0.name) }.map { definition -> String in
            switch definition.kind {
            case .number: return "\(definition.name)=\(NumberFormat.format(values.number(definition.name), digits: 6))"
            case .flag: return "\(definition.name)=\(values.flag(definition.name))"
            case .choice: return "\(definition.name)=\(values.choice(definition.name))"
            }
        }
        var text = "\(loss) from \(NumberFormat.point(run.start, digits: 4)) with " + ([run.configuration.kind.name] + options).joined(separator: " ")
        if !(run.schedule is ConstantSchedule) { text += ", schedule \(run.schedule.description)" }
        return text
    }

    static func name(_ id: Int) -> String { "m\(id)" }

    /// What `interval` and the budget count: `steps` for a formula, `epochs` for a model.
    static func unit(_ population: Population) -> String { population.members[0].trainer == nil ? "step" : "epoch" }

    /// `the current loss`, `the validation loss` (a model), `the training loss` (a model without validation rows).
    static func scoreName(_ population: Population) -> String {
        guard let trainer = population.members[0].trainer else { return "the current loss" }
        return trainer.split.validation == nil ? "the training loss" : "the validation loss"
    }

    static func digits(_ session: Session) -> Int { Swift.min(session.digits, 4) }

    static func score(_ value: Double, _ session: Session) -> String {
        value.isFinite ? NumberFormat.format(value, digits: digits(session)) : "ended"
    }

    /// `lr ×0.8`, `lr resampled`, `momentum ×1.2, clamped to 1`.
    static func change(_ moves: [HyperparameterMove], session: Session) -> String {
        guard !moves.isEmpty else { return "-" }
        return moves.map { move -> String in
            switch move.how {
            case .resampled: return "\(move.name) resampled"
            case .perturbed(let factor):
                let text = "\(move.name) ×\(NumberFormat.format(factor, digits: 4))"
                return move.clamped ? text + ", clamped to \(NumberFormat.format(move.to, digits: digits(session)))" : text
            }
        }.joined(separator: "; ")
    }

    static func header(_ population: Population, session: Session) -> [String] {
        let settings = population.settings
        let k = settings.replacedCount
        let ranges = settings.evolve.map { parameter in
            "\(parameter.name) \(parameter.logScale ? "log-uniform" : "uniform") in "
                + NumberFormat.format(parameter.searchRange.lowerBound, digits: 4) + ".." + NumberFormat.format(parameter.searchRange.upperBound, digits: 4)
        }
        let factors = settings.perturbFactors.map { "×" + NumberFormat.format($0, digits: 4) }.joined(separator: " or ")
        let exploit = settings.exploit == .off ? "exploit=off: random search, every member keeps its draw"
            : "exploit: worst \(k) copy one of best \(k); explore: \(factors) "
              + "(resample p=\(NumberFormat.format(settings.resample, digits: 4)))"
        return ["\(settings.exploit == .off ? "random search" : "pbt"): \(settings.size) members × \(NumberFormat.counted(settings.steps, unit(population))), "
                + "a generation \(NumberFormat.every(settings.interval, unit(population))), seed \(settings.seed)",
                "minimise " + task(population),
                "evolving " + ranges.joined(separator: ", ") + "; score: \(scoreName(population)), lower is better",
                exploit]
    }

    /// The columns of a generation table: member, score, each evolving value, from, change.
    static func columns(_ population: Population) -> [Table.Column] {
        [.init("member", alignment: .left), .init("score")] + population.settings.evolve.map { .init($0.name) }
            + [.init("from", alignment: .left), .init("change", alignment: .left)]
    }

    static func row(_ record: Generation.Record, in generation: Generation, session: Session) -> [String] {
        let source = record.copiedFrom.map { name($0) + " (" + score(generation.members[$0].score, session) + ")" } ?? "-"
        return [name(record.id), score(record.score, session)] + record.hyper.map { NumberFormat.format($0, digits: digits(session)) }
            + [source, change(record.moves, session: session)]
    }

    /// `step 300: best m3 0.0123 (lr 0.05), median 0.4; 4 copied`.
    static func summaryLine(_ generation: Generation, population: Population, session: Session) -> String {
        guard let best = generation.best else { return "step \(generation.step)" }
        let values = zip(population.settings.evolve, best.hyper).map { "\($0.name) \(NumberFormat.format($1, digits: digits(session)))" }
        let copied = generation.members.filter { $0.copiedFrom != nil }.count
        return "step \(generation.step): best \(name(best.id)) \(score(best.score, session)) (\(values.joined(separator: ", "))), "
            + "median \(score(generation.medianScore, session))" + (generation.step == 0 ? " (the start)" : "; \(copied) copied")
    }

    /// One generation as `pbt` prints it: the summary line and the members that copied.
    static func compactBlock(_ generation: Generation, population: Population, session: Session) -> String {
        let rows = generation.members.filter { $0.copiedFrom != nil }.map { row($0, in: generation, session: session) }
        let line = session.wrapped(summaryLine(generation, population: population, session: session))
        guard !rows.isEmpty else { return line }
        return line + "\n" + table(rows, population: population, session: session, indent: "  ")
    }

    /// A generation's members as a table indented by `indent`. When it would be wider than the
    /// session, the change column leaves the table: each member's change follows it, wrapped.
    static func table(_ rows: [[String]], population: Population, session: Session, indent: String) -> String {
        let columns = columns(population)
        func render(_ columns: [Table.Column], _ rows: [[String]]) -> [String] {
            Table(columns: columns, rows: rows).render(style: session.glyphStyle, border: .plain).split(separator: "\n").map { indent + $0 }
        }
        let whole = render(columns, rows)
        guard whole.contains(where: { TextWrap.displayWidth($0) > session.terminalColumns }) else { return whole.joined(separator: "\n") }
        let changes = rows.compactMap { row -> String? in
            guard let member = row.first, let change = row.last, !change.isEmpty, change != "-" else { return nil }
            return session.wrapped(indent + member + ": " + change)
        }
        return (render(Array(columns.dropLast()), rows.map { Array($0.dropLast()) }) + changes).joined(separator: "\n")
    }

    /// Every member of a generation, best first, as `pbt step` prints it.
    static func fullTable(_ generation: Generation, population: Population, session: Session) -> String {
        let rows = generation.ranking.map { row(generation.members[$0], in: generation, session: session) }
        return session.wrapped(summaryLine(generation, population: population, session: session)) + "\n"
            + table(rows, population: population, session: session, indent: "")
    }

    /// What `pbt` prints after training: the header, the generations (the first and last five
    /// when there are more than twelve), the result and the best lineage's schedule.
    static func runText(_ population: Population, interruption: Population.Outcome?, session: Session) -> String {
        var lines = header(population, session: session).map(session.wrapped)
        let generations = population.generations
        for (index, generation) in generations.enumerated() {
            if generations.count > 12, index == 5 {
                lines.append("... \(generations.count - 10) generations not shown (pbt lineage, save pbt FILE.json) ...")
            }
            if generations.count > 12, index >= 5, index < generations.count - 5 { continue }
            lines.append(compactBlock(generation, population: population, session: session))
        }
        lines += result(population, session: session).map(session.wrapped)
        if let interruption { lines.append(session.wrapped(interruptionNote(interruption, population: population))) }
        lines.append("next: pbt step (one interval more), pbt lineage, plot pbt, save pbt FILE.json")
        return lines.joined(separator: "\n")
    }

    static func result(_ population: Population, session: Session) -> [String] {
        guard let last = population.generations.last, let best = last.best else { return [] }
        let copies = population.generations.reduce(0) { $0 + $1.members.filter { $0.copiedFrom != nil }.count }
        return ["after \(NumberFormat.counted(last.step, unit(population))): best \(name(best.id)), score \(score(best.score, session)) (lower is better), "
                + "median \(score(last.medianScore, session))",
                "\(copies) copies in \(population.generations.count - 1) generations",
                "lr of the best lineage: " + shortScheduleText(population)]
    }

    /// `0.0132 → 0.000878 by step 1800 (9 changes)`, or `0.005985, fixed`: a schedule in a table cell.
    static func shortScheduleText(_ population: Population) -> String {
        let schedule = population.learningRateSchedule(of: population.bestMember)
        guard let first = schedule.first, let last = schedule.last else { return "lr does not evolve" }
        let start = NumberFormat.format(first.rate, digits: 3)
        guard schedule.count > 1 else { return start + ", fixed" }
        return start + " → " + NumberFormat.format(last.rate, digits: 3) + " by step \(last.step) (\(schedule.count - 1) change\(schedule.count == 2 ? "" : "s"))"
    }

    /// `pbt lineage`: the best member's ancestry, stretch by stretch.
    static func lineage(_ population: Population, session: Session) -> String {
        let best = population.bestMember
        let lineage = best.lineage
        var lines = ["lineage of \(name(best.id)), the best member at step \(population.stepCount) (score \(score(best.score, session)), lower is better):"]
        for (index, segment) in lineage.enumerated() {
            let end = index + 1 < lineage.count ? lineage[index + 1].fromStep : population.stepCount
            let values = zip(population.settings.evolve, segment.hyper).map { "\($0.name) \(NumberFormat.format($1, digits: digits(session)))" }
            let origin = segment.copiedFrom.map { "copied \(name($0)) at step \(segment.fromStep)" } ?? "drawn at the start"
            lines.append("  steps \(segment.fromStep)–\(end): \(name(segment.member)), \(values.joined(separator: ", ")) (\(origin))")
        }
        return lines.joined(separator: "\n")
    }

    static func interruptionNote(_ outcome: Population.Outcome, population: Population) -> String {
        guard case .interrupted(let member, let step) = outcome else { return "" }
        return Session.interruptionNote(atStep: step, of: name(member),
                                        "the population is kept at step \(population.stepCount) (\(population.generations.count - 1) generations) "
                                        + "with the steps its members took since; pbt step goes on from them")
    }

    /// `pbt compare`: PBT and random search side by side.
    static func comparison(pbt: Population, randomSearch: Population, interruption: Population.Outcome?, session: Session) -> String {
        var lines = header(pbt, session: session)
        lines.append("against random search (exploit=off): the same members, draws, noise and budget")
        let rows = [("pbt", pbt), ("random search", randomSearch)].map { label, population -> [String] in
            let last = population.generations.last
            return [label, score(last?.best?.score ?? .nan, session), score(last?.medianScore ?? .nan, session),
                    shortScheduleText(population)]
        }
        let table = Table(columns: [.init("method", alignment: .left), .init("best"), .init("median"),
                                    .init("lr of the best lineage", alignment: .left)], rows: rows)
        lines.append(table.render(style: session.glyphStyle, border: .plain))
        lines.append("best and median: \(scoreName(pbt)) after \(pbt.stepCount) steps, lower is better")
        lines.append("pbt step, pbt lineage and plot pbt read the pbt population")
        if let interruption { lines.append(interruptionNote(interruption, population: pbt)) }
        return lines.joined(separator: "\n")
    }

    /// `plot pbt`: the score of the best member's lineage, the median score and the band from
    /// the best to the worst finite score at each generation; and the best lineage's base rate.
    static func charts(_ population: Population, session: Session) -> (scores: LineChart, rates: LineChart?) {
        let size = session.pictureSize()
        let steps = population.generations.map { Double($0.step) }
        let best = population.bestMember
        let lineage = Population.lineageScores(best.lineage, generations: population.generations)
        let finite = population.generations.map { $0.members.map(\.score).filter(\.isFinite) }
        let band = LineChart.Band("all \(population.settings.size) members", low: finite.map { $0.min() ?? .nan },
                                  high: finite.map { $0.max() ?? .nan }, x: steps)
        let series = [LineChart.Series("median", y: population.generations.map(\.medianScore), x: steps),
                      LineChart.Series(name(best.id) + "'s lineage (best)", y: lineage, x: steps)]
        let positive = (series.flatMap(\.y) + finite.flatMap { $0 }).allSatisfy { !$0.isFinite || $0 > 0 }
        let scores = LineChart(series: series, width: size.width, height: size.height, yScale: positive ? .log10 : .linear,
                               title: "score (\(scoreName(population)), lower is better) at each generation", xLabel: "step",
                               yLabel: "score", band: band)
        let schedule = population.learningRateSchedule(of: population.bestMember)
        guard !schedule.isEmpty else { return (scores, nil) }
        var x: [Double] = [], y: [Double] = []
        for (index, entry) in schedule.enumerated() {
            let end = index + 1 < schedule.count ? schedule[index + 1].step : population.stepCount
            x += [Double(entry.step), Double(end)]
            y += [entry.rate, entry.rate]
        }
        let rates = LineChart(series: [.init("lr of " + name(population.bestMember.id) + "'s lineage", y: y, x: x)],
                              width: size.width, height: Swift.max(6, size.height / 2), yScale: .log10,
                              title: "learning rate of the best member's lineage", xLabel: "step", yLabel: "lr")
        return (scores, rates)
    }
}

import LRLab
import LRLabText

enum ExperimentCommands {
    /// `plot`, `compare`, `sweep`, `lrfind`, `curvature`, `verdict`: pictures and experiments.
    static let all: [Command] = [
        Command("plot", usage: "plot loss [log|linear] | plot f | plot path | plot lr [OPTIONS:lr] | plot pbt | plot data | plot fit",
                summary: "draw the loss curve, the function with its iterates, the 2-D path, or the schedule",
                details: """
                plot loss     the loss per step (log scale when it spans more than two decades)
                plot f        a 1-D function with the iterates marked and numbered
                plot path     a 2-D shaded map of the function with the trajectory (and the runs of
                              the last compare), start S, end E, known minima marked
                plot lr       the learning-rate schedule over the run (steps=N to choose the span)
                plot pbt      every member's score of the last pbt, and the rate of its best lineage
                plot data     the data set: 2-D classes as marks, a 1-D curve's points (and the curve
                              without noise), digits as images; wider sets by their first features
                plot fit      a 1-D regression set with the curves of the last fit over its points, or a 2-D
                              classification set with the trained model's decision regions under its points
                Pictures fit the terminal; `set unicode=off` draws them in ASCII.
                `save FILE.svg` writes the last picture as an SVG file a browser opens.
                """, completion: .words(["loss", "f", "path", "lr", "pbt", "data", "fit", "log", "linear"]), options: PlotCommands.PlotOptions.all) { session, statement throws(ShellError) in
            try PlotCommands.plotCommand(session, statement)
        },
        Command("curvature", usage: "curvature", summary: "Hessian eigenvalues here and the stable learning rates they imply",
                details: """
                Along an eigen-direction with curvature λ > 0, gradient descent is stable only while
                lr < 2/λ (monotone while lr < 1/λ); heavy-ball momentum μ widens that to 2(1+μ)/λ.
                Negative λ is a direction that descends away (a saddle).
                """) { session, statement throws(ShellError) in
            try statement.expectNoArguments()
            let run = try session.currentRun(at: statement.words[0])
            let curvature = CurvatureReport(loss: run.lossFunction, at: run.point, configuration: run.configuration)
            return Report(prose: (curvature.lines + [curvature.sentence]).map { $0.text(digits: session.digits) }.joined(separator: "\n"))
        },
        Command("verdict", aliases: ["diagnose"], usage: "verdict", summary: "why the run is converged, slow, bouncing, diverging or stuck",
                details: "The same verdict `run` prints, with its evidence. Scripts can check it: expect verdict == bouncing.\n`help verdicts` lists the words and the rules that decide them, in order.") { session, statement throws(ShellError) in
            try statement.expectNoArguments()
            let run = try session.currentRun(at: statement.words[0])
            var report = Report()
            report.figure(ShownVerdict(verdict: run.verdict(), digits: session.digits))
            return report
        },
        Command("compare", usage: "compare [OPTIONS]",
                summary: "run several optimizers or rates from the same start, side by side",
                details: """
                compare lr=0.001,0.01,0.1,1                      the current optimizer at each rate
                compare opt=gd,momentum,rmsprop,adam lr=0.01 steps=300
                Without lr=, each optimizer uses its default rate. Prints a table (final loss, distance
                to the nearest known minimum, steps to converge, verdict) and one loss chart; each run
                stops where it converges, and diverging curves are cut so the others stay readable; for 2-D,
                `plot path` then overlays every trajectory.
                On a model (after model and data, or when the latest thing trained is a model), each
                configuration trains a copy from the same initial weights through the same batches for
                epochs= epochs (default 20; batch= as the last train, else full), and compare prints the
                final training and validation loss and accuracy and draws validation loss and accuracy
                per epoch: compare lr=0.1,0.01,0.001 epochs=20, compare opt=gd,momentum,adam epochs=20.
                """, options: CompareOptions.all, countsAsTry: true) { session, statement throws(ShellError) in
            try compareCommand(session, statement)
        },
        Command("sweep", usage: "sweep [OPTIONS]",
                summary: "where does the learning rate become slow, converge, bounce, diverge?",
                details: """
                Runs the current setup once per learning rate on a log grid; each rate's outcome is its
                run's verdict (help verdicts): converged = within the budget; slow = still descending
                (a zig-zag whose swing shrinks included); bouncing = a swing across a valley that does
                not shrink; diverging = growing. The strip marks the critical rate 2/λ_max from the
                curvature at the start beside the empirical one.
                """, options: SweepOptions.all, countsAsTry: true) { session, statement throws(ShellError) in
            try sweepCommand(session, statement)
        },
        Command("lrfind", usage: "lrfind [OPTIONS]",
                summary: "the learning-rate range test: one run with an exponentially growing rate",
                options: LRFindOptions.all, countsAsTry: true) { session, statement throws(ShellError) in
            try lrfindCommand(session, statement)
        },
    ]

    /// `compare`'s options.
    enum CompareOptions {
        static let opt = CommandOption.optimizers("opt", aliases: ["optimizer"], "the optimizers to compare (default: the current one)")
        static let lr = CommandOption.rates("lr", default: [], "the learning rates to try (default: each optimizer's own)")
        static let steps = CommandOption.count("steps", default: 200, limit: Limits.maximumSteps, "steps per run; each stops where it converges")
        static let epochs = CommandOption.epochs(default: TrainingDefaults.epochs, "epochs per training, when comparing on a model")
        static let batch = CommandOption.batch(default: TrainingDefaults.batchRows, "rows per step on a model, as train (a training in progress keeps its own)")
        static let schedule = CommandOption.text("schedule", syntax: "KIND:A,B,...", "a schedule run beside the constant rates of lr=, e.g. step:0.1,400:0.01")
        static let all = [opt.option, lr.option, steps.option, epochs.option, batch.option, schedule.option]
    }

    static func compareCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        let options = try CommandOptionValues(statement.words.dropFirst(), options: CompareOptions.all, command: "compare",
                                              registry: session.optimizerRegistry)
        // On the model when the focus is the data lab (`data`, `model`, `train` came last).
        if session.focus == .model {
            let setup = try ModelTrainingSetup(session, at: statement.words[0])
            return try compareModels(session, statement, options: options, entries: try compareEntries(session, options, statement), setup: setup)
        }
        for (key, given) in [(CompareOptions.epochs.name, options.isGiven(CompareOptions.epochs)), (CompareOptions.batch.name, options.isGiven(CompareOptions.batch))] where given {
            throw ShellError("\(key)= applies to compare on a model; a formula's compare takes steps=", at: statement.words[0].range,
                             hint: "the focus is the formula: choose a model and data first (data ..., model ...), or use steps=N")
        }
        let (objective, start) = try session.setup(at: statement.words[0])
        let steps = options[CompareOptions.steps]
        let entries = try compareEntries(session, options, statement)
        let comparison: Comparison.Report
        do throws(EvaluationError) {
            comparison = try Comparison.run(objective: objective, start: start, entries: entries, steps: steps, shouldStop: session.shouldStop)
        } catch {
            throw ShellError("\(objective.signature) has no value at the start: \(error.description)")
        }
        session.explorer.comparison = comparison
        let digits = Swift.min(session.digits, 6)
        let rows = comparison.results.map { result -> [String] in
            // A loss past the divergence bound is shown as the bound, as `run` stops there.
            let bound = result.run.divergenceBound
            let finalLoss = Swift.abs(result.finalLoss) > bound || !result.finalLoss.isFinite
                ? "> " + NumberFormat.format(bound, digits: digits) : NumberFormat.format(result.finalLoss, digits: digits)
            return [result.label, finalLoss,
             result.distanceToMinimum.map { NumberFormat.format($0, digits: digits) + (result.nearestMinimumIsGlobal == false ? " (local)" : "") } ?? "-",
             result.stepsToConverge.map(String.init) ?? "-", result.verdict.name]
        }
        let (series, cap) = compareSeries(comparison)
        let table = Table(columns: [.init("run", alignment: .left), .init("final loss", alignment: .right), .init("distance to min"),
                                    .init("converged at"), .init("verdict", alignment: .left)], rows: rows)
        let size = session.pictureSize()
        let allPositive = series.allSatisfy { $0.y.allSatisfy { !$0.isFinite || $0 > 0 } }
        let chart = LineChart(series: series, width: size.width, height: size.height, yScale: allPositive ? .log10 : .linear,
                              title: "loss per step, \(steps) steps from \(NumberFormat.point(start, digits: 4))", xLabel: "step", yLabel: "loss")
        var report = Report()
        report.table(table)
        report.picture(.lineChart(chart))
        // The table and the chart fit the width; the sentences under them wrap to it.
        var notes: [String] = []
        if let cap {
            notes.append("diverging runs are drawn up to \(NumberFormat.format(cap, digits: 3)) (1000× the largest loss of the others) and cut there")
        }
        if comparison.wasStopped, let last = comparison.results.last {
            notes.append(Session.interruptionNote(atStep: last.stepsTaken, of: last.label,
                                                  "the table shows the runs so far (\(comparison.results.count) of \(entries.count))"))
        } else if comparison.wasStopped {
            notes.append(Session.interruptionNote(atStep: 0, "before the first run"))
        }
        if objective.dimension == 2 { notes.append("plot path overlays these trajectories") }
        if !notes.isEmpty { report.prose(notes.joined(separator: "\n")) }
        return report
    }

    /// The contestants of `compare`: each optimizer of `opt=` (default: the session's) at each
    /// rate of `lr=` (default: its own), with the session's schedule, labelled `adam lr=0.01`
    /// (the rate only when several are given or the optimizer is the session's). The formula
    /// explorer and the model comparison both read them.
    static func compareEntries(_ session: Session, _ options: CommandOptionValues, _ statement: Statement) throws(ShellError) -> [Comparison.Entry] {
        let optimizers = options[CompareOptions.opt]
        var rates: [Double?] = options[CompareOptions.lr]
        if rates.isEmpty { rates = [nil] }
        // Counted before anything is built: 5,000 optimizers × 5,000 rates fit in one line.
        let runCount = max(optimizers.count, 1) * rates.count
        guard runCount <= Limits.maximumCompareRuns else {
            throw ShellError("compare runs at most \(Limits.maximumCompareRuns) configurations, not \(runCount)", at: statement.words[0].range,
                             hint: "split it into several compares, or give fewer optimizers or rates")
        }
        var entries: [Comparison.Entry] = []
        let configurations = optimizers.isEmpty ? [session.optimizer] : optimizers
        if let text = options[CompareOptions.schedule] {
            return try scheduleBesideRates(text, configurations: configurations, rates: options[CompareOptions.lr], statement: statement)
        }
        for configuration in configurations {
            for rate in rates {
                let configured = rate.map { configuration.withLearningRate($0) } ?? configuration
                var label = configured.kind.name
                if rates.count > 1 || optimizers.isEmpty { label += " lr=\(NumberFormat.format(configured.learningRate, digits: 4))" }
                entries.append(Comparison.Entry(configuration: configured, schedule: session.schedule, label: label))
            }
        }
        return entries
    }

    /// The chart's series: the losses of each run, with diverging runs cut where they pass
    /// 1000× the largest |loss| of the other runs (and the start), so that their growth does
    /// not flatten every other curve on the axis; the cap when some run was cut.
    static func compareSeries(_ report: Comparison.Report) -> ([LineChart.Series], Double?) {
        let diverging = report.results.map { $0.verdict.kind == .diverging }
        var largest = report.results.first.map { Swift.abs($0.losses.first ?? 0) } ?? 0
        for (result, divergent) in zip(report.results, diverging) where !divergent {
            for loss in result.losses where loss.isFinite { largest = Swift.max(largest, Swift.abs(loss)) }
        }
        let bound = report.results.first?.run.divergenceBound ?? 1e100
        let cap = Swift.min(bound, 1000 * Swift.max(largest, Double.leastNormalMagnitude))
        var cut = false
        let series = zip(report.results, diverging).map { result, divergent -> LineChart.Series in
            let steps = Array(result.run.trace.steps.map(Double.init))
            guard divergent else { return LineChart.Series(result.label, y: result.losses, x: steps) }
            var y: [Double] = [], x: [Double] = []
            for (loss, step) in zip(result.losses, steps) {
                let over = !loss.isFinite || Swift.abs(loss) > cap
                y.append(over ? (loss < 0 ? -cap : cap) : loss)
                x.append(step)
                if over { cut = true; break }
            }
            return LineChart.Series(result.label, y: y, x: x)
        }
        return (series, cut ? cap : nil)
    }

    /// `sweep`'s options.
    enum SweepOptions {
        static let lr = CommandOption.rateRange("lr", default: 1e-4...10, "the range of learning rates, on a log grid")
        static let n = CommandOption.count("n", default: 25, limit: Limits.maximumSweepRates, "how many rates (at least 2 are run)")
        static let steps = CommandOption.count("steps", default: 500, limit: Limits.maximumSweepSteps, "steps per rate")
        static let all = [lr.option, n.option, steps.option]
    }

    static func sweepCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        if session.focus == .model {
            throw ShellError("sweep runs a formula, and the focus is the model on the data", at: statement.words[0].range,
                             hint: "on a model, compare lr=0.001,0.01,0.1 trains one per rate; define or use a formula to sweep it")
        }
        let (objective, start) = try session.setup(at: statement.words[0])
        let options = try CommandOptionValues(statement.words.dropFirst(), options: SweepOptions.all, command: "sweep")
        let (lower, upper) = (options[SweepOptions.lr].lowerBound, options[SweepOptions.lr].upperBound)
        var count = options[SweepOptions.n]
        let steps = options[SweepOptions.steps]
        if count < 2 { count = 2 }
        let rates = Sweep.logGrid(from: lower, to: upper, count: count)
        let result: Sweep.Report
        do throws(EvaluationError) {
            result = try Sweep.run(objective: objective, start: start, configuration: session.optimizer, schedule: session.schedule,
                                   rates: rates, steps: steps, shouldStop: session.shouldStop)
        } catch {
            throw ShellError("\(objective.signature) has no value at the start: \(error.description)")
        }
        let digits = Swift.min(session.digits, 4)
        var rows = result.points.map { point -> [String] in
            [NumberFormat.format(point.learningRate, digits: digits), point.outcome.word,
             NumberFormat.format(point.finalLoss, digits: digits), point.stepsToConverge.map(String.init) ?? "-",
             point.verdict.shortReason(digits: session.digits)]
        }
        // The explanation column takes what the terminal has left after the other columns and
        // the borders (`│ a │ b │`: 3 per column and 1); `verdict` after a run says it all.
        let headings = ["lr", "outcome", "final loss", "converged at"]
        let taken = headings.indices.reduce(0) { sum, column in
            sum + Swift.max(headings[column].count, rows.map { $0[column].count }.max() ?? 0) + 3
        }
        let whyWidth = Swift.max(12, session.terminalColumns - taken - 4)
        for index in rows.indices where rows[index][4].count > whyWidth {
            var cut = rows[index][4].prefix(whyWidth - 1)
            while cut.last == " " { cut = cut.dropLast() }
            rows[index][4] = String(cut) + "…"
        }
        let table = Table(columns: [.init("lr"), .init("outcome", alignment: .left), .init("final loss"), .init("converged at"),
                                    .init("why", alignment: .left)], rows: rows)
        let categories = Strip.Category.sweepOutcomes
        let stripCategories = categories.map(OutcomeStyle.category)
        let cells = result.points.map { categories.firstIndex(of: $0.outcome) ?? 0 }
        let strip = Strip(grid: result.points.map(\.learningRate), cells: cells, categories: stripCategories, label: "lr",
                          critical: result.criticalRate.map { (name: String(result.curvature.criticalSymbol.filter { $0 != "_" }), value: $0) })
        var report = Report(text: "sweep of \(session.optimizer.kind.name) over \(result.points.count) rates, \(steps) steps each, from \(NumberFormat.point(start, digits: 4))")
        report.table(table)
        report.picture(.strip(strip))
        // The table and the strip fit the width; the sentences under them wrap to it.
        var lines: [String] = []
        if let critical = result.criticalRate {
            lines.append("critical rate from curvature at the start: \(result.curvature.criticalSymbol) = \(NumberFormat.format(critical, digits: 4))")
        } else {
            lines.append("no critical rate from curvature here (\(result.curvature.sentence.text(digits: session.digits)))")
        }
        if let boundary = result.empiricalBoundary {
            lines.append("smallest rate that diverged: \(NumberFormat.format(boundary, digits: 4))")
        } else {
            lines.append("no rate in the sweep diverged")
        }
        if result.wasStopped {
            let last = result.points.last
            lines.append(Session.interruptionNote(atStep: last?.stepsTaken ?? 0,
                                                  of: last.map { "the run at lr=" + NumberFormat.format($0.learningRate, digits: digits) },
                                                  last == nil ? "before the first rate"
                                                    : "the table shows the rates so far (\(result.points.count) of \(rates.count))"))
        }
        report.prose(lines.joined(separator: "\n"))
        return report
    }
}

import LRLab
import LRLabText

enum RunCommands {
    static let all: [Command] = [
        Command("start", usage: "start x=X [y=Y]", summary: "set the start point (and go back to it)",
                details: """
                Values may be numbers or formulas of named values: start x=-1.5 y=2, start x=pi/2.
                `start` alone prints the current start point. Setting it resets the run.
                """, completion: .words(["x=", "y="])) { session, statement throws(ShellError) in
            try startCommand(session, statement)
        },
        Command("opt", aliases: ["optimizer"], usage: "opt NAME [lr=RATE] [key=value ...]",
                summary: "choose the optimizer and its hyper-parameters",
                details: "`opt` alone prints the current choice. Changing it resets the run to the start point.",
                completion: .optimizers, sessionDetails: { optimizerList($0.optimizerRegistry) }) { session, statement throws(ShellError) in
            guard statement.words.count >= 2 else {
                return Report(prose: "opt \(session.optimizer.description)")
            }
            let name = statement.words[1]
            let options = statement.options(after: 2)
            do throws(OptionError) {
                let configuration = try OptimizerConfiguration(name: name.text, options: options, registry: session.optimizerRegistry)
                let note = session.setOptimizer(configuration)
                return Report(prose: "opt \(configuration.description)" + (note.map { "\n" + $0 } ?? ""))
            } catch {
                let word = error.key == name.text ? name : statement.word(forKey: error.key)
                throw ShellError(error.message, at: word?.range, hint: error.hint)
            }
        },
        Command("step", usage: "step [N]", summary: "take one (or N) steps, printing a trace line for each",
                details: "Each line shows the step, the learning rate used, the gradient the step moved along\n(at the previous line's point), the step taken, the new point, its loss, and notes\n(overshoot, loss up, diverged, ...): `help trace` says how to check a line by hand.\nLimits: `help limits`.", countsAsTry: true) { session, statement throws(ShellError) in
            try stepCommand(session, statement)
        },
        learningRateCommand,
        Command("run",
                usage: "run N [watch] | run until converged [max=N] [watch]",
                summary: "take many steps, printing the first and last lines, events and a summary",
                details: """
                Prints the first and last few trace lines and the lines where something happens
                (loss up, lr change, convergence, divergence), then a summary. `trace` prints more.
                `run until converged` stops when the gradient norm falls under 1e-8 (default max=\(Limits.defaultUntilConvergedSteps)).
                Ctrl-C stops a long run and keeps what it did.
                watch draws the path growing on plot path's map (in 1-D, on
                plot f's curve), redrawn in place at a terminal (set live=on);
                elsewhere it prints the final picture, then the same report.
                Memory stays bounded: past 100000 rows the kept trace is thinned to every 2nd, 4th, ...
                step (the first 1000 rows and the current state are always exact, and `save trace`
                replays the run to write every step).
                """,
                completion: .words(["until", "converged", "max=", "watch"]),
                countsAsTry: true) { session, statement throws(ShellError) in
            try runCommand(session, statement)
        },
        Command("reset", usage: "reset", summary: "go back to the start point, clearing the trace") { session, statement throws(ShellError) in
            try statement.expectNoArguments()
            session.explorer.run = nil
            let run = try session.currentRun(at: statement.words[0])
            return Report(text: "back at the start: " + session.position(of: run))
        },
        Command("trace", usage: "trace [all | last N]", summary: "print the recorded trace (a long one elided in the middle)",
                details: TraceHelp.text, completion: .words(["all", "last"])) { session, statement throws(ShellError) in
            try traceCommand(session, statement)
        },
        Command("show", aliases: ["status"], usage: "show", summary: "print the function, start, optimizer, position, data, model and focus") { session, statement throws(ShellError) in
            try showCommand(session, statement)
        },
    ]

    static func optimizerList(_ registry: OptimizerRegistry) -> String {
        "Optimizers:\n" + registry.kinds.map { "  " + NumberFormat.rightPad($0.name, 10) + $0.summary }.joined(separator: "\n")
    }

    /// `show`: the function, start, optimizer, schedule, names, position, data, model, training
    /// and focus, one labelled line each.
    static func showCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        try statement.expectNoArguments()
        var lines: [String] = []
        if let objective = session.explorer.objective {
            lines.append("function   \(objective.signature) = \(objective.expression)")
        } else {
            lines.append("function   none (define f(x) = ... or use a preset)")
        }
        lines.append("start      " + (session.explorer.start.map { NumberFormat.point($0, digits: session.digits) } ?? "not set"))
        lines.append("optimizer  \(session.optimizer.description)")
        lines.append("schedule   \(session.schedule.description)")
        if !session.explorer.names.isEmpty {
            lines.append("names      " + session.explorer.names.keys.sorted().map { "\($0) = \(session.format(session.explorer.names[$0]!))" }.joined(separator: ", "))
        }
        if let run = session.explorer.run {
            lines.append("position   " + session.position(of: run)
                         + (run.trace.dimension > 0 ? ", gradient = \(NumberFormat.point(run.gradient, digits: session.digits))" : ""))
            if let ending = run.ending { lines.append("ended      " + ending.description.text(digits: session.digits)) }
        }
        if let data = session.lab.data {
            lines.append("data       \(data.training.shownName): \(DataSplit.rows(data.training.rowCount, "training")), "
                         + (data.validation.map { DataSplit.rows($0.rowCount, "validation") } ?? "no validation"))
        }
        if let model = session.lab.model { lines.append("model      \(model.description)") }
        if let training = session.lab.training {
            lines.append("training   \(NumberFormat.counted(training.trainer.epoch, "epoch")), \(training.trainer.run.configuration.kind.name) "
                         + "lr=\(session.format(training.trainer.run.learningRate))")
        }
        if session.lab.data != nil || session.lab.model != nil {
            lines.append("focus      \(session.focus.phrase): compare, sweep, lrfind, pbt, plot loss and lr act on it")
        }
        // A long formula or optimizer line wraps under its value, past the 11-column label.
        let shown = lines.flatMap { line -> [String] in
            let label = String(line.prefix(11)), value = String(line.dropFirst(11))
            return TextWrap.wrapLine(value, width: max(20, session.terminalColumns - 11), hang: 0).enumerated().map { index, part in
                (index == 0 ? label : String(repeating: " ", count: 11)) + part
            }
        }
        return Report(text: shown.joined(separator: "\n"))
    }

    static func startCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        guard statement.words.count > 1 else {
            return Report(text: "start " + (session.explorer.start.map { NumberFormat.point($0, digits: session.digits) } ?? "not set"))
        }
        guard let objective = session.explorer.objective else {
            throw ShellError("define a function before its start point", at: statement.words[0].range,
                             hint: "e.g. f(x) = (x - 3)^2, then start x=0")
        }
        var point = [Double?](repeating: nil, count: objective.dimension)
        for (position, word) in statement.words.dropFirst().enumerated() {
            let (key, value) = word.keyValue
            let index: Int
            let valueText: String
            let valueColumn: Int
            if let value {
                guard let found = objective.parameters.firstIndex(of: key) else {
                    let count = objective.dimension == 1 ? "one variable" : "two variables"
                    throw ShellError("\(objective.signature) has \(count); '\(key)' is not one of them", at: word.range,
                                     hint: "start " + objective.parameters.map { "\($0)=..." }.joined(separator: " "))
                }
                index = found
                valueText = value
                valueColumn = word.column + key.count + 1
            } else {
                guard position < objective.dimension else {
                    throw ShellError("\(objective.signature) takes \(objective.dimension) coordinate\(objective.dimension == 1 ? "" : "s")", at: word.range)
                }
                index = position
                valueText = word.text
                valueColumn = word.column
            }
            if point[index] != nil {
                throw ShellError("\(objective.parameters[index]) is given twice", at: word.range)
            }
            let number: Double
            do {
                let expression = try Parser.parse(valueText, variables: [], names: session.explorer.names, firstColumn: valueColumn)
                number = try expression.checkedValue(names: [], at: [])
            } catch let error as ExpressionError {
                throw ShellError(error)
            } catch {
                throw ShellError("\(objective.parameters[index]) has no value: \(error)", at: word.range)
            }
            point[index] = number
        }
        let missing = objective.parameters.indices.filter { point[$0] == nil }.map { objective.parameters[$0] }
        guard missing.isEmpty else {
            throw ShellError("start needs \(missing.joined(separator: " and ")) too", at: statement.words.last?.range,
                             hint: "start " + objective.parameters.map { "\($0)=..." }.joined(separator: " "))
        }
        session.setStart(point.map { $0 ?? 0 })
        let run = try session.currentRun(at: statement.words[0])
        return Report(text: "start " + NumberFormat.point(run.start, digits: session.digits) + ", loss = " + session.format(run.loss))
    }

    static func runCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        var count = 0
        var untilConverged = false
        var words = Array(statement.words.dropFirst())
        let watch = words.count > 1 && words.last?.text == "watch"
        if watch { words.removeLast() }
        if let first = words.first, first.text == "until" {
            guard words.count >= 2, words[1].text == "converged" else {
                throw ShellError("expected 'until converged'", at: words.count >= 2 ? words[1].range : first.range)
            }
            untilConverged = true
            count = Limits.defaultUntilConvergedSteps
            for word in words.dropFirst(2) {
                guard word.keyValue.key == "max", word.keyValue.value != nil else {
                    throw ShellError("unexpected '\(word.text)'", at: word.range, hint: "run until converged max=N")
                }
                count = try word.count(limit: Limits.maximumSteps)
            }
        } else {
            guard !words.isEmpty else {
                throw ShellError("run needs a number of steps", at: statement.words[0].range,
                                 hint: "e.g. run 100, or run until converged")
            }
            if words.count > 1 {
                throw ShellError("run takes one count",
                                 at: words[1].range)
            }
            count = try words[0].count(limit: Limits.maximumSteps)
        }
        var run = try session.currentRun(at: statement.words[0])
        if let ending = run.ending {
            throw ShellError("the run has ended: " + ending.description.text(digits: session.digits), hint: "reset goes back to the start point")
        }
        let startLoss = run.loss
        let startStep = run.stepCount
        if untilConverged, run.hasConverged {
            return Report(text: "already converged: " + session.position(of: run))
        }
        var report = Report()
        let taken: Int
        if watch {
            (taken, report) = watchRun(session, &run, count: count, untilConverged: untilConverged)
        } else {
            taken = run.run(count, untilConverged: untilConverged, shouldStop: session.shouldStop)
        }
        session.explorer.run = run
        session.focus = .formula
        report.text(RunReport(session: session, run: run, startStep: startStep, startLoss: startLoss,
                              requested: count, taken: taken, untilConverged: untilConverged).text)
        return report
    }

    static func traceCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        let run = try session.currentRun(at: statement.words[0])
        let trace = run.trace
        var rows = Array(0..<trace.count)
        var elide = trace.count > 40
        if statement.words.count > 1 {
            switch statement.words[1].text {
            case "all":
                elide = false
            case "last":
                let count = try statement.count(limit: Limits.maximumSteps, index: 2)
                rows = Array(rows.suffix(count))
                elide = false
            default:
                throw ShellError("unexpected '\(statement.words[1].text)'", at: statement.words[1].range,
                                 hint: "trace, trace all, or trace last N")
            }
        }
        var shown: [Int] = []
        for (position, row) in rows.enumerated() {
            if elide, position >= 15, position < rows.count - 15 { continue }
            shown.append(row)
        }
        var lines = session.traceFormat(for: run).table(shown.map { trace.record($0) })
        if elide { lines.insert("   ... \(rows.count - 30) rows not shown (trace all prints every row) ...", at: 16) }
        if trace.isThinned {
            lines.append("(the kept trace is thinned to every \(trace.stride)th step after row \(trace.keptHead); save trace writes every step)")
        }
        var report = Report(text: lines.joined(separator: "\n"))
        if let ending = run.ending { report.prose(ending.description.text(digits: session.digits)) }
        return report
    }
}

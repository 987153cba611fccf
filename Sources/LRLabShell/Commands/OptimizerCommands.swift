import LRLab
import LRLabText

enum OptimizerCommands {
    /// `schedule`, `explain`, `state`, `keep`: the optimizer family's commands.
    static let all: [Command] = [
        Command("schedule", usage: "schedule [KIND OPTIONS... | table [OPTIONS:table]]",
                summary: "set the learning rate as a function of the step (annealing, decay, warm-up)",
                details: scheduleDetails, completion: .computed(ScheduleReport.completions(after:)),
                options: ScheduleOptions.all) { session, statement throws(ShellError) in
            try scheduleCommand(session, statement)
        },
        Command("explain", usage: "explain [OPTIMIZER [key=value ...]]",
                summary: "print an optimizer's update rule with its hyper-parameters and convention",
                details: """
                `explain` alone explains the current optimizer (opt) with the options in use; `explain adam`
                explains another one with its defaults, and options may follow as after opt:
                explain rmsprop convention=optax, explain adadelta convention=tutorial.
                The explanation names whose formulas it follows (convention=pytorch, optax or tutorial)
                and what the state columns of the trace (lr_eff, m, v, ...) mean.
                """, completion: .optimizers) { session, statement throws(ShellError) in
            try explainCommand(session, statement)
        },
        Command("state", usage: "state", summary: "print the optimizer's state per parameter (moments, sums, effective rates)",
                details: """
                What the optimizer remembers after the last step, one row per quantity and one column per
                parameter: momentum buffers, moment estimates and their bias corrections, sums of squared
                gradients, and lr_eff, the rate the last step actually applied to each parameter.
                Plain gradient descent remembers nothing. `explain` gives the formulas.
                """) { session, statement throws(ShellError) in
            try stateCommand(session, statement)
        },
        Command("keep", usage: "keep NAME = QUANTITY", summary: "store a quantity of the run as a named value, for expect and formulas",
                details: """
                Saves a number from the current run under a name, so a later claim can compare runs:
                  keep constant_loss = loss
                  schedule step 0.1 400:0.01 ; run 1000
                  expect loss < constant_loss / 10
                Quantities: \(keepableQuantities.joined(separator: " ")) (see help expect).
                """, completion: .words(keepableQuantities)) { session, statement throws(ShellError) in
            try keepCommand(session, statement)
        },
    ]

    /// `schedule table steps=N`.
    enum ScheduleOptions {
        static let steps = CommandOption.count("steps", limit: Limits.maximumScheduleHorizon, "the span of schedule table",
                                               subcommand: "table", defaultDescription: "the run, ≥ 1000")
        static let all = [steps.option]
    }

    static var scheduleDetails: String {
        var lines = ["`schedule` alone prints the current schedule and the rate at the steps where it changes.",
                     "Setting one resets the run to the start point. Step 1 is the first update; the trace's",
                     "lr column shows the rate in force at each step. Kinds:"]
        for kind in ScheduleKind.all {
            lines.append("  " + NumberFormat.rightPad(kind.name, 14) + kind.summary)
            lines.append("  " + String(repeating: " ", count: 14) + "schedule " + kind.usage)
            for option in kind.options {
                lines.append("  " + String(repeating: " ", count: 16) + NumberFormat.rightPad("\(option.name)=\(option.defaultText)", 14) + option.summary)
            }
        }
        lines += ["Examples:",
                  "  schedule step 0.1 400:0.01 700:0.001    0.1 for steps 1..400, 0.01 for 401..700, then 0.001",
                  "  schedule warmup steps=100 then cosine steps=1000 min=0.0001",
                  "  schedule table steps=1000               the rate at the breakpoints and at sampled steps"]
        return lines.joined(separator: "\n")
    }

    static func scheduleCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        let words = Array(statement.words.dropFirst())
        guard let first = words.first else {
            return Report(prose: "schedule \(session.schedule.description)\n" + ScheduleReport.summary(session))
        }
        if first.text.lowercased() == "table" {
            if words.count > 2 {
                throw ShellError("schedule table takes one option, steps=N", at: words[2].range)
            }
            var horizon = ScheduleReport.defaultHorizon(session)
            if words.count == 2, words[1].keyValue.value == nil {
                // `schedule table 500`: the count alone, as before options were declared.
                horizon = try words[1].count(limit: Limits.maximumScheduleHorizon)
            } else {
                let options = try CommandOptionValues(words.dropFirst(), options: ScheduleOptions.all, command: "schedule table")
                horizon = options[ScheduleOptions.steps] ?? horizon
            }
            return Report(text: ScheduleReport.table(session, steps: horizon))
        }
        var report = Report()
        do throws(OptionError) {
            let schedule = try ScheduleSyntax.parse(words.map(\.text))
            if let note = session.setSchedule(schedule) { report.text(note) }
        } catch {
            let word = words.last { $0.text == error.key }
                ?? words.first { $0.keyValue.value != nil && $0.keyValue.key.lowercased() == error.key.lowercased() }
                ?? words.first
            throw ShellError(error.message, at: word?.range, hint: error.hint)
        }
        report.prose("schedule \(session.schedule.description)\n" + ScheduleReport.summary(session))
        return report
    }

    static func explainCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        var configuration = session.optimizer
        var isCurrent = true
        if statement.words.count >= 2 {
            let name = statement.words[1]
            let options = statement.options(after: 2)
            if !options.isEmpty || name.text.lowercased() != session.optimizer.kind.name {
                do throws(OptionError) {
                    configuration = try OptimizerConfiguration(name: name.text, options: options, registry: session.optimizerRegistry)
                } catch {
                    let word = error.key == name.text ? name : statement.word(forKey: error.key)
                    throw ShellError(error.message, at: word?.range, hint: error.hint)
                }
                isCurrent = false
            }
        }
        var lines = [configuration.explanation]
        if isCurrent {
            lines.append("In use now: opt \(configuration.description)")
            if !(session.schedule is ConstantSchedule) {
                lines.append("lr_t follows: schedule \(session.schedule.description)")
            }
        } else {
            lines.append("With: opt \(configuration.description)   (type it to use these)")
        }
        return Report(prose: lines.joined(separator: "\n"))
    }

    static func stateCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        try statement.expectNoArguments()
        let run = try session.currentRun(at: statement.words[0])
        let kind = run.configuration.kind.name
        guard !run.stateNames.isEmpty else {
            return Report(prose: "\(kind) keeps no state: each step uses only the gradient at the current point, θ ← θ − lr·∇f(θ).")
        }
        let parameters = run.lossFunction.parameterNames
        let record = run.current
        var rows: [[String]] = []
        if run.stepCount > 0 {
            // The gradient the state was last updated from, so that each value checks by hand.
            rows.append(["g"] + record.gradientUsed.map { session.format($0) } + ["the gradient step \(run.stepCount) used"])
        }
        for (index, name) in run.stateNames.enumerated() {
            let values = parameters.indices.map { session.format(record.state[index * parameters.count + $0]) }
            rows.append([name] + values + [run.configuration.kind.meaning(ofState: name)])
        }
        let columns = [Table.Column("state", alignment: .left)] + parameters.map { Table.Column($0) }
            + [Table.Column("meaning", alignment: .left)]
        let heading = run.stepCount == 0 ? "\(kind) state at the start (step 0): nothing accumulated yet"
            : "\(kind) state after step \(run.stepCount)"
        var report = Report(text: heading)
        report.table(Table(columns: columns, rows: rows), border: .plain)
        return report
    }

    /// The numeric quantities `keep` can store (every quantity `expect` knows but the verdict).
    static var keepableQuantities: [String] { Expectation.quantities.filter { $0 != "verdict" } }

    static func keepCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        let (text, column) = statement.rest
        let characters = Array(text)
        guard let equals = characters.firstIndex(of: "=") else {
            throw ShellError("keep needs NAME = QUANTITY", at: statement.words.dropFirst().first?.range ?? statement.words[0].range,
                             hint: "e.g. keep constant_loss = loss")
        }
        let nameText = String(characters[..<equals]).trimmingSpaces
        let nameRange = SourceRange(column: column, length: max(1, nameText.count))
        var quantityStart = equals + 1
        while quantityStart < characters.count, characters[quantityStart] == " " || characters[quantityStart] == "\t" { quantityStart += 1 }
        let quantity = String(characters[quantityStart...]).trimmingSpaces
        let quantityRange = SourceRange(column: column + quantityStart, length: max(1, quantity.count))
        guard let initial = nameText.first, initial.isLetter || initial == "_",
              nameText.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw ShellError("'\(nameText)' is not a name", at: nameRange, hint: "a name is letters, digits and _, e.g. keep constant_loss = loss")
        }
        try Definition.checkNameIsFree(nameText, at: nameRange, in: session)
        if Expectation.quantities.contains(nameText) || Expectation.flags.contains(nameText) {
            throw ShellError("'\(nameText)' is a quantity of the run", at: nameRange,
                             hint: "choose another name, e.g. keep \(nameText)_before = \(quantity.isEmpty ? nameText : quantity)")
        }
        guard !quantity.isEmpty else {
            throw ShellError("keep needs a quantity after '='", at: quantityRange,
                             hint: "one of: " + keepableQuantities.joined(separator: " "))
        }
        let run = try session.currentRun(at: statement.words[0])
        guard let value = Expectation.value(of: quantity, run: run) ?? Expectation.populationQuantity(quantity, in: session) else {
            let candidates = keepableQuantities + run.lossFunction.parameterNames + run.lossFunction.parameterNames.map { "g" + $0 }
            let hint = Suggestion.didYouMean(quantity, among: candidates)
                ?? "one of: " + keepableQuantities.joined(separator: " ")
            throw ShellError("unknown quantity '\(quantity)'", at: quantityRange, hint: hint)
        }
        guard !value.isNaN else {
            throw ShellError("\(quantity) has no value for this run", at: quantityRange,
                             hint: quantity == "gap" || quantity == "distance" ? "the function has no known minimum" : nil)
        }
        session.explorer.names[nameText] = value
        let step = Expectation.populationQuantity(quantity, in: session) == nil ? run.stepCount : session.population?.stepCount ?? 0
        return Report(text: "\(nameText) = \(session.format(value))   (\(quantity) at step \(step))")
    }
}

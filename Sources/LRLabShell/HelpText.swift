import LRLab
import LRLabText

/// The text of `help`: an overview of every command, or one command, optimizer or preset in full.
enum HelpText {
    static func text(for statement: Statement, in session: Session) throws(ShellError) -> String {
        guard statement.words.count > 1 else { return overview(in: session) }
        let word = statement.words[1]
        if let command = session.commandRegistry.named(word.text) { return text(for: command, in: session) }
        if let kind = session.optimizerRegistry.kind(named: word.text) { return text(for: kind) }
        if let kind = ScheduleKind.named(word.text) { return ScheduleReport.help(for: kind) }
        if let preset = Preset.named(word.text) {
            return "\(preset.name): f(\(preset.parameters.joined(separator: ", "))) = \(preset.formula)\n  \(preset.summary)\n  use \(preset.name) to minimise it"
        }
        if ["f", "f(x)", "formula", "formulas", "define"].contains(word.text) { return formulaHelp }
        if ["limit", "limits"].contains(word.text.lowercased()) { return limitsHelp(in: session) }
        if VerdictHelp.topics.contains(word.text.lowercased()) { return VerdictHelp.text }
        let candidates = session.commandRegistry.all.map(\.name) + session.optimizerRegistry.names + Preset.all.map(\.name) + ["limits"] + VerdictHelp.topics
        let hint = Suggestion.didYouMean(word.text, among: candidates, prefix: "help ") ?? "help lists every command"
        throw ShellError("no help for '\(word.text)'", at: word.range, hint: hint)
    }

    static func overview(in session: Session) -> String {
        var lines = ["Define a loss, choose an optimizer, and step it:",
                     "  f(x) = (x - 3)^2   define a loss of x (or f(x, y) = ... of two); `help f` for formulas",
                     "  a = 5              name a value for later formulas"]
        for family in session.commandRegistry.families {
            lines.append("")
            lines.append(family.title + ":")
            for command in family.commands {
                lines.append("  " + NumberFormat.rightPad(command.name, 11) + " " + command.summary)
            }
        }
        lines.append("")
        lines.append("`help COMMAND` shows its syntax and examples; `help adam` an optimizer's options;")
        lines.append("`;` separates commands on a line; `#` starts a comment.")
        lines.append("")
        let limits = "Limits (`help limits` says why): \(grouped(Limits.maximumSteps)) steps per run (run N), "
            + "\(grouped(Limits.maximumPrintedSteps)) printed steps (step N), \(Limits.maximumCompareRuns) runs per compare; "
            + "formulas of \(grouped(Limits.maximumFormulaSize)) terms nested \(Limits.maximumFormulaNesting) levels; "
            + "lines of \(grouped(Limits.maximumLineBytes)) bytes; options: " + OptionLimits(session.commandRegistry).summary + "."
        lines += TextWrap.wrapLine(limits, width: session.terminalColumns)
        return lines.joined(separator: "\n")
    }

    static func text(for command: Command, in session: Session) -> String {
        var lines = TextWrap.wrapLine("usage: \(command.usage)", width: session.terminalColumns, hang: 7) + [command.summary]
        if !command.aliases.isEmpty { lines.append("also: " + command.aliases.joined(separator: ", ")) }
        let details = reflow(command.details(in: session))
        if !details.isEmpty { lines.append(""); lines.append(details) }
        let options = CommandOption.helpLines(for: command.options, command: command.name)
        if !options.isEmpty { lines.append(""); lines += options }
        let limits = limitLines(for: command.name)
        if !limits.isEmpty { lines.append(""); lines += limits }
        return lines.joined(separator: "\n")
    }

    /// Prose written with hard line breaks joined into paragraphs, so that the session's width
    /// (not the source's) decides where lines break: a line that starts without indentation
    /// joins the prose line before it. Indented lines (examples) and lines laid out in columns
    /// (two spaces between parts) stay as they are.
    static func reflow(_ text: String) -> String {
        func isProse(_ line: Substring) -> Bool {
            guard let first = line.first, first != " " else { return false }
            return !line.contains("  ")
        }
        var lines: [String] = []
        var previousIsProse = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let prose = isProse(line)
            if prose, previousIsProse, let last = lines.popLast() {
                lines.append(last + " " + line)
            } else {
                lines.append(String(line))
            }
            previousIsProse = prose
        }
        return lines.joined(separator: "\n")
    }

    /// `100000000` as `100,000,000`.
    static func grouped(_ value: Int) -> String {
        var digits = Array(String(value))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        return String(digits)
    }

    /// The limits that apply to one command, read from `Limits`, for `help COMMAND`.
    static func limitLines(for name: String) -> [String] {
        let steps = grouped(Limits.maximumSteps)
        switch name {
        case "run":
            return ["Limits: at most \(steps) steps per command (also with max=); until converged takes",
                    "\(grouped(Limits.defaultUntilConvergedSteps)) when no max= is given."]
        case "step":
            return ["Limits: at most \(grouped(Limits.maximumPrintedSteps)) steps per command (one line each; run takes up to \(steps))."]
        case "compare":
            return ["Limits: at most \(Limits.maximumCompareRuns) runs (optimizers × rates), each of at most \(steps) steps, as run."]
        case "sweep":
            return ["Limits: at most \(Limits.maximumSweepRates) rates (n=), each run at most \(grouped(Limits.maximumSweepSteps)) steps (fewer than",
                    "run's \(steps): a sweep makes up to \(Limits.maximumSweepRates) runs)."]
        case "lrfind":
            return ["Limits: at most \(grouped(Limits.maximumFinderSteps)) steps (fewer than run's \(steps): every step's loss is kept and smoothed)."]
        case "pbt":
            return ["Limits: at most \(Limits.maximumPopulation) members, \(grouped(Limits.maximumPopulationBudget)) steps in all (population × steps; compare",
                    "runs random search too), \(grouped(Limits.maximumPopulationRecords)) member rows recorded (population × generations);",
                    "on a model, \(grouped(Limits.maximumEpochs)) epochs in all (population × epochs), train's limit, and members",
                    "that fit the memory budget (set memory=, \(MemoryBudget.setting(MemoryBudget.standard.bytes)) by default)."]
        case "model":
            return ["Limits: poly degree 1 to \(Limits.maximumPolynomialDegree); mlp at most \(Limits.maximumHiddenLayers) hidden layers of 1 to \(grouped(Limits.maximumHiddenWidth)) units;",
                    "at most \(grouped(Limits.maximumModelParameters)) parameters on the data."]
        case "train":
            return ["Limits: at most \(grouped(Limits.maximumEpochs)) epochs per command (and early= patience); batch=N up to \(grouped(Limits.maximumBatchRows))",
                    "(a batch of at least the training rows is a full batch)."]
        case "schedule", "plot":
            return ["Limits: schedule table and plot lr show at most \(grouped(Limits.maximumScheduleHorizon)) steps."]
        case "diff":
            return ["Limits: derivatives longer than \(grouped(Limits.maximumShownDerivativeSize)) terms are not shown; a function whose",
                    "derivatives pass \(grouped(Limits.maximumDerivativeSize)) terms is refused when it is defined."]
        case "data":
            return ["Limits: n= at most \(grouped(Limits.maximumDataRows)) rows; data load reads at most \(grouped(Limits.maximumDataRows)) rows,",
                    "\(grouped(Limits.maximumDataColumns)) columns and \(grouped(Limits.maximumDataCells)) numbers per file, lines of at most \(grouped(Limits.maximumDataLineBytes)) bytes."]
        case "load", "lesson":
            return ["Limits: scripts of at most \(grouped(Limits.maximumScriptBytes)) bytes, nested at most \(Limits.maximumScriptDepth) deep."]
        default:
            return []
        }
    }

    /// `help limits`: every option's declared limit, from the registry, then the limits of the
    /// work itself and why each is there.
    static func limitsHelp(in session: Session) -> String {
        ["Limits, so that no command can run without end or fill the memory.",
         "Each option's limit, as its command declares it (help COMMAND shows it too):"]
            .joined(separator: "\n") + "\n" + OptionLimits(session.commandRegistry).tableLines.joined(separator: "\n") + "\n" + workLimitsHelp
    }

    /// The limits that are not one option's: lines, runs, budgets, formulas, files and memory.
    static var workLimitsHelp: String {
        """
        And the limits of the work itself:
          lines        \(grouped(Limits.maximumLineBytes)) bytes; a longer line is refused
          run N        \(grouped(Limits.maximumSteps)) steps per command (run until converged:
                       \(grouped(Limits.defaultUntilConvergedSteps)) unless max=N)
          step N       \(grouped(Limits.maximumPrintedSteps)) steps per command: each prints a line
          compare      \(Limits.maximumCompareRuns) runs, each of up to \(grouped(Limits.maximumSteps)) steps, as run
          sweep        one run per rate, so fewer steps each than run
          lrfind       fewer steps than run: it keeps and smooths every step's loss
          pbt          \(grouped(Limits.maximumPopulationBudget)) steps in all (members × steps), \(grouped(Limits.maximumEpochs))
                       epochs in all on a model (members × epochs), \(grouped(Limits.maximumPopulationRecords))
                       member rows (members × generations)
          model        \(grouped(Limits.maximumModelParameters)) parameters on the data
          formulas     \(grouped(Limits.maximumFormulaSize)) terms, nested \(Limits.maximumFormulaNesting) levels (parentheses, calls,
                       signs, powers); a long flat sum nests nothing and is
                       limited only by its terms
          derivatives  \(grouped(Limits.maximumDerivativeSize)) terms each, or the function is refused;
                       diff shows up to \(grouped(Limits.maximumShownDerivativeSize))
          scripts      \(grouped(Limits.maximumScriptBytes)) bytes, \(Limits.maximumScriptDepth) loads deep
          data files   \(grouped(Limits.maximumDataRows)) rows, \(grouped(Limits.maximumDataColumns)) columns and \(grouped(Limits.maximumDataCells)) numbers
                       per file, CSV lines of \(grouped(Limits.maximumDataLineBytes)) bytes; checked as the
                       file is read
          memory       \(MemoryBudget.setting(MemoryBudget.standard.bytes)) by default (set memory=SIZE): pbt, compare and
                       train on a model work out what their trainings will
                       hold before they start, and refuse past it
        Ctrl-C stops a long command early and keeps what it did.
        """
    }

    static func text(for kind: OptimizerKind) -> String {
        var lines = ["opt \(kind.name): \(kind.summary)", "options:"]
        for option in kind.allOptions {
            lines.append("  " + NumberFormat.rightPad("\(option.name)=\(option.defaultText)", 22) + " " + option.summary)
        }
        return lines.joined(separator: "\n")
    }

    static let formulaHelp = """
        Formulas: numbers (3, 0.5, 1e-3), + - * / and ^ (power, right-associative; -x^2 is -(x^2)),
        parentheses, the functions sin cos tan exp log sqrt abs tanh sign, and the constants pi and e.
        f(x) = ... defines a loss of one variable; f(x, y) = ... of two. Named values (a = 5) are
        substituted when the loss is defined: after changing a, define f again to use the new value.
        diff shows the derivatives lrlab computed symbolically; the runs use exactly those.
        Limits: \(grouped(Limits.maximumFormulaSize)) terms, nested at most \(Limits.maximumFormulaNesting) levels deep (each parenthesis,
        function call, sign and power is a level); derivatives of at most \(grouped(Limits.maximumDerivativeSize)) terms.
        """
}

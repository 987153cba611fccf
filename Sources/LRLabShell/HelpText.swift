import LRLab
import LRLabText

/// The text of `help`: an overview of every command, or one command, optimizer or preset in full.
enum HelpText {
    static func text(for statement: Statement, in session: Session) throws(ShellError) -> String {
        guard statement.words.count > 1 else { return commandMap(in: session) }
        let word = statement.words[1]
        if word.text.lowercased() == "all" { return overview(in: session) }
        if let command = session.commandRegistry.named(word.text) { return text(for: command, in: session) }
        if let kind = session.optimizerRegistry.kind(named: word.text) { return text(for: kind) }
        if let kind = ScheduleKind.named(word.text) { return ScheduleReport.help(for: kind) }
        if let preset = Preset.named(word.text) {
            return "\(preset.name): f(\(preset.parameters.joined(separator: ", "))) = \(preset.formula)\n  \(preset.summary)\n  use \(preset.name) to minimise it"
        }
        if ["f", "f(x)", "formula", "formulas", "define"].contains(word.text) { return formulaHelp }
        if ["limit", "limits"].contains(word.text.lowercased()) { return limitsHelp(in: session) }
        if VerdictHelp.topics.contains(word.text.lowercased()) { return VerdictHelp.text }
        let candidates = session.commandRegistry.all.map(\.name) + session.optimizerRegistry.names + Preset.all.map(\.name) + ["all", "limits"] + VerdictHelp.topics
        let hint = Suggestion.didYouMean(word.text, among: candidates, prefix: "help ") ?? "help lists every command"
        throw ShellError("no help for '\(word.text)'", at: word.range, hint: hint)
    }

    /// `help`: the commands by family, names only, so that it fits one screen (30 rows), with
    /// where to start and where to read more.
    static func commandMap(in session: Session) -> String {
        let families = session.commandRegistry.families
        let titleWidth = (families.map(\.title.count).max() ?? 0) + 2
        var lines = ["lrlab: see how the learning rate and the optimizer shape gradient descent.",
                     "New here? `lessons` lists the course and `lesson 1` starts it. Or try:",
                     "  f(x) = (x - 3)^2 ; start x=0 ; opt gd lr=0.1 ; step 3 ; run 100 ; plot f",
                     "",
                     "Commands (`help NAME` explains one; `help all` says what each does):"]
        for (index, family) in families.enumerated() {
            let names = (index == 0 ? ["f(x)=...", "a=5"] : []) + family.commands.map(\.name)
            lines.append("  " + NumberFormat.rightPad(family.title, titleWidth) + names.joined(separator: " "))
        }
        lines += ["",
                  "More help: `help adam` (an optimizer), `help rosenbrock` (a preset), `help f`",
                  "(formulas), `help verdicts`, `help limits`. `;` separates commands on a line;",
                  "`#` starts a comment; Tab completes; Ctrl-C stops a long command."]
        return lines.joined(separator: "\n")
    }

    /// `help all`: every command with its one-line summary, and the limits summed up.
    static func overview(in session: Session) -> String {
        var lines = ["Define a loss, choose an optimizer, and step it:",
                     "  f(x) = (x - 3)^2   define a loss of x (or f(x, y) = ... of two); `help f` for formulas",
                     "  a = 5              name a value for later formulas"]
        let nameWidth = (session.commandRegistry.all.map(\.name.count).max() ?? 0) + 2
        for family in session.commandRegistry.families {
            lines.append("")
            lines.append(family.title + ":")
            for command in family.commands {
                lines.append("  " + NumberFormat.rightPad(command.name, nameWidth) + command.summary)
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
        let limits = WorkLimit.bounding(command.name)
        if !limits.isEmpty {
            lines += ["", "Limits of the work (help limits lists every limit):"]
            lines += WorkLimit.lines(limits, width: session.terminalColumns)
        }
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

    /// `help limits`: every option's declared limit, from the registry, then the limits of the
    /// work itself and why each is there.
    static func limitsHelp(in session: Session) -> String {
        ["Limits, so that no command can run without end or fill the memory.",
         "Each option's limit, as its command declares it (help COMMAND shows it too):"]
            .joined(separator: "\n") + "\n" + OptionLimits(session.commandRegistry).tableLines.joined(separator: "\n")
            + "\nAnd the limits of the work itself:\n"
            + WorkLimit.lines(WorkLimit.all, width: session.terminalColumns).joined(separator: "\n")
            + "\nCtrl-C stops a long command early and keeps what it did."
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

import LRLab
import LRLabText

/// The text of `help`: an overview of every command, or one command, optimizer or preset in full.
enum HelpText {
    static func text(for statement: Statement, in session: Session) throws(ShellError) -> String {
        guard statement.words.count > 1 else { return overview }
        let word = statement.words[1]
        if let command = Command.named(word.text.lowercased()) { return text(for: command, in: session) }
        if let kind = session.optimizerRegistry.kind(named: word.text) { return text(for: kind) }
        if let kind = ScheduleKind.named(word.text) { return ScheduleReport.help(for: kind) }
        if let preset = Preset.named(word.text) {
            return "\(preset.name): f(\(preset.parameters.joined(separator: ", "))) = \(preset.formula)\n  \(preset.summary)\n  use \(preset.name) to minimise it"
        }
        if ["f", "f(x)", "formula", "formulas", "define"].contains(word.text) { return formulaHelp }
        let candidates = Command.all.map(\.name) + session.optimizerRegistry.names + Preset.all.map(\.name)
        let hint = Suggestion.closest(to: word.text, among: candidates).map { "did you mean 'help \($0)'?" } ?? "help lists every command"
        throw ShellError("no help for '\(word.text)'", at: word.range, hint: hint)
    }

    static var overview: String {
        var lines = ["Define a loss, choose an optimizer, and step it:",
                     "  f(x) = (x - 3)^2   define a loss of x (or f(x, y) = ... of two); `help f` for formulas",
                     "  a = 5              name a value for later formulas"]
        for (title, commands) in Command.families {
            lines.append("")
            lines.append(title + ":")
            for command in commands {
                lines.append("  " + NumberFormat.rightPad(command.name, 11) + " " + command.summary)
            }
        }
        lines.append("")
        lines.append("`help COMMAND` shows its syntax and examples; `help adam` an optimizer's options;")
        lines.append("`;` separates commands on a line; `#` starts a comment.")
        return lines.joined(separator: "\n")
    }

    static func text(for command: Command, in session: Session) -> String {
        var lines = ["usage: \(command.usage)", command.summary]
        if !command.aliases.isEmpty { lines.append("also: " + command.aliases.joined(separator: ", ")) }
        let details = command.details(in: session)
        if !details.isEmpty { lines.append(""); lines.append(details) }
        return lines.joined(separator: "\n")
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
        """
}

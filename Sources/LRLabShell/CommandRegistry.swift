import LRLab

/// The commands a session knows, in families as `help` lists them. `help`, tab completion,
/// "did you mean" and the tests that probe every command read this list, so a command is its
/// file plus one line here (or one `register` call, as the tests' toy command does).
public struct CommandRegistry: Sendable {
    /// A titled group of commands in the `help` overview.
    public struct Family: Sendable {
        public var title: String
        public var commands: [Command]

        public init(_ title: String, _ commands: [Command]) {
            self.title = title
            self.commands = commands
        }
    }

    public private(set) var families: [Family]

    public init(families: [Family]) {
        self.families = families
    }

    /// lrlab's commands.
    public static let standard = CommandRegistry(families: [
        Family("Functions", DefinitionCommands.all),
        Family("Running", RunCommands.all),
        Family("Optimizers and schedules", OptimizerCommands.all),
        Family("Pictures and experiments", ExperimentCommands.all),
        Family("Data", DataCommands.all),
        Family("Models", ModelCommands.all),
        Family("Fitting", FitCommands.all),
        Family("Populations", PopulationCommands.all),
        Family("Scripts and lessons", ScriptCommands.all),
        Family("Writing lessons", LessonCommands.all + QuestionCommands.all),
        Family("Session", SessionCommands.all),
    ])

    /// Every command, in the order `help` lists them.
    public var all: [Command] { families.flatMap(\.commands) }

    /// Every name and alias, for "did you mean".
    public var names: [String] { all.flatMap { [$0.name] + $0.aliases } }

    /// The command called `name` (or one of its aliases), case-insensitively.
    public func named(_ name: String) -> Command? {
        let name = name.lowercased()
        return all.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// The command that runs `statement`: a definition (`f(x) = ...`, `a = 5`) is
    /// `Definition.command`; anything else is named by its first word. An unknown name is an
    /// error that suggests the closest names.
    func command(for statement: Statement) throws(ShellError) -> Command {
        if Definition.recognize(statement) != nil { return Definition.command }
        guard let first = statement.words.first else { throw ShellError("expected a command", hint: "type 'help' for the list of commands") }
        let name = first.text.lowercased()
        guard let command = named(name) else {
            let hint = Suggestion.didYouMean(name, among: names).map { $0 + " (help lists every command)" }
                ?? "type 'help' for the list of commands"
            throw ShellError("unknown command '\(first.text)'", at: first.range, hint: hint)
        }
        return command
    }

    /// Whether some statement of `line` is a command that counts as a try (`Command.countsAsTry`).
    func countsAsTry(line: String) -> Bool {
        Statement.split(line).contains { statement in
            statement.words.first.flatMap { named($0.text) }?.countsAsTry ?? false
        }
    }

    /// Adds `command` to the family titled `family` (a new family at the end when there is none).
    public mutating func register(_ command: Command, family: String) {
        if let index = families.firstIndex(where: { $0.title == family }) {
            families[index].commands.append(command)
        } else {
            families.append(Family(family, [command]))
        }
    }
}

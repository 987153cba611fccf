import LRLab

/// A command of the language, declared as a value: the registry that `help`, tab completion
/// and "did you mean" read is just the list of these.
public struct Command: Sendable {
    /// What tab completion offers after the command's name.
    public enum Completion: Sendable {
        case none
        case presets
        case optimizers
        case commands
        case files
        case words([String])
        /// Candidates worked out from the words already typed (the command's name first).
        case computed(@Sendable ([Word]) -> [String])
    }

    public var name: String
    public var aliases: [String]
    /// `step [N]`: the syntax in one line.
    public var usage: String
    /// One line for the `help` overview.
    public var summary: String
    /// Details for `help NAME`, with examples.
    public var details: String
    /// Details that depend on the session (the optimizers its registry knows), appended to
    /// `details` by `help NAME`; nil for most commands.
    public var sessionDetails: (@Sendable (Session) -> String)?
    public var completion: Completion
    /// The `key=value` options, declared once: the command parses them with
    /// `CommandOptionValues`, completion offers them and `help NAME` prints their table.
    public var options: [CommandOption]
    /// The command prints and changes nothing in the session (`help`, `show`, `trace`…): a
    /// lesson's waiting task is not checked after it, so asking is never a failed try.
    public var onlyPrints: Bool
    public var action: @Sendable (Session, Statement) throws(ShellError) -> Void

    public init(_ name: String, aliases: [String] = [], usage: String, summary: String, details: String = "",
                completion: Completion = .none, options: [CommandOption] = [],
                sessionDetails: (@Sendable (Session) -> String)? = nil, onlyPrints: Bool = false,
                action: @escaping @Sendable (Session, Statement) throws(ShellError) -> Void) {
        self.name = name
        self.aliases = aliases
        self.usage = usage
        self.summary = summary
        self.details = details
        self.sessionDetails = sessionDetails
        self.completion = completion
        self.options = options
        self.onlyPrints = onlyPrints
        self.action = action
    }

    /// `details`, followed by what `sessionDetails` adds for `session`.
    func details(in session: Session) -> String {
        guard let sessionDetails else { return details }
        return details + "\n" + sessionDetails(session)
    }

    /// Whether every statement of `line` is a command that only prints (`onlyPrints`).
    static func onlyPrints(line: String) -> Bool {
        let statements = Statement.split(line).filter { !$0.words.isEmpty }
        return !statements.isEmpty && statements.allSatisfy { Command.named($0.words[0].text.lowercased())?.onlyPrints ?? false }
    }

    /// The options of the subcommand `subcommand` (nil: of the command itself).
    func options(of subcommand: String?) -> [CommandOption] {
        options.filter { $0.subcommand == subcommand?.lowercased() }
    }

    /// The commands in families, as `help` lists them.
    static let families: [(title: String, commands: [Command])] = [
        ("Functions", Command.definitionCommands),
        ("Running", Command.runCommands),
        ("Optimizers and schedules", Command.optimizerCommands),
        ("Pictures and experiments", Command.experimentCommands),
        ("Data", Command.dataCommands),
        ("Models", Command.modelCommands),
        ("Fitting", Command.fitCommands),
        ("Populations", Command.populationCommands),
        ("Scripts and lessons", Command.scriptCommands),
        ("Writing lessons", Command.lessonCommands),
        ("Session", Command.sessionCommands),
    ]

    /// Every command, in the order `help` lists them.
    public static let all: [Command] = families.flatMap(\.commands)

    /// The command called `name` (or one of its aliases).
    public static func named(_ name: String) -> Command? {
        all.first { $0.name == name || $0.aliases.contains(name) }
    }
}

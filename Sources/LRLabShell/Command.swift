import LRLab
import LRLabText

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
    /// `step [N]`: the syntax in one line. Where the declaration writes `[OPTIONS]` (or
    /// `[OPTIONS:SUB]` for a subcommand's), the options are listed from their declarations,
    /// `[name=DEFAULT]` each, so the usage line cannot drift from what the command parses.
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
    /// The command does the work a lesson's checks read: a run, a training, a fit, a comparison,
    /// a population. In a guided task only such a command counts as a try; setting something
    /// up (`opt`, `start`, `schedule`) is neither a try nor a question.
    public var countsAsTry: Bool
    /// Does the command's work and returns what it says, which the session renders.
    public var run: @Sendable (Session, Statement) throws(ShellError) -> Report

    public init(_ name: String, aliases: [String] = [], usage: String, summary: String, details: String = "",
                completion: Completion = .none, options: [CommandOption] = [],
                sessionDetails: (@Sendable (Session) -> String)? = nil, countsAsTry: Bool = false,
                run: @escaping @Sendable (Session, Statement) throws(ShellError) -> Report) {
        self.name = name
        self.aliases = aliases
        self.usage = Command.expandingOptions(in: usage, options: options)
        self.summary = summary
        self.details = details
        self.sessionDetails = sessionDetails
        self.completion = completion
        self.options = options
        self.countsAsTry = countsAsTry
        self.run = run
    }

    /// `usage` with each `[OPTIONS]` or `[OPTIONS:SUB]` replaced by the declared options.
    static func expandingOptions(in usage: String, options: [CommandOption]) -> String {
        var usage = usage
        for subcommand in [nil] + Set(options.compactMap(\.subcommand)).sorted() {
            let token = "[OPTIONS" + (subcommand.map { ":" + $0 } ?? "") + "]"
            let listed = options.filter { $0.subcommand == subcommand }.map { option -> String in
                if case .flag = option.kind { return "[\(option.name)]" }
                return "[\(option.name)=" + (option.defaultText == "-" || option.defaultDescription != nil ? option.valueSyntax : option.defaultText) + "]"
            }
            usage = usage.replacing(token, with: listed.joined(separator: " "))
        }
        return usage
    }

    /// `details`, followed by what `sessionDetails` adds for `session`.
    func details(in session: Session) -> String {
        guard let sessionDetails else { return details }
        return details + "\n" + sessionDetails(session)
    }

    /// The options of the subcommand `subcommand` (nil: of the command itself).
    func options(of subcommand: String?) -> [CommandOption] {
        options.filter { $0.subcommand == subcommand?.lowercased() }
    }
}

import LRLab
import LRLabText

/// One `key=value` option of a shell command (`compare steps=300`, `sweep lr=1e-4..10`), declared
/// once: `CommandOption.parse` reads a statement's words with it, tab completion offers `name=`,
/// and `help COMMAND` prints its default and meaning. The shell's counterpart of the engine's
/// `OptionDefinition` (an optimizer's or schedule's options): command options also take lists,
/// ranges and optimizer names, and their limits come from `Limits`, which the engine does not see.
public struct CommandOption: Sendable {
    /// What the value of an option is, and the default when it is not given.
    public enum Kind: Sendable {
        /// A whole number from 1 to `limit`; `nil` default: the command works it out.
        case count(default: Int?, limit: Int)
        /// A finite learning rate > 0.
        case rate(default: Double)
        /// Comma-separated finite learning rates ≥ 0 (`lr=0.001,0.01`); `default` when not given.
        case rates(default: [Double])
        /// Rows per step: `full` (every training row), or a whole number from 1 to
        /// `Limits.maximumBatchRows`; a nil default is a full batch.
        case batch(default: Int?)
        /// `LOW..HIGH` with 0 < LOW < HIGH, both finite.
        case rateRange(default: ClosedRange<Double>)
        /// Comma-separated optimizer names of the session's registry; by default none.
        case optimizers
        /// One word of `choices`.
        case choice(default: String, choices: [String])
        /// On or off: `name`, `name=on`, `name=off` (also true/false, yes/no, 1/0).
        case flag(default: Bool)
        /// A finite number in `range` (inclusive); a nil default means the command works it out.
        case number(default: Double?, range: ClosedRange<Double>)
        /// A seed of a random generator: a whole number from 0 to 2⁶⁴ − 1.
        case seed(default: UInt64)
        /// A word taken as it is (a file or column name), shown in help as `syntax`; by default none.
        case text(syntax: String)
        /// Comma-separated whole numbers in `range`, at most `maximumCount` of them
        /// (`hidden=64,32`, `degree=1,3,9`); `default` when not given.
        case wholeNumbers(default: [Int], range: ClosedRange<Int>, maximumCount: Int)
        /// Comma-separated words (`evolve=lr,momentum`), checked by the command.
        case names(default: [String])
    }

    public var name: String
    /// Other spellings accepted (`optimizer=` for `opt=`); help and completion show `name`.
    public var aliases: [String]
    public var kind: Kind
    /// One line for the options table of `help COMMAND`.
    public var summary: String
    /// The subcommand the option belongs to (`table` for `schedule table`), or nil for the command.
    public var subcommand: String?
    /// How the default reads in help, where `kind` cannot say it (a default the session decides).
    public var defaultDescription: String?

    public init(_ name: String, aliases: [String] = [], _ kind: Kind, _ summary: String,
                subcommand: String? = nil, defaultDescription: String? = nil) {
        self.name = name
        self.aliases = aliases
        self.kind = kind
        self.summary = summary
        self.subcommand = subcommand
        self.defaultDescription = defaultDescription
    }

    /// Whether `key` (as typed) names this option.
    func isNamed(_ key: String) -> Bool {
        let key = key.lowercased()
        return key == name || aliases.contains(key)
    }

    /// The default as help prints it: `200`, `1e-06`, `0.0001..10`, `-` for an empty list.
    public var defaultText: String {
        if let defaultDescription { return defaultDescription }
        switch kind {
        case .count(let value, _): return value.map(String.init) ?? "-"
        case .rate(let value): return NumberFormat.format(value, digits: 6)
        case .rates(let value): return value.isEmpty ? "-" : value.map { NumberFormat.format($0, digits: 6) }.joined(separator: ",")
        case .batch(let value): return value.map(String.init) ?? "full"
        case .optimizers: return "-"
        case .rateRange(let range): return NumberFormat.format(range.lowerBound, digits: 6) + ".." + NumberFormat.format(range.upperBound, digits: 6)
        case .choice(let value, _): return value
        case .flag(let value): return value ? "on" : "off"
        case .number(let value, _): return value.map { NumberFormat.format($0, digits: 6) } ?? "-"
        case .seed(let value): return String(value)
        case .text: return "-"
        case .names(let value): return value.isEmpty ? "-" : value.joined(separator: ",")
        case .wholeNumbers(let value, _, _): return value.isEmpty ? "-" : value.map(String.init).joined(separator: ",")
        }
    }

    /// The limit as help states it after the meaning (`at most 100,000`), from the declaration;
    /// nil for kinds without one.
    public var limitText: String? {
        switch kind {
        case .count(_, let limit): return "at most \(HelpText.grouped(limit))"
        case .batch: return "at most \(HelpText.grouped(Limits.maximumBatchRows))"
        case .wholeNumbers(_, let range, let count):
            return "each \(HelpText.grouped(range.lowerBound)) to \(HelpText.grouped(range.upperBound)), at most \(count) of them"
        case .number(_, let range):
            return "\(NumberFormat.format(range.lowerBound, digits: 6)) to \(NumberFormat.format(range.upperBound, digits: 6))"
        default: return nil
        }
    }

    /// The form of the value, for help: `N`, `RATE`, `R1,R2,...`, `LOW..HIGH`, `A,B,...`.
    public var valueSyntax: String {
        switch kind {
        case .count: return "N"
        case .rate: return "RATE"
        case .rates: return "R1,R2,..."
        case .batch: return "full|N"
        case .rateRange: return "LOW..HIGH"
        case .optimizers: return "A,B,..."
        case .choice(_, let choices): return choices.joined(separator: "|")
        case .flag: return "on|off"
        case .number: return "X"
        case .seed: return "N"
        case .text(let syntax): return syntax
        case .names: return "A,B,..."
        case .wholeNumbers: return "N1,N2,..."
        }
    }
}

extension CommandOption {
    /// The options table of `help COMMAND`: one line per option, `name=SYNTAX`, its default and
    /// its meaning, grouped under their subcommand. Empty when `options` is.
    static func helpLines(for options: [CommandOption], command: String) -> [String] {
        var lines: [String] = []
        var groups: [(subcommand: String?, options: [CommandOption])] = []
        for option in options {
            if let index = groups.firstIndex(where: { $0.subcommand == option.subcommand }) {
                groups[index].options.append(option)
            } else {
                groups.append((option.subcommand, [option]))
            }
        }
        for group in groups {
            lines.append("options" + (group.subcommand.map { " of \(command) \($0)" } ?? "") + ":")
            let syntaxes = group.options.map { "\($0.name)=\($0.valueSyntax)" }
            let syntaxWidth = Swift.max(8, syntaxes.map(\.count).max() ?? 0)
            let defaultWidth = Swift.max(7, group.options.map(\.defaultText.count).max() ?? 0)
            lines.append("  " + NumberFormat.rightPad("option", syntaxWidth) + "  " + NumberFormat.rightPad("default", defaultWidth) + "  meaning")
            for (option, syntax) in zip(group.options, syntaxes) {
                lines.append("  " + NumberFormat.rightPad(syntax, syntaxWidth) + "  "
                             + NumberFormat.rightPad(option.defaultText, defaultWidth) + "  " + option.summary
                             + (option.limitText.map { "; \($0)" } ?? ""))
            }
        }
        return lines
    }
}

import LRLab

/// A declared option together with the type of its value: a command lists `key.option` among
/// its options (for parsing, help, usage, completion and limits) and reads `values[key]`, an
/// `Int`, a `[Double]` or a `String?` that the compiler checks, with the declared default when
/// the user did not give it. A misspelt key does not compile, as swift-argument-parser's
/// `@Option` properties do not.
///
///     static let steps = CommandOption.count("steps", default: 200, limit: Limits.maximumSteps, "steps per run")
///     let steps: Int = values[Self.steps]
public struct OptionKey<Value>: Sendable {
    /// The declaration: name, kind (with its default and limit), summary.
    public let option: CommandOption
    /// The value from what the user gave (nil: not given), the declared default otherwise.
    let read: @Sendable (CommandOptionValues.Value?) -> Value

    init(_ option: CommandOption, read: @escaping @Sendable (CommandOptionValues.Value?) -> Value) {
        self.option = option
        self.read = read
    }

    /// The option's name, as typed before `=`.
    public var name: String { option.name }
}

extension CommandOption {
    /// `name=N`, a whole number from 1 to `limit`, `value` when not given.
    static func count(_ name: String, default value: Int, limit: Int, _ summary: String,
                      subcommand: String? = nil, defaultDescription: String? = nil) -> OptionKey<Int> {
        OptionKey(CommandOption(name, .count(default: value, limit: limit), summary, subcommand: subcommand,
                                defaultDescription: defaultDescription)) { given in
            if case .count(let count)? = given { return count }
            return value
        }
    }

    /// `name=N`, a whole number from 1 to `limit`; nil when not given (the command works it out).
    static func count(_ name: String, limit: Int, _ summary: String, subcommand: String? = nil,
                      defaultDescription: String? = nil) -> OptionKey<Int?> {
        OptionKey(CommandOption(name, .count(default: nil, limit: limit), summary, subcommand: subcommand,
                                defaultDescription: defaultDescription)) { given in
            if case .count(let count)? = given { return count }
            return nil
        }
    }

    /// `name=RATE`, a finite learning rate > 0.
    static func rate(_ name: String, default value: Double, _ summary: String) -> OptionKey<Double> {
        OptionKey(CommandOption(name, .rate(default: value), summary)) { given in
            if case .rate(let rate)? = given { return rate }
            return value
        }
    }

    /// `name=R1,R2,...`, learning rates ≥ 0.
    static func rates(_ name: String, default value: [Double], _ summary: String) -> OptionKey<[Double]> {
        OptionKey(CommandOption(name, .rates(default: value), summary)) { given in
            if case .rates(let rates)? = given { return rates }
            return value
        }
    }

    /// `name=LOW..HIGH` with 0 < LOW < HIGH.
    static func rateRange(_ name: String, default value: ClosedRange<Double>, _ summary: String) -> OptionKey<ClosedRange<Double>> {
        OptionKey(CommandOption(name, .rateRange(default: value), summary)) { given in
            if case .rateRange(let range)? = given { return range }
            return value
        }
    }

    /// `name=A,B,...`, optimizer names of the session's registry; none when not given.
    static func optimizers(_ name: String, aliases: [String] = [], _ summary: String) -> OptionKey<[OptimizerConfiguration]> {
        OptionKey(CommandOption(name, aliases: aliases, .optimizers, summary)) { given in
            if case .optimizers(let list)? = given { return list }
            return []
        }
    }

    /// `name=WORD`, one of `choices`.
    static func choice(_ name: String, aliases: [String] = [], default value: String, choices: [String],
                       _ summary: String) -> OptionKey<String> {
        OptionKey(CommandOption(name, aliases: aliases, .choice(default: value, choices: choices), summary)) { given in
            if case .choice(let choice)? = given { return choice }
            return value
        }
    }

    /// `name=WORD`, one case of `Choice` by its raw value.
    static func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, aliases: [String] = [], default value: Choice, _ summary: String, subcommand: String? = nil
    ) -> OptionKey<Choice> where Choice.RawValue == String {
        OptionKey(CommandOption(name, aliases: aliases, .choice(default: value.rawValue, choices: Choice.allCases.map(\.rawValue)),
                                summary, subcommand: subcommand)) { given in
            if case .choice(let choice)? = given { return Choice(rawValue: choice) ?? value }
            return value
        }
    }

    /// `name`, `name=on` or `name=off`.
    static func flag(_ name: String, default value: Bool, _ summary: String) -> OptionKey<Bool> {
        OptionKey(CommandOption(name, .flag(default: value), summary)) { given in
            if case .flag(let flag)? = given { return flag }
            return value
        }
    }

    /// `name=X`, a finite number in `range`.
    static func number(_ name: String, default value: Double, range: ClosedRange<Double>, _ summary: String) -> OptionKey<Double> {
        OptionKey(CommandOption(name, .number(default: value, range: range), summary)) { given in
            if case .number(let number)? = given { return number }
            return value
        }
    }

    /// `name=X`, a finite number in `range`; nil when not given (the command works it out).
    static func number(_ name: String, range: ClosedRange<Double>, _ summary: String,
                       defaultDescription: String? = nil) -> OptionKey<Double?> {
        OptionKey(CommandOption(name, .number(default: nil, range: range), summary, defaultDescription: defaultDescription)) { given in
            if case .number(let number)? = given { return number }
            return nil
        }
    }

    /// `name=WORD`, taken as it is; nil when not given.
    static func text(_ name: String, syntax: String, _ summary: String, subcommand: String? = nil,
                     defaultDescription: String? = nil) -> OptionKey<String?> {
        OptionKey(CommandOption(name, .text(syntax: syntax), summary, subcommand: subcommand,
                                defaultDescription: defaultDescription)) { given in
            if case .text(let text)? = given { return text }
            return nil
        }
    }

    /// `name=N1,N2,...`, whole numbers in `range`, at most `maximumCount` of them.
    static func wholeNumbers(_ name: String, default value: [Int], range: ClosedRange<Int>, maximumCount: Int,
                             _ summary: String, subcommand: String? = nil) -> OptionKey<[Int]> {
        OptionKey(CommandOption(name, .wholeNumbers(default: value, range: range, maximumCount: maximumCount), summary,
                                subcommand: subcommand)) { given in
            if case .wholeNumbers(let numbers)? = given { return numbers }
            return value
        }
    }

    /// `name=A,B,...`, lowercased words the command checks.
    static func names(_ name: String, default value: [String], _ summary: String) -> OptionKey<[String]> {
        OptionKey(CommandOption(name, .names(default: value), summary)) { given in
            if case .names(let names)? = given { return names }
            return value
        }
    }
}

extension Statement {
    /// The word that gives `key` (`epochs=30`), to point at in an error; nil when it is not given.
    func word<Value>(for key: OptionKey<Value>) -> Word? {
        word(forKey: key.name)
    }
}

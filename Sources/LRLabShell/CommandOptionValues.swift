import LRLab
import LRLabText

/// A statement's `key=value` words read against a command's declared options; `values[key]`
/// reads one through its typed `OptionKey`, with the declared default when it was not given.
struct CommandOptionValues {
    enum Value {
        case count(Int)
        case rate(Double)
        case rates([Double])
        case batch(Int?)
        case rateRange(ClosedRange<Double>)
        case optimizers([OptimizerConfiguration])
        case choice(String)
        case flag(Bool)
        case number(Double)
        case seed(UInt64)
        case text(String)
        case names([String])
        case wholeNumbers([Int])
    }

    private var options: [CommandOption]
    private var givenValues: [String: Value] = [:]

    /// The value of `key`: what the user gave, else the declared default.
    subscript<Result>(key: OptionKey<Result>) -> Result {
        assert(isDeclared(key), "option '\(key.name)' is not among the options parsed")
        return key.read(givenValues[key.name])
    }

    /// Whether the user gave `key`.
    func isGiven<Result>(_ key: OptionKey<Result>) -> Bool {
        assert(isDeclared(key), "option '\(key.name)' is not among the options parsed")
        return givenValues[key.name] != nil
    }

    /// The value the user gave for `key`, or nil when it was not given (for commands that
    /// carry on with the settings of work in progress unless told otherwise).
    func given<Result>(_ key: OptionKey<Result>) -> Result? {
        isGiven(key) ? key.read(givenValues[key.name]) : nil
    }

    /// The names given for `key`, each with its place in `statement` (nil for the declared
    /// default), so that an error about one name points at it.
    func namesWithRanges(_ key: OptionKey<[String]>, in statement: Statement) -> [(name: String, range: SourceRange?)] {
        guard isGiven(key), let word = statement.word(forKey: key.name) else { return self[key].map { ($0, nil) } }
        return Self.parts(of: word, key: word.keyValue.key).map { ($0.text.lowercased(), $0.range) }
    }

    private func isDeclared<Result>(_ key: OptionKey<Result>) -> Bool { options.contains { $0.name == key.name } }

    /// Reads `words` (each `key=value`) as the options `options` of `command` (`"compare"`,
    /// `"schedule table"`). Throws, pointing at the word: a word without `=` or with an empty
    /// value, an unknown key (with the closest declared name), an option given twice, and a value
    /// that its kind refuses (counts say the option's name and limit, as `Word.count(limit:)` does).
    /// Optimizer names are looked up in `registry`.
    init(_ words: some Sequence<Word>, options: [CommandOption], command: String,
         registry: OptimizerRegistry = .standard) throws(ShellError) {
        self.options = options
        let example = "write " + options.map { "\($0.name)=\($0.valueSyntax)" }.joined(separator: " ")
        for word in words {
            let (key, value) = word.keyValue
            guard let value else {
                if let flag = options.first(where: { $0.isNamed(key) }), case .flag = flag.kind, givenValues[flag.name] == nil {
                    givenValues[flag.name] = .flag(true)
                    continue
                }
                throw ShellError("unexpected '\(word.text)': expected key=value", at: word.range, hint: example)
            }
            guard let option = options.first(where: { $0.isNamed(key) }) else {
                let names = options.map(\.name)
                let hint = Suggestion.didYouMean(key, among: names)
                    ?? "\(command) takes " + names.map { $0 + "=" }.joined(separator: ", ")
                throw ShellError("unknown option '\(key)' for \(command)", at: word.range, hint: hint)
            }
            if case .flag = option.kind {} else if value.isEmpty {
                throw ShellError("expected key=value, not '\(word.text)'", at: word.range, hint: example)
            }
            guard givenValues[option.name] == nil else {
                let hint: String
                switch option.kind {
                case .rates, .optimizers, .names: hint = "give it once, with the values separated by commas: \(option.name)=\(option.valueSyntax)"
                default: hint = "give it once"
                }
                throw ShellError("option '\(option.name)' is given twice", at: word.range, hint: hint)
            }
            givenValues[option.name] = try Self.value(of: word, key: key, text: value, option: option, registry: registry)
        }
    }

    private static func value(of word: Word, key: String, text: String, option: CommandOption,
                              registry: OptimizerRegistry) throws(ShellError) -> Value {
        switch option.kind {
        case .count(_, let limit):
            return .count(try word.count(limit: limit))
        case .rate:
            guard let number = NumberSyntax.parse(text), number > 0 else {
                throw ShellError("\(key) must be a positive rate", at: word.range, hint: "e.g. \(key)=0.01")
            }
            return .rate(number)
        case .rates:
            var rates: [Double] = []
            for part in parts(of: word, key: key) {
                guard let rate = NumberSyntax.parse(part.text), rate >= 0 else {
                    throw ShellError("'\(part.text)' is not a learning rate", at: part.range, hint: "e.g. \(key)=0.001,0.01,0.1")
                }
                rates.append(rate)
            }
            return .rates(rates)
        case .rateRange:
            let bounds = text.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
            guard bounds.count == 2, let low = NumberSyntax.parse(bounds[0]), let high = NumberSyntax.parse(bounds[1]),
                  low > 0, high > low else {
                throw ShellError("expected \(key)=LOW..HIGH with 0 < LOW < HIGH, not '\(word.text)'", at: word.range,
                                 hint: "e.g. \(key)=1e-4..10")
            }
            return .rateRange(low...high)
        case .batch:
            if text.lowercased() == "full" { return .batch(nil) }
            return .batch(try word.count(limit: Limits.maximumBatchRows, alternative: "full"))
        case .optimizers:
            var list: [OptimizerConfiguration] = []
            for part in parts(of: word, key: key) {
                do throws(OptionError) {
                    list.append(try OptimizerConfiguration(name: part.text, options: [], registry: registry))
                } catch {
                    throw ShellError(error.message, at: part.range, hint: error.hint)
                }
            }
            return .optimizers(list)
        case .choice(_, let choices):
            guard let choice = choices.first(where: { $0 == text.lowercased() }) else {
                throw ShellError("\(key) is one of \(choices.joined(separator: ", ")), not '\(text)'", at: word.range)
            }
            return .choice(choice)
        case .flag:
            switch text.lowercased() {
            case "", "on", "true", "yes", "1": return .flag(true)
            case "off", "false", "no", "0": return .flag(false)
            default: throw ShellError("option '\(key)' is on or off, not '\(text)'", at: word.range)
            }
        case .number(_, let range):
            let bound = { (end: Double) in NumberFormat.format(end, digits: 6) }
            let expected = "\(key) must be a number from \(bound(range.lowerBound)) to \(bound(range.upperBound))"
            let number: Double
            do throws(NumberSyntax.Problem) {
                number = try NumberSyntax.value(text)
            } catch {
                throw ShellError(expected + ": " + error.message(text), at: word.range, hint: "e.g. \(key)=\(option.defaultText)")
            }
            guard range.contains(number) else {
                throw ShellError(expected + ", not \(text)", at: word.range)
            }
            return .number(number)
        case .seed:
            guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let seed = UInt64(text) else {
                throw ShellError("\(key) must be a whole number from 0 to \(UInt64.max), not '\(text)'", at: word.range,
                                 hint: "e.g. \(key)=42")
            }
            return .seed(seed)
        case .text:
            return .text(text)
        case .wholeNumbers(_, let range, let maximumCount):
            let parts = parts(of: word, key: key)
            guard parts.count <= maximumCount else {
                throw ShellError("\(key)= takes at most \(maximumCount) values, not \(parts.count)", at: word.range)
            }
            var values: [Int] = []
            for part in parts {
                guard let value = NumberSyntax.parse(part.text), value.rounded() == value,
                      value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
                    throw ShellError("\(key)= takes whole numbers from \(range.lowerBound) to \(range.upperBound), not '\(part.text)'",
                                     at: part.range, hint: "e.g. \(key)=\(option.defaultText == "-" ? "\(range.lowerBound)" : option.defaultText)")
                }
                values.append(Int(value))
            }
            return .wholeNumbers(values)
        case .names:
            let words = parts(of: word, key: key)
            if let empty = words.first(where: { $0.text.isEmpty }) {
                throw ShellError("empty name in \(key)=", at: empty.range, hint: "e.g. \(key)=\(option.defaultText)")
            }
            return .names(words.map { $0.text.lowercased() })
        }
    }

    /// The comma-separated parts of a word's value, each with its own column.
    private static func parts(of word: Word, key: String) -> [Word] {
        var column = word.column + key.count + 1
        var parts: [Word] = []
        for part in (word.keyValue.value ?? "").split(separator: ",", omittingEmptySubsequences: false) {
            parts.append(Word(text: String(part), column: column))
            column += part.count + 1
        }
        return parts
    }
}

import LRLab

/// Reads the words after `schedule` into a `LearningRateSchedule`.
///
///     schedule constant
///     schedule step 0.1 400:0.01 700:0.001      breakpoints: 0.1 for steps 1..400, 0.01 to 700, then 0.001
///     schedule step 400:0.01                    the optimizer's rate until step 400, then 0.01
///     schedule step gamma=0.5 every=100         ×0.5 every 100 steps
///     schedule exp gamma=0.99                   lr·0.99^(t−1)
///     schedule inverse-time decay=0.01          lr/(1 + 0.01·(t−1))
///     schedule cosine steps=1000 min=0          cosine from lr to 0 over 1000 steps
///     schedule warmup steps=100 then cosine steps=1000
///
/// Options are `key=value` words checked like optimizer options (unknown keys and bad values
/// get a suggestion). Every schedule's `description` reads back to the same schedule.
enum ScheduleSyntax {
    /// Parses a whole line's words, e.g. `"warmup steps=10 then exp gamma=0.9"`.
    static func parse(_ text: String) throws(OptionError) -> any LearningRateSchedule {
        try parse(text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init))
    }

    static func parse(_ words: [String]) throws(OptionError) -> any LearningRateSchedule {
        guard let first = words.first else {
            throw OptionError("schedule needs a kind", key: "", hint: "schedules: " + names)
        }
        let name = first.lowercased()
        guard let kind = ScheduleKind.named(name) else {
            let hint = Suggestion.closest(to: first, among: ScheduleKind.all.map(\.name)).map { "did you mean '\($0)'?" }
                ?? "schedules: " + names
            throw OptionError("unknown schedule '\(first)'", key: first, hint: hint)
        }
        let rest = Array(words.dropFirst())
        switch kind.name {
        case "constant":
            if let extra = rest.first {
                throw OptionError("constant takes no options, not '\(extra)'", key: extra, hint: "write: schedule constant")
            }
            return ConstantSchedule()
        case "step":
            if rest.isEmpty {
                throw OptionError("step needs breakpoints or every=N", key: first,
                                  hint: "write: schedule step 0.1 400:0.01 700:0.001   or   schedule step every=100 gamma=0.5")
            }
            if rest.allSatisfy({ !$0.contains("=") }) { return try piecewise(rest) }
            let values = try options(rest, kind: kind)
            guard values.isGiven("every") else {
                throw OptionError("step decay needs every=N", key: first, hint: "write: schedule step every=100 gamma=\(Expr.format(values.number("gamma")))")
            }
            return StepDecaySchedule(gamma: values.number("gamma"), every: Int(saturating: values.number("every")))
        case "exp":
            return ExponentialSchedule(gamma: try options(rest, kind: kind).number("gamma"))
        case "inverse-time":
            return InverseTimeSchedule(decay: try options(rest, kind: kind).number("decay"))
        case "cosine":
            let values = try options(rest, kind: kind)
            return CosineSchedule(steps: Int(saturating: values.number("steps")), minimum: values.number("min"))
        default:
            return try warmup(rest, kind: kind)
        }
    }

    private static var names: String { ScheduleKind.all.map(\.name).joined(separator: " ") }

    private static func warmup(_ words: [String], kind: ScheduleKind) throws(OptionError) -> any LearningRateSchedule {
        // Options up to `then` (or up to the next schedule's name), the inner schedule after.
        var split = words.count
        var innerStart = words.count
        for (index, word) in words.enumerated() {
            if word.lowercased() == "then" {
                split = index
                innerStart = index + 1
                break
            }
            if ScheduleKind.named(word) != nil {
                split = index
                innerStart = index
                break
            }
        }
        let values = try options(Array(words[..<split]), kind: kind)
        let steps = Int(saturating: values.number("steps"))
        guard split < words.count else { return WarmupSchedule(steps: steps) }
        let innerWords = Array(words[innerStart...])
        guard let innerName = innerWords.first else {
            throw OptionError("'then' needs a schedule after it", key: "then", hint: "write: warmup steps=\(steps) then cosine steps=1000")
        }
        if innerName.lowercased() == "warmup" {
            throw OptionError("a warm-up cannot follow a warm-up", key: innerName, hint: "give one warmup steps=N")
        }
        return WarmupSchedule(steps: steps, then: try parse(innerWords))
    }

    private static func options(_ words: [String], kind: ScheduleKind) throws(OptionError) -> OptionValues {
        var pairs: [(key: String, value: String?)] = []
        for word in words {
            guard let equals = word.firstIndex(of: "=") else {
                let hint = kind.options.isEmpty ? "write: schedule \(kind.usage)"
                    : Suggestion.closest(to: word, among: kind.options.map(\.name)).map { "did you mean '\($0)=…'?" }
                    ?? "write: schedule \(kind.usage)"
                throw OptionError("expected key=value in schedule \(kind.name), not '\(word)'", key: word, hint: hint)
            }
            pairs.append((String(word[..<equals]).lowercased(), String(word[word.index(after: equals)...])))
        }
        return try OptionValues.parse(pairs, definitions: kind.options, context: "schedule \(kind.name)")
    }

    private static func piecewise(_ words: [String]) throws(OptionError) -> PiecewiseSchedule {
        var initial: Double?
        var breakpoints: [PiecewiseSchedule.Breakpoint] = []
        for (index, word) in words.enumerated() {
            guard let colon = word.firstIndex(of: ":") else {
                guard index == 0 else {
                    throw OptionError("expected STEP:RATE, not '\(word)'", key: word,
                                      hint: "only the first value may be a plain rate: step 0.1 400:0.01 700:0.001")
                }
                initial = try rate(word, in: word)
                continue
            }
            let stepText = String(word[..<colon]), rateText = String(word[word.index(after: colon)...])
            let limit = ScheduleKind.maximumStep
            guard let value = NumberSyntax.parse(stepText), value.rounded() == value else {
                throw OptionError("'\(stepText)' is not a step number in '\(word)'", key: word,
                                  hint: "a breakpoint is STEP:RATE with STEP a whole number from 1 to \(limit), e.g. 400:0.01")
            }
            guard value >= 1, value <= Double(limit) else {
                throw OptionError("breakpoint step \(stepText) is out of range in '\(word)'", key: word,
                                  hint: "a breakpoint's step must be a whole number from 1 to \(limit)")
            }
            let step = Int(saturating: value)
            if let last = breakpoints.last, step <= last.after {
                throw OptionError("breakpoint \(word) is not after \(last.after)", key: word,
                                  hint: "give breakpoints in increasing step order")
            }
            breakpoints.append(.init(after: step, rate: try rate(rateText, in: word)))
        }
        return PiecewiseSchedule(initial: initial, breakpoints: breakpoints)
    }

    private static func rate(_ text: String, in word: String) throws(OptionError) -> Double {
        let value: Double
        do throws(NumberSyntax.Problem) {
            value = try NumberSyntax.value(text)
        } catch {
            let what = error == .notANumber ? "'\(text)' is not a rate" : error.message(text)
            throw OptionError("\(what) in '\(word)'", key: word, hint: "a rate is a number such as 0.01 or 1e-3")
        }
        guard value.isFinite, value >= 0, value <= 1e12 else {
            throw OptionError("rate \(text) is out of range", key: word, hint: "a rate must be from 0 to 1e12")
        }
        return value
    }
}

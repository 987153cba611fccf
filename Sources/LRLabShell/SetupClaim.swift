import LRLab
import LRLabText

/// Claims about how the current run was set up, not where it went: the optimizer in force
/// (`opt == nesterov`), one of its options (`momentum == 0.9`, `noise == 1`, `seed == 1`,
/// `convention == tutorial`), the function (`function == ravine`) and the start point
/// (`start_x == -8`). A lesson's task checks these beside the outcome so that a half-answer
/// (the right rate with another optimizer, another start, the noise switched off) does not pass.
///
/// Everything is read from the run the other claims read (`Session.currentRun`), so the claims
/// of one task always speak of the same run.
enum SetupClaim {
    /// `opt == NAME`: the optimizer's name in the session's registry.
    static let optimizerWord = "opt"
    /// `function == NAME`: a preset's name, or the name of a defined function (`f`).
    static let functionWord = "function"
    /// `start_x`: a coordinate of the run's start point.
    static let startPrefix = "start_"

    /// The words a claim can start with to name the setup, for help and completion.
    static let words = [optimizerWord, functionWord, startPrefix + "x"]

    /// The option names of every optimizer of `registry` (`momentum`, `beta1`, `noise`…), which
    /// a claim may name even when the optimizer in force has no such option (it then fails).
    static func optionNames(in registry: OptimizerRegistry) -> [String] {
        var names: [String] = []
        for kind in registry.kinds {
            for option in kind.options where !names.contains(option.name) { names.append(option.name) }
        }
        return names
    }

    /// Whether `words` (a claim's words after `expect` or `check`) compare a word, not a number:
    /// `opt == NAME`, `function == NAME`, or an on/off or choice option (`convention == tutorial`).
    static func recognizesWordClaim(_ words: [Word], run: Run, registry: OptimizerRegistry) -> Bool {
        guard let first = words.first?.text.lowercased() else { return false }
        if first == optimizerWord || first == functionWord { return true }
        guard let option = anyOption(named: first, run: run, registry: registry) else { return false }
        if case .number = option.kind { return false }
        return true
    }

    /// Checks `NAME ==|!= WORD` against the run's setup.
    static func checkWordClaim(_ words: [Word], run: Run, registry: OptimizerRegistry, text: String, column: Int) throws(ShellError) {
        let claimRange = SourceRange(column: column, length: text.count)
        let name = words[0].text.lowercased()
        if name == functionWord {
            try checkFunctionClaim(words, run: run, text: text, column: column)
            return
        }
        let (choices, actual): ([String], String?) = {
            switch name {
            case optimizerWord: return (registry.names, run.configuration.kind.name)
            default:
                let kind = run.configuration.kind
                guard let option = kind.allOptions.first(where: { $0.name == name }) else {
                    return (optionWords(anyOption(named: name, run: run, registry: registry)), nil)
                }
                return (optionWords(option), optionText(option, in: run.configuration))
            }
        }()
        guard words.count == 3, words[1].text == "==" || words[1].text == "!=" else {
            throw ShellError("expected '\(name) == NAME' or '\(name) != NAME'", at: claimRange,
                             hint: choices.isEmpty ? nil : "one of: " + choices.joined(separator: " "))
        }
        let expected = words[2].text.lowercased()
        if !choices.isEmpty, !choices.contains(expected) {
            let hint = Suggestion.didYouMean(expected, among: choices) ?? "one of: " + choices.joined(separator: " ")
            throw ShellError("'\(words[2].text)' is not a value of \(name)", at: words[2].range, hint: hint)
        }
        let holds = (actual?.lowercased() == expected) == (words[1].text == "==")
        guard !holds else { return }
        let detail: String
        switch (name, actual) {
        case (optimizerWord, let actual?): detail = "the optimizer is \(actual)"
        case (_, let actual?): detail = "\(name) is \(actual)"
        case (_, nil): detail = "opt \(run.configuration.kind.name) has no option \(name)"
        }
        throw ShellError("\(text.trimmingSpaces) does not hold: \(detail)", at: claimRange, kind: .expectationFailed)
    }

    /// Checks `function ==|!= PRESET` or `function ==|!= FORMULA`: the run's formula is the
    /// preset's (typed by hand or chosen with `use`), or the formula given.
    private static func checkFunctionClaim(_ words: [Word], run: Run, text: String, column: Int) throws(ShellError) {
        let claimRange = SourceRange(column: column, length: text.count)
        let usage = "write function == PRESET (functions lists them) or function == FORMULA, e.g. function == (x - 3)^2"
        guard words.count >= 3, words[1].text == "==" || words[1].text == "!=" else {
            throw ShellError("expected 'function == NAME' or 'function != NAME'", at: claimRange, hint: usage)
        }
        let valueColumn = words[2].column
        let valueText = String(text.dropFirst(valueColumn - column)).trimmingSpaces
        guard let objective = run.objective else {
            throw ShellError("\(text.trimmingSpaces) does not hold: the run is not of a formula", at: claimRange, kind: .expectationFailed)
        }
        let expected: Expr
        if let preset = Preset.named(valueText), let presetObjective = try? preset.objective() {
            expected = presetObjective.expression
        } else {
            do {
                expected = try Parser.parse(valueText, variables: objective.parameters, firstColumn: valueColumn)
            } catch {
                let hint = Suggestion.didYouMean(valueText, among: Preset.all.map(\.name)) ?? usage
                throw ShellError("'\(valueText)' is neither a preset nor a formula of \(objective.parameters.joined(separator: ", ")): \(error.message)",
                                 at: SourceRange(column: valueColumn, length: valueText.count), hint: hint)
            }
        }
        guard (expected.description == objective.expression.description) != (words[1].text == "==") else { return }
        throw ShellError("\(text.trimmingSpaces) does not hold: the function is \(description(of: objective))", at: claimRange,
                         kind: .expectationFailed)
    }

    /// `ravine` for a preset's formula (chosen with `use` or typed), else `f(x) = FORMULA`.
    static func description(of objective: Objective) -> String {
        let formula = objective.expression.description
        if let preset = Preset.all.first(where: { (try? $0.objective())?.expression.description == formula }) { return preset.name }
        return objective.signature + " = " + formula
    }

    /// The number a setup quantity names: an option of the optimizer in force (`momentum`), or
    /// a coordinate of the start point (`start_x`). Nil when `name` names neither; a
    /// `Result.failure` when it names an option of another optimizer, or a start coordinate of a
    /// variable the function does not have, so the claim fails saying why.
    static func number(named name: String, run: Run, registry: OptimizerRegistry) -> Result<Double, ShellError>? {
        if name.hasPrefix(startPrefix) {
            let variable = String(name.dropFirst(startPrefix.count))
            guard let index = run.lossFunction.parameterNames.firstIndex(of: variable) else {
                return .failure(ShellError("the function has no variable '\(variable)': start_ names one of "
                                           + run.lossFunction.parameterNames.map { startPrefix + $0 }.joined(separator: " ")))
            }
            return .success(run.start[index])
        }
        guard let option = anyOption(named: name, run: run, registry: registry), case .number = option.kind else { return nil }
        guard run.configuration.kind.allOptions.contains(where: { $0.name == name }) else {
            return .failure(ShellError("opt \(run.configuration.kind.name) has no option \(name)", kind: .expectationFailed))
        }
        return .success(run.configuration.values.number(name))
    }

    /// The option called `name` of the optimizer in force, else of any optimizer the registry knows.
    private static func anyOption(named name: String, run: Run, registry: OptimizerRegistry) -> OptionDefinition? {
        run.configuration.kind.allOptions.first { $0.name == name }
            ?? registry.kinds.lazy.compactMap { $0.options.first { $0.name == name } }.first
    }

    /// The words an on/off or choice option takes.
    private static func optionWords(_ option: OptionDefinition?) -> [String] {
        switch option?.kind {
        case .flag?: return ["on", "off"]
        case .choice(_, let choices)?: return choices
        default: return []
        }
    }

    /// An on/off or choice option's value as a word (`on`, `tutorial`).
    private static func optionText(_ option: OptionDefinition, in configuration: OptimizerConfiguration) -> String {
        switch option.kind {
        case .flag: return configuration.values.flag(option.name) ? "on" : "off"
        case .choice: return configuration.values.choice(option.name)
        case .number: return NumberFormat.format(configuration.values.number(option.name), digits: 17)
        }
    }
}

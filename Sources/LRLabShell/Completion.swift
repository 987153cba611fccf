import LRLab

/// Tab completion, independent of the terminal: given the line up to the cursor, the
/// candidates for the word being typed. The executable hands these to libedit.
public enum Completion {
    /// Candidates that start with the word being typed, or nil where file names fit better
    /// (after `load` and `save`). Optimizer names and options come from `registry`;
    /// `extraWords` are offered with the command names (a lesson's `next`, `back`, `skip`:
    /// `LessonGuide.words`).
    public static func candidates(forLineBeforeCursor line: String, registry: OptimizerRegistry = .standard,
                                  commands: CommandRegistry = .standard, extraWords: [String] = []) -> [String]? {
        let statementText = Statement.split(line + "\u{0}").last?.text ?? ""
        let words = Statement.words(in: statementText.replacingZero, column: 1)
        let endsWithSpace = statementText.replacingZero.last == " " || statementText.replacingZero.isEmpty
        let typed = endsWithSpace ? "" : (words.last?.text ?? "")
        let previous = endsWithSpace ? words : Array(words.dropLast())
        let all: [String]
        if previous.isEmpty {
            all = commands.all.map(\.name) + ["f(x) =", "f(x, y) ="] + extraWords
        } else if let command = commands.named(previous[0].text) {
            if let values = valueCandidates(for: command, typed: typed, previous: previous, registry: registry) {
                return values.filter { $0.hasPrefix(typed) }
            }
            all = candidates(for: command, previous: previous, registry: registry, commands: commands)
            if case .files = command.completion { return nil }
        } else {
            all = []
        }
        return all.filter { $0.hasPrefix(typed) }
    }

    static func candidates(for command: Command, previous: [Word], registry: OptimizerRegistry,
                           commands: CommandRegistry) -> [String] {
        candidatesOfCompletion(for: command, previous: previous, registry: registry, commands: commands) + optionCandidates(for: command, previous: previous)
    }

    /// `name=` for each declared option of the command (or of the subcommand typed second)
    /// that the line does not give yet.
    static func optionCandidates(for command: Command, previous: [Word]) -> [String] {
        let given = previous.dropFirst().map { $0.keyValue.key.lowercased() }
        return declaredOptions(of: command, previous: previous).filter { option in !given.contains { option.isNamed($0) } }.map { $0.name + "=" }
    }

    /// The options of the command, then those of the subcommand typed second, if any.
    static func declaredOptions(of command: Command, previous: [Word]) -> [CommandOption] {
        let subcommand = previous.count >= 2 ? previous[1].text.lowercased() : nil
        return command.options(of: nil) + (subcommand.map { command.options(of: $0) } ?? [])
    }

    /// For a word `name=…` of a declared option whose values are words (optimizer names, a
    /// choice, on/off): the whole word with each value, the last of a comma list completed
    /// (`opt=gd,mom` → `opt=gd,momentum`). Nil when the word is no such option.
    static func valueCandidates(for command: Command, typed: String, previous: [Word], registry: OptimizerRegistry) -> [String]? {
        guard let equals = typed.firstIndex(of: "=") else { return nil }
        let key = String(typed[..<equals])
        guard let option = declaredOptions(of: command, previous: previous).first(where: { $0.isNamed(key) }) else { return nil }
        let value = typed[typed.index(after: equals)...]
        switch option.kind {
        case .optimizers:
            let head = value.lastIndex(of: ",").map { String(value[...$0]) } ?? ""
            let listed = Set(head.split(separator: ",").map(String.init))
            return registry.names.filter { !listed.contains($0) }.map { key + "=" + head + $0 }
        case .choice(_, let choices): return choices.map { key + "=" + $0 }
        case .flag: return [key + "=on", key + "=off"]
        default: return nil
        }
    }

    static func candidatesOfCompletion(for command: Command, previous: [Word], registry: OptimizerRegistry,
                                       commands: CommandRegistry) -> [String] {
        switch command.completion {
        case .none, .files: return []
        case .presets: return previous.count == 1 ? Preset.all.map(\.name) : []
        case .commands: return previous.count == 1 ? commands.all.map(\.name) + registry.names + ["all", "limits"] : []
        case .words(let words): return words
        case .computed(let candidates): return candidates(previous)
        case .optimizers:
            if previous.count == 1 { return registry.names }
            guard let kind = registry.kind(named: previous[1].text) else { return [] }
            let given = Set(previous.dropFirst(2).map { $0.keyValue.key })
            return kind.allOptions.map(\.name).filter { !given.contains($0) }.map { $0 + "=" }
        }
    }
}

private extension String {
    /// The marker appended so a trailing `;` still yields an (empty) last statement.
    var replacingZero: String { String(filter { $0 != "\u{0}" }) }
}

import LRLab

/// The `key=value` words of `opt`, `explain`, `schedule` and `set` read into the engine's typed
/// option values: the command language stays in the shell, the engine takes values.
extension OptionValues {
    /// Parses `pairs` against `definitions`: unknown keys, malformed or out-of-range values
    /// are errors with a suggestion; missing keys take their defaults.
    static func parse(_ pairs: [(key: String, value: String?)], definitions: [OptionDefinition],
                             context: String) throws(OptionError) -> OptionValues {
        var result = OptionValues(defaultsOf: definitions)
        for (key, rawValue) in pairs {
            guard let definition = definitions.first(where: { $0.name == key }) else {
                let names = definitions.map(\.name)
                let hint = Suggestion.didYouMean(key, among: names)
                    ?? (names.isEmpty ? "\(context) takes no options" : "\(context) takes: " + names.joined(separator: " "))
                throw OptionError("unknown option '\(key)' for \(context)", key: key, hint: hint)
            }
            if result.isGiven(key) {
                throw OptionError("option '\(key)' is given twice", key: key)
            }
            switch definition.kind {
            case .number(_, let range, let integer):
                guard let text = rawValue, !text.isEmpty else {
                    throw OptionError("option '\(key)' needs a value", key: key, hint: "write \(key)=\(definition.defaultText)")
                }
                let value: Double
                do throws(NumberSyntax.Problem) {
                    value = try NumberSyntax.value(text)
                } catch {
                    throw OptionError("\(error.message(text)) (option '\(key)')", key: key, hint: "write \(key)=\(definition.defaultText)")
                }
                guard value.isFinite, range.contains(value) else {
                    let bound = { (end: Double) in integer ? String(Int(saturating: end)) : Expr.format(end) }
                    throw OptionError("\(key)=\(text) is out of range", key: key,
                                      hint: "\(key) must be \(integer ? "a whole number " : "")from \(bound(range.lowerBound)) to \(bound(range.upperBound))")
                }
                if integer, value.rounded() != value {
                    throw OptionError("\(key) must be a whole number, not \(text)", key: key)
                }
                result.set(key, value)
            case .flag:
                switch rawValue?.lowercased() {
                case nil, "", "true", "yes", "on", "1": result.setFlag(key, true)
                case "false", "no", "off", "0": result.setFlag(key, false)
                default:
                    throw OptionError("option '\(key)' is on or off, not '\(rawValue ?? "")'", key: key, hint: "write \(key)=true or \(key)=false")
                }
            case .choice(_, let choices):
                guard let text = rawValue?.lowercased(), choices.contains(text) else {
                    let hint = rawValue.flatMap { Suggestion.didYouMean($0, among: choices) }
                        ?? "choose one of: " + choices.joined(separator: " ")
                    throw OptionError("'\(rawValue ?? "")' is not a choice for option '\(key)'", key: key, hint: hint)
                }
                result.setChoice(key, text)
            }
        }
        return result
    }
}

extension OptimizerConfiguration {
    /// Parses `opt NAME key=value ...` arguments, looking NAME up in `registry`.
    init(name: String, options: [(key: String, value: String?)], registry: OptimizerRegistry = .standard) throws(OptionError) {
        guard let kind = registry.kind(named: name) else {
            let hint = Suggestion.didYouMean(name, among: registry.names)
                ?? "optimizers: " + registry.names.joined(separator: " ")
            throw OptionError("unknown optimizer '\(name)'", key: name, hint: hint)
        }
        self.init(kind: kind, values: try OptionValues.parse(options, definitions: kind.allOptions, context: "opt \(kind.name)"))
    }
}

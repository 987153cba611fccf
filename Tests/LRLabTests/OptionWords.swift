@testable import LRLab

/// The engine takes typed option values; these tests write them as the words of `opt` for
/// brevity. Checking the words (did-you-mean, ranges) is the shell's, tested there.
extension OptionValues {
    static func parse(_ pairs: [(key: String, value: String?)], definitions: [OptionDefinition],
                      context: String) throws(OptionError) -> OptionValues {
        var values = OptionValues(defaultsOf: definitions)
        for (key, text) in pairs {
            guard let definition = definitions.first(where: { $0.name == key }) else {
                throw OptionError("unknown option '\(key)' for \(context)", key: key)
            }
            switch definition.kind {
            case .number:
                guard let number = text.flatMap({ NumberSyntax.parse($0) }) else { throw OptionError("'\(text ?? "")' is not a number", key: key) }
                values.set(key, number)
            case .flag: values.setFlag(key, ["", "true", "on", "yes", "1"].contains(text?.lowercased() ?? ""))
            case .choice: values.setChoice(key, text?.lowercased() ?? "")
            }
        }
        return values
    }
}

extension OptimizerConfiguration {
    init(name: String, options: [(key: String, value: String?)], registry: OptimizerRegistry = .standard) throws(OptionError) {
        guard let kind = registry.kind(named: name) else { throw OptionError("unknown optimizer '\(name)'", key: name) }
        self.init(kind: kind, values: try OptionValues.parse(options, definitions: kind.allOptions, context: "opt \(name)"))
    }
}

/// An optimizer as the command language knows it: its name, what it is for, the options it
/// takes with their defaults, and how to build one. `opt`, `help opt`, `explain` and tab
/// completion all read `OptimizerKind.all`.
public struct OptimizerKind: Sendable {
    public var name: String
    public var summary: String
    /// Options besides `lr`, which every optimizer takes.
    public var options: [OptionDefinition]
    /// The learning rate used when `lr=` is not given.
    public var defaultLearningRate: Double
    /// Builds the optimizer from validated options.
    public var make: @Sendable (OptionValues) -> any Optimizer

    public init(name: String, summary: String, defaultLearningRate: Double, options: [OptionDefinition] = [],
                make: @escaping @Sendable (OptionValues) -> any Optimizer) {
        self.name = name
        self.summary = summary
        self.defaultLearningRate = defaultLearningRate
        self.options = options
        self.make = make
    }

    /// All options, `lr` first.
    public var allOptions: [OptionDefinition] {
        [.number("lr", default: defaultLearningRate, range: 0...1e12, "learning rate (the base rate a schedule scales)")] + options
    }

    public static func named(_ name: String) -> OptimizerKind? {
        all.first { $0.name == name.lowercased() }
    }

    public static let all: [OptimizerKind] = [
        OptimizerKind(name: "gd", summary: "plain gradient descent: x ← x − lr·∇f(x)", defaultLearningRate: 0.1) { _ in
            GradientDescent()
        },
    ]
}

/// An optimizer chosen with `opt`: the kind and the options as given, from which fresh
/// optimizers (for a run, a comparison, a sweep) are built.
public struct OptimizerConfiguration: Sendable {
    public var kind: OptimizerKind
    public var values: OptionValues

    public init(kind: OptimizerKind, values: OptionValues) {
        self.kind = kind
        self.values = values
    }

    /// Parses `opt NAME key=value ...` arguments.
    public init(name: String, options: [(key: String, value: String?)]) throws(OptionError) {
        guard let kind = OptimizerKind.named(name) else {
            let hint = Suggestion.closest(to: name, among: OptimizerKind.all.map(\.name)).map { "did you mean '\($0)'?" }
                ?? "optimizers: " + OptimizerKind.all.map(\.name).joined(separator: " ")
            throw OptionError("unknown optimizer '\(name)'", key: name, hint: hint)
        }
        self.kind = kind
        self.values = try OptionValues.parse(options, definitions: kind.allOptions, context: "opt \(kind.name)")
    }

    /// The default: gradient descent with its default rate.
    public static var standard: OptimizerConfiguration {
        // Parsing no options cannot fail.
        let kind = OptimizerKind.all[0]
        let values = (try? OptionValues.parse([], definitions: kind.allOptions, context: "opt")) ?? OptionValues()
        return OptimizerConfiguration(kind: kind, values: values)
    }

    public var learningRate: Double { values.number("lr") }

    /// A fresh optimizer sized for `parameterCount` parameters.
    public func makeOptimizer(parameterCount: Int) -> any Optimizer {
        var optimizer = kind.make(values)
        optimizer.reset(parameterCount: parameterCount)
        return optimizer
    }

    /// `adam lr=0.01 beta1=0.9`: the name and every option, given ones as typed.
    public var description: String {
        ([kind.name] + kind.allOptions.map { definition -> String in
            switch definition.kind {
            case .number: return "\(definition.name)=\(Expr.format(values.number(definition.name)))"
            case .flag: return "\(definition.name)=\(values.flag(definition.name))"
            case .choice: return "\(definition.name)=\(values.choice(definition.name))"
            }
        }).joined(separator: " ")
    }
}

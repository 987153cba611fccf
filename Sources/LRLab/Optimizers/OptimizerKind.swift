/// An optimizer as the command language knows it: its name, what it is for, the options it
/// takes with their defaults, and how to build one. `opt`, `help opt`, `explain` and tab
/// completion all read `OptimizerKind.all`.
///
/// Options named by a `convention=` choice are resolved by `resolve` before `make` and
/// `explain` see them: the convention fills in its own defaults, but options the user gave
/// explicitly always win (`OptionValues.setDefault` only changes keys not given).
public struct OptimizerKind: Sendable {
    public var name: String
    public var summary: String
    /// Options besides `lr`, which every optimizer takes.
    public var options: [OptionDefinition]
    /// The learning rate used when `lr=` is not given.
    public var defaultLearningRate: Double
    /// Builds the optimizer from validated options.
    public var make: @Sendable (OptionValues) -> any Optimizer
    /// Fills in the defaults a `convention=` implies (identity for kinds without one).
    public var resolve: @Sendable (OptionValues) -> OptionValues
    /// Several lines for `explain NAME`: the update rule with the hyper-parameters
    /// substituted, the convention followed and what `lr_eff` means.
    public var explain: @Sendable (OptionValues) -> String

    public init(name: String, summary: String, defaultLearningRate: Double, options: [OptionDefinition] = [],
                resolve: @escaping @Sendable (OptionValues) -> OptionValues = { $0 },
                explain: @escaping @Sendable (OptionValues) -> String = { _ in "" },
                make: @escaping @Sendable (OptionValues) -> any Optimizer) {
        self.name = name
        self.summary = summary
        self.defaultLearningRate = defaultLearningRate
        self.options = options
        self.resolve = resolve
        self.explain = { explain(resolve($0)) }
        self.make = { make(resolve($0)) }
    }

    /// All options, `lr` first.
    public var allOptions: [OptionDefinition] {
        [.number("lr", default: defaultLearningRate, range: 0...1e12, "learning rate (the base rate a schedule scales)")] + options
    }

    public static func named(_ name: String) -> OptimizerKind? {
        all.first { $0.name == name.lowercased() }
    }

    /// The options' values with no option given: the defaults, convention applied.
    public var defaultValues: OptionValues {
        resolve((try? OptionValues.parse([], definitions: allOptions, context: "opt \(name)")) ?? OptionValues())
    }

    public static let all: [OptimizerKind] = [
        OptimizerKind(name: "gd", summary: "plain gradient descent: x ← x − lr·∇f(x) (noise= imitates mini-batches)",
                      defaultLearningRate: 0.1, options: [
                          .number("noise", default: 0, "standard deviation of Gaussian noise added to the gradient"),
                          .integer("seed", default: 0, range: 0...Int(1 << 53), "seed of the noise generator"),
                      ], explain: OptimizerExplanation.gradientDescent) { values in
            GradientDescent(noise: values.number("noise"), seed: UInt64(Int(saturating: values.number("seed")).magnitude))
        },
        OptimizerKind(name: "momentum", summary: "heavy-ball momentum (PyTorch SGD): b ← μb + g, x ← x − lr·b",
                      defaultLearningRate: 0.01, options: [
                          .number("momentum", default: 0.9, range: 0...1, "momentum factor μ"),
                          .number("dampening", default: 0, range: 0...1, "dampening d: b ← μb + (1−d)g"),
                          .number("weight_decay", default: 0, "L2 penalty λ added to the gradient as λx"),
                      ], explain: { OptimizerExplanation.momentum($0, nesterov: false) }) { values in
            Momentum(momentum: values.number("momentum"), dampening: values.number("dampening"),
                     weightDecay: values.number("weight_decay"))
        },
        OptimizerKind(name: "nesterov", summary: "Nesterov momentum (PyTorch SGD nesterov=True): x ← x − lr·(g + μb)",
                      defaultLearningRate: 0.01, options: [
                          .number("momentum", default: 0.9, range: 0...1, "momentum factor μ"),
                          .number("weight_decay", default: 0, "L2 penalty λ added to the gradient as λx"),
                      ], explain: { OptimizerExplanation.momentum($0, nesterov: true) }) { values in
            Momentum(momentum: values.number("momentum"), weightDecay: values.number("weight_decay"), nesterov: true)
        },
        OptimizerKind(name: "rmsprop", summary: "RMSProp: divide by a running RMS of gradients, x ← x − lr·g/(√v + ε)",
                      defaultLearningRate: 0.01, options: [
                          .number("alpha", default: 0.99, range: 0...1, "decay α of the squared-gradient average"),
                          .number("eps", default: 1e-8, "ε added to the denominator"),
                          .number("momentum", default: 0, range: 0...1, "momentum on the scaled step (0 = off)"),
                          OptionDefinition("centered", .flag(default: false), "divide by the variance instead of the mean square"),
                          .number("weight_decay", default: 0, "L2 penalty λ added to the gradient as λx"),
                          OptimizerConvention.option,
                      ], resolve: { values in
                          var values = values
                          if OptimizerConvention(values) != .pytorch { values.setDefault("alpha", 0.9) }
                          return values
                      }, explain: OptimizerExplanation.rmsprop) { values in
            RMSProp(alpha: values.number("alpha"), epsilon: values.number("eps"),
                    epsilonInsideRoot: OptimizerConvention(values) != .pytorch, momentum: values.number("momentum"),
                    centered: values.flag("centered"), weightDecay: values.number("weight_decay"))
        },
        OptimizerKind(name: "adagrad", summary: "Adagrad: divide by the root of the sum of all squared gradients",
                      defaultLearningRate: 0.01, options: [
                          .number("lr_decay", default: 0, "rate decay: lr/(1 + (t−1)·lr_decay)"),
                          .number("eps", default: 1e-10, "ε added to the denominator"),
                          .number("initial_accumulator_value", default: 0, "starting value of the sum of squares"),
                          .number("weight_decay", default: 0, "L2 penalty λ added to the gradient as λx"),
                          OptimizerConvention.option,
                      ], resolve: { values in
                          var values = values
                          switch OptimizerConvention(values) {
                          case .pytorch: break
                          case .optax:
                              values.setDefault("eps", 1e-7)
                              values.setDefault("initial_accumulator_value", 0.1)
                          case .tutorial:
                              values.setDefault("eps", 1e-8)
                          }
                          return values
                      }, explain: OptimizerExplanation.adagrad) { values in
            Adagrad(learningRateDecay: values.number("lr_decay"), epsilon: values.number("eps"),
                    epsilonInsideRoot: OptimizerConvention(values) != .pytorch,
                    initialAccumulator: values.number("initial_accumulator_value"), weightDecay: values.number("weight_decay"))
        },
        OptimizerKind(name: "adadelta", summary: "Adadelta (Zeiler): RMS of past steps over RMS of gradients, no rate to tune",
                      defaultLearningRate: 1.0, options: [
                          .number("rho", default: 0.9, range: 0...1, "decay ρ of both running averages"),
                          .number("eps", default: 1e-6, "ε inside both square roots"),
                          .number("weight_decay", default: 0, "L2 penalty λ added to the gradient as λx"),
                          OptimizerConvention.option,
                      ], resolve: { values in
                          var values = values
                          if OptimizerConvention(values) == .tutorial { values.setDefault("lr", 0.001) }
                          return values
                      }, explain: OptimizerExplanation.adadelta) { values in
            Adadelta(rho: values.number("rho"), epsilon: values.number("eps"), weightDecay: values.number("weight_decay"),
                     rmspropForm: OptimizerConvention(values) == .tutorial)
        },
        adamKind(name: "adam", summary: "Adam: bias-corrected momentum over a bias-corrected RMS, x ← x − lr·m̂/(√v̂ + ε)",
                 weightDecay: 0, weightDecaySummary: "L2 penalty λ added to the gradient as λx"),
        adamKind(name: "adamw", summary: "AdamW: Adam with decoupled weight decay, x ← x(1 − lr·λ) before the Adam step",
                 weightDecay: 0.01, weightDecaySummary: "decoupled decay λ: x ← x(1 − lr·λ) each step"),
    ]

    private static func adamKind(name: String, summary: String, weightDecay: Double, weightDecaySummary: String) -> OptimizerKind {
        let decoupled = name == "adamw"
        return OptimizerKind(name: name, summary: summary, defaultLearningRate: 0.001, options: [
            .number("beta1", default: 0.9, range: 0...0.999999999999, "decay β₁ of the first moment m"),
            .number("beta2", default: 0.999, range: 0...0.999999999999, "decay β₂ of the second moment v"),
            .number("eps", default: 1e-8, "ε added to the denominator"),
            .number("weight_decay", default: weightDecay, weightDecaySummary),
            OptionDefinition("amsgrad", .flag(default: false), "divide by the largest second moment so far (AMSGrad)"),
            OptimizerConvention.option,
        ], explain: { OptimizerExplanation.adam($0, decoupled: decoupled) }) { values in
            Adam(beta1: values.number("beta1"), beta2: values.number("beta2"), epsilon: values.number("eps"),
                 weightDecay: values.number("weight_decay"), decoupledWeightDecay: decoupled, amsgrad: values.flag("amsgrad"),
                 amsgradMaximum: OptimizerConvention(values) == .optax ? .afterBiasCorrection : .beforeBiasCorrection)
        }
    }
}

/// An optimizer chosen with `opt`: the kind and the options as given (convention defaults
/// filled in), from which fresh optimizers (for a run, a comparison, a sweep) are built.
public struct OptimizerConfiguration: Sendable {
    public var kind: OptimizerKind
    public var values: OptionValues

    public init(kind: OptimizerKind, values: OptionValues) {
        self.kind = kind
        self.values = kind.resolve(values)
    }

    /// Parses `opt NAME key=value ...` arguments.
    public init(name: String, options: [(key: String, value: String?)]) throws(OptionError) {
        guard let kind = OptimizerKind.named(name) else {
            let hint = Suggestion.closest(to: name, among: OptimizerKind.all.map(\.name)).map { "did you mean '\($0)'?" }
                ?? "optimizers: " + OptimizerKind.all.map(\.name).joined(separator: " ")
            throw OptionError("unknown optimizer '\(name)'", key: name, hint: hint)
        }
        self.kind = kind
        self.values = kind.resolve(try OptionValues.parse(options, definitions: kind.allOptions, context: "opt \(kind.name)"))
    }

    /// The default: gradient descent with its default rate.
    public static var standard: OptimizerConfiguration {
        let kind = OptimizerKind.all[0]
        return OptimizerConfiguration(kind: kind, values: kind.defaultValues)
    }

    public var learningRate: Double { values.number("lr") }

    /// The same optimizer and options with the base learning rate set to `rate` (≥ 0), for
    /// sweeps and comparisons.
    public func withLearningRate(_ rate: Double) -> OptimizerConfiguration {
        var result = self
        result.values.set("lr", rate)
        return result
    }

    /// A fresh optimizer sized for `parameterCount` parameters.
    public func makeOptimizer(parameterCount: Int) -> any Optimizer {
        var optimizer = kind.make(values)
        optimizer.reset(parameterCount: parameterCount)
        return optimizer
    }

    /// The update rule with these hyper-parameters, for `explain`.
    public var explanation: String { kind.explain(values) }

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

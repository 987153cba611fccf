/// An optimizer chosen with `opt`: the kind and the options as given (convention defaults
/// filled in), from which fresh optimizers (for a run, a comparison, a sweep) are built.
public struct OptimizerConfiguration: Sendable {
    public var kind: OptimizerKind
    public var values: OptionValues

    public init(kind: OptimizerKind, values: OptionValues) {
        self.kind = kind
        self.values = kind.resolve(values)
    }

    /// The default: gradient descent with its default rate.
    public static var standard: OptimizerConfiguration {
        OptimizerConfiguration(kind: .gradientDescent, values: OptimizerKind.gradientDescent.defaultValues)
    }

    public var learningRate: Double { values.number("lr") }

    /// The same optimizer and options with the base learning rate set to `rate` (≥ 0), for
    /// sweeps and comparisons.
    public func withLearningRate(_ rate: Double) -> OptimizerConfiguration {
        var result = self
        result.values.set("lr", rate)
        return result
    }

    /// Whether option `name` can take a new value between steps of a run, keeping the
    /// optimizer's state (`Optimizer.setOption`): `lr` always; an option the update rule
    /// assumes fixed since the start (Adam's betas, whose bias corrections 1 − βᵗ need one β)
    /// never.
    public func canChangeDuringRun(_ name: String) -> Bool {
        guard name != "lr" else { return true }
        guard let definition = kind.allOptions.first(where: { $0.name == name }),
              case .number = definition.kind else { return false }
        var probe = makeOptimizer(parameterCount: 0)
        return probe.setOption(name, to: values.number(name))
    }

    /// A fresh optimizer sized for `parameterCount` parameters.
    public func makeOptimizer(parameterCount: Int) -> any Optimizer {
        var optimizer = kind.make(values)
        optimizer.reset(parameterCount: parameterCount)
        return optimizer
    }

    /// The update rule with these hyper-parameters, for `explain`.
    public var explanation: String { kind.explain(values) }

    /// How the quadratic step-size theory models these steps.
    public var curvatureModel: CurvatureModel { kind.curvatureModel(values) }

    /// σ of the Gaussian noise added to each gradient component, 0 for exact gradients.
    public var gradientNoise: Double { kind.gradientNoise(values) }

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

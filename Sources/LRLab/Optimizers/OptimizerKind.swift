/// An optimizer as the command language knows it, declared once beside its type: its name,
/// what it is for, the options it takes with their defaults and ranges, the state it records
/// and what each quantity means, its `explain` text, how the curvature theory models it, and
/// how to build one. `opt`, `help`, `explain`, `state`, `compare`, completion, the curvature
/// report and the diagnosis all read these facts; an `OptimizerRegistry` lists the kinds.
///
/// Options named by a `convention=` choice are resolved by `resolve` before `make`, `explain`,
/// `curvatureModel` and `gradientNoise` see them: the convention fills in its own defaults,
/// but options the user gave explicitly always win (`OptionValues.setDefault` only changes
/// keys not given).
public struct OptimizerKind: Sendable {
    /// The name typed after `opt`, lowercase: `adam`.
    public var name: String
    public var summary: String
    /// Options besides `lr`, which every optimizer takes.
    public var options: [OptionDefinition]
    /// The learning rate used when `lr=` is not given.
    public var defaultLearningRate: Double
    /// Every per-parameter quantity an optimizer of this kind may record, with its meaning;
    /// a configuration records those of them its options switch on (`Optimizer.stateNames`).
    public var states: [StateDescription]
    /// Builds the optimizer from validated options.
    public var make: @Sendable (OptionValues) -> any Optimizer
    /// Fills in the defaults a `convention=` implies (identity for kinds without one).
    public var resolve: @Sendable (OptionValues) -> OptionValues
    /// Several lines for `explain NAME`: the update rule with the hyper-parameters
    /// substituted, the convention followed and what `lr_eff` means.
    public var explain: @Sendable (OptionValues) -> String
    /// How the quadratic step-size theory models these steps.
    public var curvatureModel: @Sendable (OptionValues) -> CurvatureModel
    /// The standard deviation σ of the Gaussian noise added to each gradient component
    /// (mini-batch imitation), 0 for exact gradients.
    public var gradientNoise: @Sendable (OptionValues) -> Double

    public init(name: String, summary: String, defaultLearningRate: Double, options: [OptionDefinition] = [],
                states: [StateDescription] = [],
                resolve: @escaping @Sendable (OptionValues) -> OptionValues = { $0 },
                explain: @escaping @Sendable (OptionValues) -> String = { _ in "" },
                curvatureModel: @escaping @Sendable (OptionValues) -> CurvatureModel = { _ in .notModelled(decoupledWeightDecay: 0) },
                gradientNoise: @escaping @Sendable (OptionValues) -> Double = { _ in 0 },
                make: @escaping @Sendable (OptionValues) -> any Optimizer) {
        self.name = name
        self.summary = summary
        self.defaultLearningRate = defaultLearningRate
        self.options = options
        self.states = states
        self.resolve = resolve
        self.explain = { explain(resolve($0)) }
        self.curvatureModel = { curvatureModel(resolve($0)) }
        self.gradientNoise = { gradientNoise(resolve($0)) }
        self.make = { make(resolve($0)) }
    }

    /// All options, `lr` first.
    public var allOptions: [OptionDefinition] {
        [.number("lr", default: defaultLearningRate, range: 0...1e12, "learning rate (the base rate a schedule scales)")] + options
    }

    /// The options' values with no option given: the defaults, convention applied.
    public var defaultValues: OptionValues {
        resolve(OptionValues(defaultsOf: allOptions))
    }

    /// What the state quantity `name` holds, for `state`; empty when the kind does not declare it.
    public func meaning(ofState name: String) -> String {
        states.first { $0.name == name }?.meaning ?? ""
    }
}

/// Whose formulas an adaptive optimizer follows, chosen with `convention=`. The rules differ
/// in small ways that matter when you check numbers by hand: where ε goes, the default decay,
/// the initial accumulator, and when AMSGrad takes its maximum.
///
/// - `pytorch` (the default): `torch.optim`. ε outside the square root: g / (√v + ε).
/// - `optax`: DeepMind's optax. RMSProp decay 0.9 and g / √(v + ε); Adagrad starts its sum at
///   0.1 with ε = 1e-7 inside the root; AMSGrad takes the maximum of the bias-corrected v̂.
/// - `tutorial`: the formulas as the classic overview (Ruder 2016) writes them. RMSProp with
///   decay 0.9 and g / √(E[g²] + ε); Adagrad with ε inside the root; "Adadelta" written like
///   RMSProp, θ −= η g / √(E[g²] + ε), which is not Zeiler's Adadelta.
///
/// Options given explicitly always override what a convention sets.
public enum OptimizerConvention: String, Sendable, Hashable, CaseIterable {
    case pytorch, optax, tutorial

    /// The `convention=` option every adaptive optimizer takes.
    public static let option = OptionDefinition(
        "convention", .choice(default: "pytorch", choices: allCases.map(\.rawValue)),
        "whose formulas: pytorch (ε outside √), optax or tutorial (ε inside √, other defaults)")

    public init(_ values: OptionValues) {
        self = OptimizerConvention(rawValue: values.choice("convention")) ?? .pytorch
    }

    /// How `explain` names it.
    public var title: String {
        switch self {
        case .pytorch: return "PyTorch (torch.optim)"
        case .optax: return "optax"
        case .tutorial: return "the tutorial (Ruder, An overview of gradient descent optimization algorithms)"
        }
    }
}

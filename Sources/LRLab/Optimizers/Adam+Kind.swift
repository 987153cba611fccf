extension OptimizerKind {
    /// `opt adam`: Adam with an L2 penalty in the gradient (`Adam`).
    public static let adam = adamKind(
        name: "adam", summary: "Adam: bias-corrected momentum over a bias-corrected RMS, x ← x − lr·m̂/(√v̂ + ε)",
        decoupled: false, weightDecay: 0, weightDecaySummary: "L2 penalty λ added to the gradient as λx")

    /// `opt adamw`: Adam with decoupled weight decay (`Adam` with `decoupledWeightDecay`).
    public static let adamw = adamKind(
        name: "adamw", summary: "AdamW: Adam with decoupled weight decay, x ← x(1 − lr·λ) before the Adam step",
        decoupled: true, weightDecay: 0.01, weightDecaySummary: "decoupled decay λ: x ← x(1 − lr·λ) each step")

    private static func adamKind(name: String, summary: String, decoupled: Bool, weightDecay: Double,
                                 weightDecaySummary: String) -> OptimizerKind {
        OptimizerKind(
            name: name, summary: summary, defaultLearningRate: 0.001,
            options: [
                .number("beta1", default: 0.9, range: 0...0.999999999999, "decay β₁ of the first moment m"),
                .number("beta2", default: 0.999, range: 0...0.999999999999, "decay β₂ of the second moment v"),
                .number("eps", default: 1e-8, "ε added to the denominator"),
                .number("weight_decay", default: weightDecay, weightDecaySummary),
                OptionDefinition("amsgrad", .flag(default: false), "divide by the largest second moment so far (AMSGrad)"),
                OptimizerConvention.option,
            ],
            states: [
                StateDescription(name: "m", meaning: "first moment: running mean of g"),
                StateDescription(name: "v", meaning: "second moment: running mean of g²"),
                StateDescription(name: "m_hat", meaning: "m / bc1: bias-corrected first moment"),
                StateDescription(name: "v_hat", meaning: "v / bc2: bias-corrected second moment"),
                StateDescription(name: "bc1", meaning: "bias correction 1 − β₁^t"),
                StateDescription(name: "bc2", meaning: "bias correction 1 − β₂^t"),
                StateDescription(name: "vmax", meaning: "largest second moment so far (AMSGrad)"),
                .effectiveRate,
            ],
            explain: { OptimizerExplanation.adam($0, decoupled: decoupled) },
            curvatureModel: { values in .notModelled(decoupledWeightDecay: decoupled ? values.number("weight_decay") : 0) }
        ) { values in
            Adam(beta1: values.number("beta1"), beta2: values.number("beta2"), epsilon: values.number("eps"),
                 weightDecay: values.number("weight_decay"), decoupledWeightDecay: decoupled, amsgrad: values.flag("amsgrad"),
                 amsgradMaximum: OptimizerConvention(values) == .optax ? .afterBiasCorrection : .beforeBiasCorrection)
        }
    }
}

extension OptimizerExplanation {
    static func adam(_ values: OptionValues, decoupled: Bool) -> String {
        let beta1 = values.number("beta1"), beta2 = values.number("beta2")
        let b1 = number(beta1), b2 = number(beta2), eps = number(values.number("eps"))
        let decay = values.number("weight_decay")
        let convention = OptimizerConvention(values), amsgrad = values.flag("amsgrad")
        var lines = [decoupled ? "adamw — AdamW (Loshchilov & Hutter), \(conventionLine(values))"
                               : "adam — Adam (Kingma & Ba), \(conventionLine(values))"]
        if decoupled {
            lines.append("  g_t = ∇f(θ_{t-1})")
            if decay != 0 { lines.append("  θ_{t-1} ← θ_{t-1}·(1 − lr_t·\(number(decay)))        (decoupled weight decay, before the step)") }
        } else {
            lines.append(weightDecayLine(values))
        }
        lines += ["  m_t = \(b1)·m_{t-1} + \(number(1 - beta1))·g_t",
                  "  v_t = \(b2)·v_{t-1} + \(number(1 - beta2))·g_t²",
                  "  bc1 = 1 − \(b1)^t,   bc2 = 1 − \(b2)^t",
                  "  m̂_t = m_t / bc1,   v̂_t = v_t / bc2"]
        let denominator: String
        if amsgrad && convention == .optax {
            lines.append("  vmax_t = max(vmax_{t-1}, v̂_t)        (AMSGrad, maximum after bias correction as optax does)")
            denominator = "(√vmax_t + \(eps))"
        } else if amsgrad {
            lines.append("  vmax_t = max(vmax_{t-1}, v_t)        (AMSGrad, maximum before bias correction as PyTorch does)")
            denominator = "(√vmax_t / √bc2 + \(eps))"
        } else {
            denominator = "(√v̂_t + \(eps))"
        }
        lines.append("  θ_t = θ_{t-1} − lr_t·m̂_t / \(denominator)")
        lines.append(rate(values) + ".")
        if convention == .tutorial { lines.append("The tutorial writes Adam exactly as PyTorch does (ε outside the root).") }
        lines.append("Bias correction undoes the zero start: at t = 1, m̂ = g and v̂ = g², so the first step is about lr in every coordinate.")
        lines.append("lr_eff = lr_t / \(denominator): the per-parameter rate; the step is lr_eff·m̂_t.")
        return lines.joined(separator: "\n")
    }
}

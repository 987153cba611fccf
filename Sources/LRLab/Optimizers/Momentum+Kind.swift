extension OptimizerKind {
    /// `opt momentum`: heavy-ball momentum as PyTorch's SGD computes it (`Momentum`).
    public static let momentum = OptimizerKind(
        name: "momentum", summary: "heavy-ball momentum (PyTorch SGD): b ← μb + g, x ← x − lr·b",
        defaultLearningRate: 0.01,
        options: [
            .number("momentum", default: 0.9, range: 0...1, "momentum factor μ"),
            .number("dampening", default: 0, range: 0...1, "dampening d: b ← μb + (1−d)g"),
            .number("weight_decay", default: 0, "L2 penalty λ added to the gradient as λx"),
        ],
        states: [Momentum.velocityState],
        explain: { OptimizerExplanation.momentum($0, nesterov: false) },
        curvatureModel: { values in
            .heavyBall(momentum: values.number("momentum"), dampening: values.number("dampening"),
                       weightDecay: values.number("weight_decay"))
        }
    ) { values in
        Momentum(momentum: values.number("momentum"), dampening: values.number("dampening"),
                 weightDecay: values.number("weight_decay"))
    }

    /// `opt nesterov`: Nesterov momentum as PyTorch's SGD with nesterov=True computes it (`Momentum`).
    /// The look-ahead changes the error recurrence: the theory uses Nesterov's (`CurvatureModel.nesterov`).
    public static let nesterov = OptimizerKind(
        name: "nesterov", summary: "Nesterov momentum (PyTorch SGD nesterov=True): x ← x − lr·(g + μb)",
        defaultLearningRate: 0.01,
        options: [
            .number("momentum", default: 0.9, range: 0...1, "momentum factor μ"),
            .number("weight_decay", default: 0, "L2 penalty λ added to the gradient as λx"),
        ],
        states: [Momentum.velocityState],
        explain: { OptimizerExplanation.momentum($0, nesterov: true) },
        curvatureModel: { values in .nesterov(momentum: values.number("momentum"), weightDecay: values.number("weight_decay")) }
    ) { values in
        Momentum(momentum: values.number("momentum"), weightDecay: values.number("weight_decay"), nesterov: true)
    }
}

extension Momentum {
    /// `v`, the velocity buffer b_t.
    static let velocityState = StateDescription(name: "v", meaning: "velocity buffer b (sum of past gradients, decayed)")
}

extension OptimizerExplanation {
    static func momentum(_ values: OptionValues, nesterov: Bool) -> String {
        let mu = values.number("momentum")
        let dampening = nesterov ? 0 : values.number("dampening")
        var lines = [nesterov ? "nesterov — Nesterov momentum" : "momentum — heavy-ball momentum",
                     "convention: PyTorch SGD (torch.optim.SGD\(nesterov ? ", nesterov=True" : ""))",
                     weightDecayLine(values),
                     "  b_1 = g_1;   b_t = \(number(mu))·b_{t-1} + \(number(1 - dampening))·g_t",
                     nesterov ? "  θ_t = θ_{t-1} − lr_t·(g_t + \(number(mu))·b_t)" : "  θ_t = θ_{t-1} − lr_t·b_t",
                     rate(values) + ".",
                     "State `v` is the velocity buffer b_t. The rate stays outside it: the form with the rate inside"
                        + " (Sutskever et al. 2013), v_t = γv_{t-1} + η·g_t and θ_t = θ_{t-1} − v_t, gives the same path"
                        + " while lr is constant; here a schedule's change of lr rescales the whole velocity at once."]
        if mu < 1 {
            lines.append("On a steady slope b_t approaches \(number((1 - dampening) / (1 - mu)))·g, so the step is that many times plain gradient descent's.")
        }
        if nesterov { lines.append("Nesterov adds the look-ahead μ·b_t to the gradient, damping the overshoot of the heavy ball.") }
        return lines.joined(separator: "\n")
    }
}

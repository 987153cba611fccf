extension OptimizerKind {
    /// `opt adadelta`: Zeiler's Adadelta, or the tutorial's RMSProp-like form (`Adadelta`).
    public static let adadelta = OptimizerKind(
        name: "adadelta", summary: "Adadelta (Zeiler): RMS of past steps over RMS of gradients, no rate to tune",
        defaultLearningRate: 1.0,
        options: [
            .number("rho", default: 0.9, range: 0...1, "decay ρ of both running averages"),
            .number("eps", default: 1e-6, "ε inside both square roots"),
            .number("weight_decay", default: 0, "L2 penalty λ added to the gradient as λx"),
            OptimizerConvention.option,
        ],
        states: [
            StateDescription(name: "Eg2", meaning: "running mean of g²"),
            StateDescription(name: "Edx2", meaning: "running mean of squared steps"),
            .effectiveRate,
        ],
        resolve: { values in
            var values = values
            if OptimizerConvention(values) == .tutorial { values.setDefault("lr", 0.001) }
            return values
        },
        explain: OptimizerExplanation.adadelta
    ) { values in
        Adadelta(rho: values.number("rho"), epsilon: values.number("eps"), weightDecay: values.number("weight_decay"),
                 rmspropForm: OptimizerConvention(values) == .tutorial)
    }
}

extension OptimizerExplanation {
    static func adadelta(_ values: OptionValues) -> String {
        let rho = number(values.number("rho")), oneMinus = number(1 - values.number("rho")), eps = number(values.number("eps"))
        let zeiler = ["  E[g²]_t = \(rho)·E[g²]_{t-1} + \(oneMinus)·g_t²",
                      "  Δ_t     = √(E[Δ²]_{t-1} + \(eps)) / √(E[g²]_t + \(eps)) · g_t",
                      "  E[Δ²]_t = \(rho)·E[Δ²]_{t-1} + \(oneMinus)·Δ_t²",
                      "  θ_t     = θ_{t-1} − lr_t·Δ_t"]
        if OptimizerConvention(values) == .tutorial {
            return ["adadelta — convention: \(OptimizerConvention.tutorial.title)",
                    "The tutorial's \"Adadelta\" is really RMSProp with ε inside the root:",
                    weightDecayLine(values),
                    "  E[g²]_t = \(rho)·E[g²]_{t-1} + \(oneMinus)·g_t²",
                    "  θ_t     = θ_{t-1} − lr_t·g_t / √(E[g²]_t + \(eps))",
                    rate(values) + " (0.001 by default here: lr is the whole step size in this form).",
                    "lr_eff = lr_t / √(E[g²]_t + \(eps)).",
                    "Zeiler's Adadelta (convention=pytorch) replaces the hand-picked rate by the RMS of past steps:"]
                .joined(separator: "\n") + "\n" + zeiler.joined(separator: "\n")
        }
        return (["adadelta — Adadelta (Zeiler 2012), \(conventionLine(values))", weightDecayLine(values)] + zeiler + [
            rate(values) + " (PyTorch's default 1.0 leaves Zeiler's step unscaled).",
            "The step has the units of θ: RMS of past steps over RMS of gradients.",
            "Starting from E[Δ²] = 0 the first step is tiny, Δ_1 ≈ √(ε/(1 − ρ)) = \(number((values.number("eps") / (1 - values.number("rho"))).squareRoot())) whatever g, then steps grow as they are remembered.",
            "lr_eff = lr_t·√(E[Δ²]_{t-1} + \(eps)) / √(E[g²]_t + \(eps)): the rate the last step applied to g_t.",
        ]).joined(separator: "\n")
    }
}

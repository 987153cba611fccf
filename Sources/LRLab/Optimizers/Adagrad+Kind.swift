extension OptimizerKind {
    /// `opt adagrad`: Adagrad in the PyTorch, optax or tutorial convention (`Adagrad`).
    public static let adagrad = OptimizerKind(
        name: "adagrad", summary: "Adagrad: divide by the root of the sum of all squared gradients",
        defaultLearningRate: 0.01,
        options: [
            .number("lr_decay", default: 0, "rate decay: lr/(1 + (t−1)·lr_decay)"),
            .number("eps", default: 1e-10, "ε added to the denominator"),
            .number("initial_accumulator_value", default: 0, "starting value of the sum of squares"),
            .number("weight_decay", default: 0, "L2 penalty λ added to the gradient as λx"),
            OptimizerConvention.option,
        ],
        states: [StateDescription(name: "sum", meaning: "sum of all squared gradients"), .effectiveRate],
        resolve: { values in
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
        },
        explain: OptimizerExplanation.adagrad
    ) { values in
        Adagrad(learningRateDecay: values.number("lr_decay"), epsilon: values.number("eps"),
                epsilonInsideRoot: OptimizerConvention(values) != .pytorch,
                initialAccumulator: values.number("initial_accumulator_value"), weightDecay: values.number("weight_decay"))
    }
}

extension OptimizerExplanation {
    static func adagrad(_ values: OptionValues) -> String {
        let eps = number(values.number("eps")), decay = values.number("lr_decay")
        let inside = OptimizerConvention(values) != .pytorch
        let denominator = inside ? "√(s_t + \(eps))" : "(√s_t + \(eps))"
        let scaled = decay == 0 ? "lr_t" : "lr_t/(1 + (t−1)·\(number(decay)))"
        return ["adagrad — Adagrad, \(conventionLine(values))", weightDecayLine(values),
                "  s_t = s_{t-1} + g_t²,   s_0 = \(number(values.number("initial_accumulator_value")))",
                "  θ_t = θ_{t-1} − \(scaled)·g_t / \(denominator)",
                rate(values) + ".",
                "ε is \(inside ? "inside" : "outside") the square root. The sum only grows, so every rate only shrinks:",
                "lr_eff = \(scaled) / \(denominator), the per-parameter rate of the last step, never increases at a constant lr."]
            .joined(separator: "\n")
    }
}

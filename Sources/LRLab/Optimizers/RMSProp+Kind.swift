extension OptimizerKind {
    /// `opt rmsprop`: RMSProp in the PyTorch, optax or tutorial convention (`RMSProp`).
    public static let rmsprop = OptimizerKind(
        name: "rmsprop", summary: "RMSProp: divide by a running RMS of gradients, x ← x − lr·g/(√v + ε)",
        defaultLearningRate: 0.01,
        options: [
            .number("alpha", default: 0.99, range: 0...1, "decay α of the squared-gradient average"),
            .number("eps", default: 1e-8, "ε added to the denominator"),
            .number("momentum", default: 0, range: 0...1, "momentum on the scaled step (0 = off)"),
            OptionDefinition("centered", .flag(default: false), "divide by the variance instead of the mean square"),
            .number("weight_decay", default: 0, "L2 penalty λ added to the gradient as λx"),
            OptimizerConvention.option,
        ],
        states: [
            StateDescription(name: "v", meaning: "running mean of g²"),
            StateDescription(name: "g_avg", meaning: "running mean of g (centered)"),
            StateDescription(name: "buf", meaning: "momentum buffer of scaled steps"),
            .effectiveRate,
        ],
        resolve: { values in
            var values = values
            if OptimizerConvention(values) != .pytorch { values.setDefault("alpha", 0.9) }
            return values
        },
        explain: OptimizerExplanation.rmsprop
    ) { values in
        RMSProp(alpha: values.number("alpha"), epsilon: values.number("eps"),
                epsilonInsideRoot: OptimizerConvention(values) != .pytorch, momentum: values.number("momentum"),
                centered: values.flag("centered"), weightDecay: values.number("weight_decay"))
    }
}

extension OptimizerExplanation {
    static func rmsprop(_ values: OptionValues) -> String {
        let alpha = values.number("alpha"), eps = number(values.number("eps")), mu = values.number("momentum")
        let inside = OptimizerConvention(values) != .pytorch, centered = values.flag("centered")
        let square = centered ? "v_t − ḡ_t²" : "v_t"
        let root = centered ? "√(\(square))" : "√v_t"
        let denominator = inside ? "√(\(square) + \(eps))" : "(\(root) + \(eps))"
        var lines = ["rmsprop — RMSProp, \(conventionLine(values))", weightDecayLine(values),
                     "  v_t = \(number(alpha))·v_{t-1} + \(number(1 - alpha))·g_t²"]
        if centered { lines.append("  ḡ_t = \(number(alpha))·ḡ_{t-1} + \(number(1 - alpha))·g_t          (centered: use the variance)") }
        if mu > 0 {
            lines.append("  b_t = \(number(mu))·b_{t-1} + g_t / \(denominator)")
            lines.append("  θ_t = θ_{t-1} − lr_t·b_t")
        } else {
            lines.append("  θ_t = θ_{t-1} − lr_t·g_t / \(denominator)")
        }
        lines.append(rate(values) + ".")
        lines.append("ε is \(inside ? "inside" : "outside") the square root (\(inside ? "optax and the tutorial" : "PyTorch")); it matters only while v is tiny.")
        lines.append("lr_eff = lr_t / \(denominator): the per-parameter rate applied to the newest gradient.")
        return lines.joined(separator: "\n")
    }
}

extension OptimizerKind {
    /// `opt gd`: plain gradient descent, optionally with Gaussian gradient noise (`GradientDescent`).
    public static let gradientDescent = OptimizerKind(
        name: "gd", summary: "plain gradient descent: x ← x − lr·∇f(x) (noise= imitates mini-batches)",
        defaultLearningRate: 0.1,
        options: [
            .number("noise", default: 0, "standard deviation of Gaussian noise added to the gradient"),
            .integer("seed", default: 0, range: 0...Int(1 << 53), "seed of the noise generator"),
        ],
        states: [StateDescription(name: "noise", meaning: "noise added to the last gradient")],
        explain: OptimizerExplanation.gradientDescent,
        curvatureModel: { _ in .gradientDescent },
        gradientNoise: { $0.number("noise") }
    ) { values in
        GradientDescent(noise: values.number("noise"), seed: UInt64(Int(saturating: values.number("seed")).magnitude))
    }
}

extension OptimizerExplanation {
    static func gradientDescent(_ values: OptionValues) -> String {
        let noise = values.number("noise")
        var lines = ["gd — plain gradient descent"]
        if noise > 0 {
            lines.append("  g̃_t = ∇f(θ_{t-1}) + \(number(noise))·ξ_t,   ξ_t ~ N(0, 1) from seed \(Expr.format(values.number("seed")))")
            lines.append("  θ_t = θ_{t-1} − lr_t·g̃_t")
            lines.append("The noise imitates a mini-batch gradient; state `noise` is the \(number(noise))·ξ_t drawn at the last step.")
        } else {
            lines.append("  θ_t = θ_{t-1} − lr_t·∇f(θ_{t-1})")
        }
        lines.append(rate(values) + ".")
        lines.append("On a bowl of curvature λ each step multiplies the error by (1 − lr·λ): slow below lr = 1/λ, bouncing between 1/λ and 2/λ, diverging beyond.")
        lines.append("convention: plain gradient descent is the same in PyTorch, optax and the tutorial.")
        return lines.joined(separator: "\n")
    }
}

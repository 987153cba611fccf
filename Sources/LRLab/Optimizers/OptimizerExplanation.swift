/// The text of `explain NAME`: each optimizer's update rule with the current hyper-parameters
/// substituted, the convention it follows and what its state columns mean. Pure functions of
/// the (resolved) option values; `OptimizerKind.explain` calls them.
enum OptimizerExplanation {
    /// A number as the explanation prints it: at most 12 significant digits, so 1 − 0.9 reads `0.1`.
    static func number(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return Expr.format(value) }
        let magnitude = _pow(10, 11 - (_log(Swift.abs(value)) / _log(10)).rounded(.down))
        let rounded = (value * magnitude).rounded() / magnitude
        return Expr.format(rounded.isFinite ? rounded : value)
    }

    private static func rate(_ values: OptionValues) -> String {
        "lr_t is the rate in force at step t: lr = \(number(values.number("lr"))) unless a schedule changes it"
    }

    private static func weightDecayLine(_ values: OptionValues) -> String {
        let decay = values.number("weight_decay")
        return decay == 0 ? "  g_t = ∇f(θ_{t-1})" : "  g_t = ∇f(θ_{t-1}) + \(number(decay))·θ_{t-1}        (L2 weight decay)"
    }

    private static func conventionLine(_ values: OptionValues) -> String {
        "convention: \(OptimizerConvention(values).title)"
    }

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
        return lines.joined(separator: "\n")
    }

    static func momentum(_ values: OptionValues, nesterov: Bool) -> String {
        let mu = values.number("momentum")
        let dampening = nesterov ? 0 : values.number("dampening")
        var lines = [nesterov ? "nesterov — Nesterov momentum" : "momentum — heavy-ball momentum",
                     "convention: PyTorch SGD (torch.optim.SGD\(nesterov ? ", nesterov=True" : ""))",
                     weightDecayLine(values),
                     "  b_1 = g_1;   b_t = \(number(mu))·b_{t-1} + \(number(1 - dampening))·g_t",
                     nesterov ? "  θ_t = θ_{t-1} − lr_t·(g_t + \(number(mu))·b_t)" : "  θ_t = θ_{t-1} − lr_t·b_t",
                     rate(values) + ".",
                     "State `v` is the velocity buffer b_t. The rate stays outside it: the tutorial's v_t = γv_{t-1} + η·g_t",
                     "gives the same path while lr is constant; here a schedule's change of lr rescales the whole velocity at once."]
        if mu < 1 {
            lines.append("On a steady slope b_t approaches \(number((1 - dampening) / (1 - mu)))·g, so the step is that many times plain gradient descent's.")
        }
        if nesterov { lines.append("Nesterov adds the look-ahead μ·b_t to the gradient, damping the overshoot of the heavy ball.") }
        return lines.joined(separator: "\n")
    }

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
            "The step has the units of θ: RMS of past steps over RMS of gradients. Starting from E[Δ²] = 0 the first step is",
            "tiny, Δ_1 ≈ √(ε/(1 − ρ)) = \(number((values.number("eps") / (1 - values.number("rho"))).squareRoot())) whatever g, then steps grow as they are remembered.",
            "lr_eff = lr_t·√(E[Δ²]_{t-1} + \(eps)) / √(E[g²]_t + \(eps)): the rate the last step applied to g_t.",
        ]).joined(separator: "\n")
    }

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

/// The pieces the `explain NAME` texts share: numbers, the rate line, the L2 weight-decay line
/// and the convention line. Each kind's own text (the update rule with the current
/// hyper-parameters substituted, the convention it follows, what its state columns mean) is
/// declared beside its `OptimizerKind`, as a pure function of the (resolved) option values.
enum OptimizerExplanation {
    /// A number as the explanation prints it: at most 12 significant digits, so 1 − 0.9 reads `0.1`.
    static func number(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return Expr.format(value) }
        let magnitude = _pow(10, 11 - (_log(Swift.abs(value)) / _log(10)).rounded(.down))
        let rounded = (value * magnitude).rounded() / magnitude
        return Expr.format(rounded.isFinite ? rounded : value)
    }

    static func rate(_ values: OptionValues) -> String {
        "lr_t is the rate in force at step t: lr = \(number(values.number("lr"))) unless a schedule changes it"
    }

    static func weightDecayLine(_ values: OptionValues) -> String {
        let decay = values.number("weight_decay")
        return decay == 0 ? "  g_t = ∇f(θ_{t-1})" : "  g_t = ∇f(θ_{t-1}) + \(number(decay))·θ_{t-1}        (L2 weight decay)"
    }

    static func conventionLine(_ values: OptionValues) -> String {
        "convention: \(OptimizerConvention(values).title)"
    }
}

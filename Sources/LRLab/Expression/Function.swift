/// The built-in functions of one argument, defined once: the tree walker (`Expr.value`),
/// the simplifier's folding and the compiled tape (`Instruction.Operation.call`) all call
/// `apply`, so they cannot disagree on a value.
public enum Function: String, CaseIterable, Hashable, Sendable {
    case sin, cos, tan, exp, log, sqrt, abs, tanh
    /// The sign of the argument (-1, 0 or 1): the derivative of `abs`.
    case sign

    /// The function at `value`: the C library's functions, IEEE square root and
    /// magnitude, and for `sign` a NaN argument's own NaN.
    public func apply(_ value: Double) -> Double {
        switch self {
        case .sin: return _sin(value)
        case .cos: return _cos(value)
        case .tan: return _tan(value)
        case .exp: return _exp(value)
        case .log: return _log(value)
        case .sqrt: return value.squareRoot()
        case .abs: return Swift.abs(value)
        case .tanh: return _tanh(value)
        case .sign: return value > 0 ? 1 : (value < 0 ? -1 : (value.isNaN ? value : 0))
        }
    }
}

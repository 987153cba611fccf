/// Symbolic differentiation. The result is built with the simplifying constructors, so
/// `diff` shows `2*(x - 3)`, not `2*(x - 3)^1*(1 - 0)`.
extension Expr {
    /// d(self)/d(name), simplified.
    public func derivative(withRespectTo name: String) -> Expr {
        switch self {
        case .number, .constant:
            return .number(0)
        case .variable(let other):
            return .number(other == name ? 1 : 0)
        case .negate(let operand):
            return .negating(operand.derivative(withRespectTo: name))
        case .call(let function, let argument):
            let inner = argument.derivative(withRespectTo: name)
            if inner.isNumber(0) { return .number(0) }
            return .multiplying(function.derivative(at: argument), inner)
        case .binary(let op, let a, let b):
            let da = a.derivative(withRespectTo: name)
            let db = b.derivative(withRespectTo: name)
            switch op {
            case .add: return .adding(da, db)
            case .subtract: return .subtracting(da, db)
            case .multiply:
                return .adding(.multiplying(da, b), .multiplying(a, db))
            case .divide:
                if db.isNumber(0) { return .dividing(da, b) }
                // (a'b - ab') / b^2
                return .dividing(.subtracting(.multiplying(da, b), .multiplying(a, db)), .raising(b, .number(2)))
            case .power:
                if db.isNumber(0) {
                    // d(a^k) = k a^(k-1) a'
                    return .multiplying(.multiplying(b, .raising(a, .subtracting(b, .number(1)))), da)
                }
                if da.isNumber(0) {
                    // d(c^b) = c^b log(c) b'
                    return .multiplying(.multiplying(self, .applying(.log, a)), db)
                }
                // d(a^b) = a^b (b' log a + b a'/a)
                return .multiplying(self, .adding(.multiplying(db, .applying(.log, a)),
                                                  .dividing(.multiplying(b, da), a)))
            }
        }
    }
}

extension Function {
    /// The derivative of the function itself, evaluated at `argument` (chain rule's outer factor).
    func derivative(at argument: Expr) -> Expr {
        switch self {
        case .sin: return .applying(.cos, argument)
        case .cos: return .negating(.applying(.sin, argument))
        case .tan: return .dividing(.number(1), .raising(.applying(.cos, argument), .number(2)))
        case .exp: return .applying(.exp, argument)
        case .log: return .dividing(.number(1), argument)
        case .sqrt: return .dividing(.number(1), .multiplying(.number(2), .applying(.sqrt, argument)))
        case .abs: return .applying(.sign, argument)
        case .tanh: return .subtracting(.number(1), .raising(.applying(.tanh, argument), .number(2)))
        case .sign: return .number(0)
        }
    }
}

/// Algebraic simplification: the smart constructors that both `simplified()` and the
/// derivative use, so a derivative is born without `0*x + 1*1` noise.
///
/// The rules only rewrite to equal values where both sides are defined (they may turn
/// `0/x` into `0`, which is the limit everywhere but at `x = 0`). Numbers are folded
/// only when the result prints as exactly (`2*3` becomes `6`, `1/3` stays `1/3`).
extension Expr {
    /// The tree rewritten bottom-up with the simplification rules.
    public func simplified() -> Expr {
        switch self {
        case .number, .constant, .variable: return self
        case .negate(let operand): return .negating(operand.simplified())
        case .call(let function, let argument): return .applying(function, argument.simplified())
        case .binary(let op, let left, let right):
            return .combining(op, left.simplified(), right.simplified())
        }
    }

    var numberValue: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    func isNumber(_ value: Double) -> Bool { numberValue == value }

    /// A term as coefficient times the rest: `3*x` is (3, x), `-x` is (-1, x), `x` is (1, x).
    private var coefficientAndRest: (Double, Expr) {
        switch self {
        case .binary(.multiply, .number(let k), let rest): return (k, rest)
        case .negate(let inner):
            let (k, rest) = inner.coefficientAndRest
            return (-k, rest)
        default: return (1, self)
        }
    }

    private static func folded(_ value: Double) -> Expr? {
        guard value.isFinite else { return nil }
        return .number(value == 0 ? 0 : value)
    }

    /// Whether a folded quotient or power prints as an exact short number.
    private static func isTidy(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        if value.rounded() == value, Swift.abs(value) < 1e15 { return true }
        return "\(value)".count <= 8
    }

    static func negating(_ operand: Expr) -> Expr {
        switch operand {
        case .number(let value): return .number(value == 0 ? 0 : -value)
        case .negate(let inner): return inner
        case .binary(.subtract, let a, let b): return .binary(.subtract, b, a)
        case .binary(.multiply, .number(let k), let rest): return .binary(.multiply, .number(-k), rest)
        default: return .negate(operand)
        }
    }

    static func applying(_ function: Function, _ argument: Expr) -> Expr {
        if case .number(let value) = argument {
            let result = function.apply(value)
            if result.isFinite, result.rounded() == result { return .number(result == 0 ? 0 : result) }
        }
        switch (function, argument) {
        case (.log, .constant(.e)): return .number(1)
        case (.log, .call(.exp, let inner)): return inner
        case (.abs, .negate(let inner)): return .call(.abs, inner)
        default: return .call(function, argument)
        }
    }

    static func combining(_ op: BinaryOperator, _ a: Expr, _ b: Expr) -> Expr {
        switch op {
        case .add: return adding(a, b)
        case .subtract: return subtracting(a, b)
        case .multiply: return multiplying(a, b)
        case .divide: return dividing(a, b)
        case .power: return raising(a, b)
        }
    }

    static func adding(_ a: Expr, _ b: Expr) -> Expr {
        if let x = a.numberValue, let y = b.numberValue, let sum = folded(x + y) { return sum }
        if a.isNumber(0) { return b }
        if b.isNumber(0) { return a }
        if case .negate(let inner) = b { return subtracting(a, inner) }
        if let y = b.numberValue, y < 0 { return subtracting(a, .number(-y)) }
        if case .negate(let inner) = a { return subtracting(b, inner) }
        if case .binary(.multiply, .number(let k), let rest) = b, k < 0 { return subtracting(a, multiplying(.number(-k), rest)) }
        let (ka, ra) = a.coefficientAndRest, (kb, rb) = b.coefficientAndRest
        if ra == rb, a.numberValue == nil { return multiplying(.number(ka + kb), ra) }
        return .binary(.add, a, b)
    }

    static func subtracting(_ a: Expr, _ b: Expr) -> Expr {
        if let x = a.numberValue, let y = b.numberValue, let difference = folded(x - y) { return difference }
        if b.isNumber(0) { return a }
        if a.isNumber(0) { return negating(b) }
        if a == b { return .number(0) }
        if case .negate(let inner) = b { return adding(a, inner) }
        if let y = b.numberValue, y < 0 { return adding(a, .number(-y)) }
        if case .binary(.multiply, .number(let k), let rest) = b, k < 0 { return adding(a, multiplying(.number(-k), rest)) }
        let (ka, ra) = a.coefficientAndRest, (kb, rb) = b.coefficientAndRest
        if ra == rb, a.numberValue == nil { return multiplying(.number(ka - kb), ra) }
        return .binary(.subtract, a, b)
    }

    static func multiplying(_ a: Expr, _ b: Expr) -> Expr {
        if let x = a.numberValue, let y = b.numberValue, let product = folded(x * y) { return product }
        if a.isNumber(0) || b.isNumber(0) { return .number(0) }
        if a.isNumber(1) { return b }
        if b.isNumber(1) { return a }
        if a.isNumber(-1) { return negating(b) }
        if b.isNumber(-1) { return negating(a) }
        if case .negate(let inner) = a { return negating(multiplying(inner, b)) }
        if case .negate(let inner) = b { return negating(multiplying(a, inner)) }
        if b.numberValue != nil, a.numberValue == nil { return multiplying(b, a) }
        if case .binary(.multiply, .number(let k), let rest) = a, b.numberValue == nil {
            return multiplying(.number(k), multiplying(rest, b))
        }
        if let x = a.numberValue {
            if case .binary(.multiply, .binary(.multiply, .number(let y), let rest), let right) = b, let product = folded(x * y) {
                return multiplying(product, multiplying(rest, right))
            }
            if case .binary(.multiply, .number(let y), let rest) = b, let product = folded(x * y) {
                return multiplying(product, rest)
            }
            if case .binary(.divide, .number(let y), let rest) = b, let product = folded(x * y) {
                return dividing(product, rest)
            }
        }
        // Move a number out of the right factor: x*(2*y) is 2*(x*y).
        if a.numberValue == nil, case .binary(.multiply, .number(let k), let rest) = b {
            return multiplying(.number(k), multiplying(a, rest))
        }
        if a == b { return raising(a, .number(2)) }
        let (baseA, powerA) = a.baseAndExponent, (baseB, powerB) = b.baseAndExponent
        if baseA == baseB, let p = powerA.numberValue, let q = powerB.numberValue {
            return raising(baseA, .number(p + q))
        }
        return .binary(.multiply, a, b)
    }

    private var baseAndExponent: (Expr, Expr) {
        if case .binary(.power, let base, let exponent) = self { return (base, exponent) }
        return (self, .number(1))
    }

    static func dividing(_ a: Expr, _ b: Expr) -> Expr {
        if let x = a.numberValue, let y = b.numberValue, y != 0, isTidy(x / y) { return .number(x / y == 0 ? 0 : x / y) }
        if b.isNumber(1) { return a }
        if let y = b.numberValue, y != 0, case .binary(.multiply, .number(let k), let rest) = a, isTidy(k / y) {
            return multiplying(.number(k / y), rest)
        }
        if a.isNumber(0), !b.isNumber(0) { return .number(0) }
        if a == b, !b.isNumber(0) { return .number(1) }
        if case .negate(let inner) = a { return negating(dividing(inner, b)) }
        if case .negate(let inner) = b { return negating(dividing(a, inner)) }
        let (baseA, powerA) = a.baseAndExponent, (baseB, powerB) = b.baseAndExponent
        if baseA == baseB, let p = powerA.numberValue, let q = powerB.numberValue, p > q {
            return raising(baseA, .number(p - q))
        }
        return .binary(.divide, a, b)
    }

    static func raising(_ a: Expr, _ b: Expr) -> Expr {
        if let x = a.numberValue, let y = b.numberValue {
            let value = _pow(x, y)
            if isTidy(value), value.rounded() == value { return .number(value == 0 ? 0 : value) }
        }
        if b.isNumber(0) { return .number(1) }
        if b.isNumber(1) { return a }
        if a.isNumber(1) { return .number(1) }
        if case .binary(.power, let base, .number(let p)) = a, let q = b.numberValue, q.rounded() == q {
            return raising(base, .number(p * q))
        }
        return .binary(.power, a, b)
    }
}

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
        return SignedTerms(a).adding(b, sign: 1).expression
    }

    static func subtracting(_ a: Expr, _ b: Expr) -> Expr {
        if let x = a.numberValue, let y = b.numberValue, let difference = folded(x - y) { return difference }
        if b.isNumber(0) { return a }
        if a.isNumber(0) { return negating(b) }
        if a == b { return .number(0) }
        return SignedTerms(a).adding(b, sign: -1).expression
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
        // Gather a repeated last factor into a power: c*pi*pi is c*pi^2.
        if case .binary(.multiply, let p, let q) = a {
            let (baseQ, powerQ) = q.baseAndExponent
            if baseQ == baseB, let m = powerQ.numberValue, let n = powerB.numberValue {
                return multiplying(p, raising(baseQ, .number(m + n)))
            }
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

/// A sum written as signed terms, coefficient × rest, so that `adding` and `subtracting` can
/// gather like terms across a whole sum: (y − x²) − 2·x² is y − 3·x², and −1 + y is y − 1.
///
/// Terms keep the order in which they first appear, except that a sum never starts with a
/// negative term when it has a positive one (the first positive term moves to the front).
/// Numbers gather into one constant term where the first number stood.
private struct SignedTerms {
    /// (coefficient, rest); a constant has rest nil.
    private var terms: [(coefficient: Double, rest: Expr?)] = []

    /// The terms of `expression`, taken as they are: the constructors have gathered them
    /// already, so building a sum of n terms one at a time costs O(n²) comparisons, not O(n³).
    init(_ expression: Expr) {
        add(expression, sign: 1, gathering: false)
    }

    /// These terms with those of `expression` (times `sign`) gathered into them.
    func adding(_ expression: Expr, sign: Double) -> SignedTerms {
        var copy = self
        copy.add(expression, sign: sign, gathering: true)
        return copy
    }

    private mutating func add(_ expression: Expr, sign: Double, gathering: Bool) {
        switch expression {
        case .binary(.add, let a, let b):
            add(a, sign: sign, gathering: gathering)
            add(b, sign: sign, gathering: gathering)
        case .binary(.subtract, let a, let b):
            add(a, sign: sign, gathering: gathering)
            add(b, sign: -sign, gathering: gathering)
        case .negate(let inner):
            add(inner, sign: -sign, gathering: gathering)
        case .number(let value):
            gather(sign * value, nil, gathering: gathering)
        case .binary(.multiply, .number(let k), let rest):
            gather(sign * k, rest, gathering: gathering)
        default:
            gather(sign, expression, gathering: gathering)
        }
    }

    private mutating func gather(_ coefficient: Double, _ rest: Expr?, gathering: Bool) {
        // Numbers always gather into one constant.
        if gathering || rest == nil, let index = terms.firstIndex(where: { $0.rest == rest }) {
            terms[index].coefficient += coefficient
        } else {
            terms.append((coefficient, rest))
        }
    }

    /// The sum rebuilt, or a single term, or 0 when everything cancelled.
    var expression: Expr {
        var kept = terms.filter { $0.coefficient != 0 }
        guard !kept.isEmpty else { return .number(0) }
        if kept[0].coefficient < 0, let positive = kept.firstIndex(where: { $0.coefficient > 0 }) {
            kept.insert(kept.remove(at: positive), at: 0)
        }
        var result = SignedTerms.term(kept[0].coefficient, kept[0].rest)
        for (coefficient, rest) in kept.dropFirst() {
            if coefficient < 0 {
                result = .binary(.subtract, result, SignedTerms.term(-coefficient, rest))
            } else {
                result = .binary(.add, result, SignedTerms.term(coefficient, rest))
            }
        }
        return result
    }

    private static func term(_ coefficient: Double, _ rest: Expr?) -> Expr {
        guard let rest else { return .number(coefficient == 0 ? 0 : coefficient) }
        if coefficient == 1 { return rest }
        if coefficient == -1 { return .negate(rest) }
        return .binary(.multiply, .number(coefficient), rest)
    }
}

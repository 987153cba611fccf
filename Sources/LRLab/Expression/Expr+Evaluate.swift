/// Why a formula has no value at a point: the first operation that left the real numbers.
public struct EvaluationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }

    /// Not a property of the loss: Ctrl-C stopped the evaluation (`Run.init`'s `shouldStop`).
    public static let interrupted = EvaluationError("interrupted while evaluating the start")
}

/// The reference evaluator: walks the tree. The compiled form is checked against it.
extension Expr {
    /// The value with `names[i]` bound to `point[i]`. Non-finite results propagate as NaN or
    /// infinity; `checkedValue` says why.
    public func value(names: [String], at point: [Double]) -> Double {
        switch self {
        case .number(let value): return value
        case .constant(let constant): return constant.value
        case .variable(let name):
            guard let index = names.firstIndex(of: name), index < point.count else { return .nan }
            return point[index]
        case .negate(let operand): return -operand.value(names: names, at: point)
        case .call(let function, let argument): return function.apply(argument.value(names: names, at: point))
        case .binary(let op, let left, let right):
            let a = left.value(names: names, at: point), b = right.value(names: names, at: point)
            switch op {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide: return a / b
            case .power: return Expr.power(a, b)
            }
        }
    }

    /// `a^b` with the conventions the compiled form shares: integer exponents by repeated
    /// multiplication semantics of `pow`, so `(-2)^3 = -8`.
    static func power(_ a: Double, _ b: Double) -> Double {
        if b == 2 { return a * a }
        return _pow(a, b)
    }

    /// The value, or the reason there is none: division by zero, log or sqrt outside their
    /// domain, overflow.
    public func checkedValue(names: [String], at point: [Double]) throws(EvaluationError) -> Double {
        switch self {
        case .number, .constant, .variable:
            return value(names: names, at: point)
        case .negate(let operand):
            return -(try operand.checkedValue(names: names, at: point))
        case .call(let function, let argument):
            let x = try argument.checkedValue(names: names, at: point)
            switch function {
            case .log where x == 0: throw EvaluationError("log of zero in log(\(argument)), where \(argument) = 0")
            case .log where x < 0: throw EvaluationError("log of a negative number in log(\(argument)), where \(argument) = \(Expr.format(x))")
            case .sqrt where x < 0: throw EvaluationError("sqrt of a negative number in sqrt(\(argument)), where \(argument) = \(Expr.format(x))")
            default: break
            }
            let result = function.apply(x)
            if !result.isFinite { throw EvaluationError("\(function.rawValue)(\(Expr.format(x))) overflows in \(self)") }
            return result
        case .binary(let op, let left, let right):
            let a = try left.checkedValue(names: names, at: point)
            let b = try right.checkedValue(names: names, at: point)
            if op == .divide, b == 0 { throw EvaluationError("division by zero in \(self), where \(right) = 0") }
            let result: Double
            switch op {
            case .add: result = a + b
            case .subtract: result = a - b
            case .multiply: result = a * b
            case .divide: result = a / b
            case .power:
                result = Expr.power(a, b)
                if result.isNaN { throw EvaluationError("negative base \(Expr.format(a)) raised to the non-integer power \(Expr.format(b)) in \(self)") }
                if a == 0, b < 0 { throw EvaluationError("division by zero: 0 raised to the negative power \(Expr.format(b)) in \(self)") }
            }
            if !result.isFinite { throw EvaluationError("overflow in \(self): the value exceeds the largest double") }
            return result
        }
    }
}

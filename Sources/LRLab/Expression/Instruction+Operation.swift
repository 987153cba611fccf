extension Instruction {
    /// What an instruction computes: the SSA graph's operations (arithmetic, powers,
    /// functions) and the forms only laid-out tapes use (immediates, super-instructions,
    /// `copy`, `stop`).
    enum Operation: Hashable, Sendable {
        case add, subtract, multiply, divide
        /// `Expr.power`: `a*a` when the exponent is 2 at run time, else `pow`.
        case power
        /// `pow(a, K)` where `K` (the immediate `k`; operand `b` in the SSA graph) is a literal
        /// other than 2.
        case powerLiteral
        /// `a + K`, `a * K`, `a - K`, `K - a`, `a / K`, `K / a`: one operand is the immediate
        /// `k`. Only in laid-out tapes, never in the SSA graph.
        case addImmediate, multiplyImmediate, subtractImmediate, subtractFromImmediate, divideByImmediate, divideImmediate
        /// `a*a`.
        case square
        /// Super-instructions: two operations in one dispatch, for pairs where the first
        /// result has no other use (see `TapeBuilder.fuse`). Each performs the pair's two IEEE
        /// operations in the pair's order, so it rounds exactly as the two instructions would
        /// (no fused multiply-add). `K` is the instruction's immediate `k`. Only in laid-out
        /// tapes.
        ///
        /// `(a*a)*K`.
        case squareMultiplyImmediate
        /// `(a*b)*K`.
        case multiplyMultiplyImmediate
        /// `a - b*b`.
        case subtractSquare
        /// `a + b*b`.
        case addSquare
        /// `a*K - b`.
        case multiplyImmediateSubtract
        /// `a - b*K`.
        case subtractMultiplyImmediate
        /// `a*K + b`.
        case multiplyImmediateAdd
        /// `(a*a)*K + b*b`.
        case squareMultiplyImmediateAddSquare
        /// `a*K + (b*c)*L`, with `L` the second immediate `k2`.
        case multiplyImmediateAddScaledProduct
        case negate
        /// `a` itself: puts an output no instruction computes in its register (an input, or
        /// an output listed twice). Only in laid-out tapes.
        case copy
        /// The end of the tape: every laid-out tape ends with one, so the run loop needs no count.
        case stop
        /// An elementary function, `Function.apply`: the definition the tree walker calls.
        case call(Function)

        var isCommutative: Bool { self == .add || self == .multiply }

        /// The operation on plain values: the one place its arithmetic is written, used both
        /// when folding literals and when running the tape. Immediate forms take the literal
        /// as `b`.
        @inline(__always)
        func apply(_ a: Double, _ b: Double) -> Double {
            switch self {
            case .add, .addImmediate: return a + b
            case .multiplyImmediate: return a * b
            case .subtractImmediate: return a - b
            case .subtractFromImmediate: return b - a
            case .divideByImmediate: return a / b
            case .divideImmediate: return b / a
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide: return a / b
            case .power: return Expr.power(a, b)
            case .powerLiteral: return _pow(a, b)
            case .square: return a * a
            case .negate: return -a
            case .copy: return a
            case .call(let function): return function.apply(a)
            case .squareMultiplyImmediate, .multiplyMultiplyImmediate, .subtractSquare, .addSquare,
                 .multiplyImmediateSubtract, .subtractMultiplyImmediate, .multiplyImmediateAdd,
                 .squareMultiplyImmediateAddSquare, .multiplyImmediateAddScaledProduct:
                preconditionFailure("a super-instruction has three operands and is never folded")
            case .stop:
                preconditionFailure("the end of the tape is not an operation")
            }
        }
    }
}

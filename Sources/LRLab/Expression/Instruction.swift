/// One operation of the tape: `registers[destination] = op(registers[a], registers[b])`, or
/// `op(registers[a], k)` for the immediate forms, where `k` is the literal itself. Unary
/// operations ignore `b`; super-instructions read `a`, `b`, `c`, `k` and `k2` as their forms
/// say. 40 bytes: the literals are carried in the instruction, not as indices into a pool.
struct Instruction: Sendable {
    var operation: Operation
    var destination: Int32
    var a: Int32
    var b: Int32 = 0
    /// The third register operand, for the forms that have one.
    var c: Int32 = 0
    /// The immediate operand `K`, for the forms that have one.
    var k: Double = 0
    /// The second immediate `L`, for the forms that have two.
    var k2: Double = 0

    /// Runs the instruction at `instruction`; false for the `stop` that ends every tape. One
    /// `switch`, each case performing the same IEEE operations, in the same order, as
    /// `Operation.apply` (which constant folding uses) and the tree walker.
    ///
    /// It reads the fields through the pointer rather than taking a copy of the instruction,
    /// so that each case loads only the operands it uses; an immediate then folds into the
    /// arithmetic as a memory operand.
    @inline(__always)
    static func execute(_ instruction: UnsafePointer<Instruction>, _ registers: UnsafeMutablePointer<Double>) -> Bool {
        let x = registers[Int(instruction.pointee.a)]
        var y: Double { registers[Int(instruction.pointee.b)] }
        var k: Double { instruction.pointee.k }
        let result: Double
        switch instruction.pointee.operation {
        case .stop: return false
        case .addImmediate: result = x + k
        case .multiplyImmediate: result = x * k
        case .subtractImmediate: result = x - k
        case .subtractFromImmediate: result = k - x
        case .divideByImmediate: result = x / k
        case .divideImmediate: result = k / x
        case .powerLiteral: result = _pow(x, k)
        case .add: result = x + y
        case .subtract: result = x - y
        case .multiply: result = x * y
        case .divide: result = x / y
        case .power: result = Expr.power(x, y)
        case .square: result = x * x
        case .negate: result = -x
        case .copy: result = x
        case .squareMultiplyImmediate: result = (x * x) * k
        case .multiplyMultiplyImmediate: result = (x * y) * k
        case .subtractSquare:
            let y = y
            result = x - y * y
        case .addSquare:
            let y = y
            result = x + y * y
        case .multiplyImmediateSubtract: result = x * k - y
        case .subtractMultiplyImmediate: result = x - y * k
        case .multiplyImmediateAdd: result = x * k + y
        case .squareMultiplyImmediateAddSquare:
            let y = y
            result = (x * x) * k + y * y
        case .multiplyImmediateAddScaledProduct:
            let y = y
            result = x * k + (y * registers[Int(instruction.pointee.c)]) * instruction.pointee.k2
        case .call(let function): result = function.apply(x)
        }
        registers[Int(instruction.pointee.destination)] = result
        return true
    }
}

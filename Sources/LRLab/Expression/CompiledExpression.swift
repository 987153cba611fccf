/// Several formulas over the same variables compiled together into one flat tape, evaluated
/// in a single pass: for an objective, the loss and every gradient component at once.
///
/// **The tape.** Each node of the input trees becomes an SSA value; identical subtrees (same
/// operation on the same SSA operands) become one value, across all the formulas, so the
/// `y - x^2` that the loss and both partial derivatives of Rosenbrock contain is computed
/// once. Numbers, constants and any operation whose operands are all literals are folded at
/// compile time into a literal pool; an operation with one literal operand reads it from the
/// pool as an immediate (`100*r` is one `multiplyImmediate`). `a^2` with a literal 2 becomes
/// `a*a`; other literal exponents call `pow` directly; a computed exponent keeps
/// `Expr.power`'s run-time test. Values no output needs are dropped, then a linear scan
/// assigns the SSA values to a small register file, reusing a register as soon as its value
/// has had its last use. Before that, a value used exactly once is fused into the
/// instruction that uses it when the pair has a super-instruction (`a - b*b`, `(a*a)*K`,
/// `(a*b)*K`, `a*K - b`, ...): the same two operations in one dispatch, with no register
/// store and reload in between, which took Rosenbrock's loss and gradient from 12
/// instructions to 7 and a loss-and-gradient call from ~15 ns to ~12.5 ns (the dispatch, not
/// the arithmetic, is most of a tape's cost). Evaluation is one loop over the instructions
/// with one `switch`.
///
/// **Bit-for-bit equality with the tree walker.** For every output, `evaluate` returns
/// exactly the bits `Expr.value(names:at:)` returns, except that where the reference gives a
/// NaN the compiled form gives *a* NaN (its sign or payload may differ). This holds because
/// the tape performs the same IEEE operations on the same operands: sharing only reuses a
/// value the tree walker would compute again identically (every operation is a pure
/// function of its operands), folding performs the same operation at compile time, `a*a` is
/// what `Expr.power` itself does for exponent 2, a super-instruction performs its pair's
/// two operations in order with two roundings, other powers still call `pow`, and the
/// elementary functions call the same C library functions. The only reordering is that the
/// operands of `+` and `*` are put in a canonical order to share `a*b` with `b*a`; IEEE 754
/// addition and multiplication are commutative, bit for bit, except for which NaN payload
/// propagates. Swift does not contract `a*b + c` into a fused multiply-add, so there is no
/// other difference in rounding. Powers with small integer exponents other than 2 are *not*
/// expanded into multiplications: `x*x*x` rounds twice and can differ from `pow(x, 3)`.
///
/// **No allocation per evaluation.** The tape (instructions, literal pool, output registers)
/// is laid out once in memory owned by an immutable class, so `CompiledExpression` is a
/// `Sendable` value that can sit in a `let`, and running the tape reads plain pointers with
/// no reference counting. Each evaluation's register file is stack memory: a local tuple
/// when it needs at most 16 registers, else `withUnsafeTemporaryAllocation`, where the
/// standard library always puts requests of at most 1024 bytes (128 registers) on the stack,
/// and larger ones too when the thread's stack has room (a runtime check, not an
/// allocation); only past that does it fall back to the heap. Register reuse keeps the file
/// small: Rosenbrock's loss and gradient take 7 instructions and 6 registers. The benchmark
/// package (`Benchmarks/`) counts `malloc` calls around a million evaluations to confirm
/// that none happen.
public struct CompiledExpression: Sendable {
    /// The variables, in the order a point lists their values.
    public let variables: [String]
    /// Number of formulas compiled; `evaluate` produces one value per formula.
    public let outputCount: Int
    /// The tape itself, in memory that evaluation reads through plain pointers.
    let tape: Tape

    /// Compiles `formulas` over `variables`. A variable not in `variables` evaluates to NaN,
    /// as in `Expr.value(names:at:)`.
    public init(_ formulas: [Expr], variables: [String]) {
        var builder = TapeBuilder(variables: variables)
        let roots = formulas.map { builder.value(of: $0) }
        let tape = builder.finish(outputs: roots)
        self.variables = variables
        self.outputCount = formulas.count
        self.tape = Tape(inputCount: variables.count, instructions: tape.instructions, literals: tape.literals,
                         registerLiterals: tape.registerLiterals, outputs: tape.outputs, registerCount: tape.registerCount)
    }

    /// Number of operations performed per evaluation.
    public var instructionCount: Int { tape.instructionCount }
    /// Size of the register file.
    public var registerCount: Int { tape.registerCount }

    /// The first output at `point`; the remaining outputs are written to `rest[0...]`, whose
    /// count must be at least `outputCount - 1`. Allocates nothing when `rest` is uniquely
    /// referenced.
    public func evaluate(at point: [Double], rest: inout [Double]) -> Double {
        let tape = self.tape
        precondition(tape.outputCount >= 1 && rest.count >= tape.outputCount - 1, "too few slots for the outputs")
        // Written out twice, not through a generic helper taking a closure: that version
        // did not inline and cost twice as much.
        if tape.registerCount <= smallRegisterFileCount {
            var file = emptySmallRegisterFile
            return withUnsafeMutableBytes(of: &file) { bytes in
                tape.evaluate(bytes.baseAddress!.assumingMemoryBound(to: Double.self), point: point, rest: &rest)
            }
        }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: tape.registerCount) { file in
            tape.evaluate(file.baseAddress!, point: point, rest: &rest)
        }
    }

    /// The first output at `point`. Allocates nothing.
    public func evaluateFirst(at point: [Double]) -> Double {
        let tape = self.tape
        precondition(tape.outputCount >= 1, "nothing compiled")
        if tape.registerCount <= smallRegisterFileCount {
            var file = emptySmallRegisterFile
            return withUnsafeMutableBytes(of: &file) { bytes in
                tape.evaluateFirst(bytes.baseAddress!.assumingMemoryBound(to: Double.self), point: point)
            }
        }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: tape.registerCount) { file in
            tape.evaluateFirst(file.baseAddress!, point: point)
        }
    }

    /// Every output at `point`, in a new array (a convenience for tests and tools).
    public func evaluate(at point: [Double]) -> [Double] {
        var rest = [Double](repeating: 0, count: max(outputCount - 1, 0))
        guard outputCount > 0 else { return [] }
        let first = evaluate(at: point, rest: &rest)
        return [first] + rest
    }
}

/// A register file small enough to be a local tuple: no allocation call at all, the
/// cheapest case (the standard library's temporary allocation adds a call and a check).
private typealias SmallRegisterFile = (Double, Double, Double, Double, Double, Double, Double, Double,
                                       Double, Double, Double, Double, Double, Double, Double, Double)
private let smallRegisterFileCount = 16
private let emptySmallRegisterFile: SmallRegisterFile = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

extension CompiledExpression {
    /// The laid-out tape: instructions, literals and output registers in memory allocated
    /// once, so running it touches no reference counts. Immutable after `init`, hence
    /// `@unchecked Sendable`.
    final class Tape: @unchecked Sendable {
        let inputCount: Int
        let instructionCount: Int
        let instructions: UnsafeMutablePointer<Instruction>
        let literalCount: Int
        /// The pool of literals: the first `registerLiterals` are loaded into registers
        /// `inputCount...`, the others are read by immediate-operand instructions.
        let literals: UnsafeMutablePointer<Double>
        let registerLiterals: Int
        let outputCount: Int
        let outputs: UnsafeMutablePointer<Int32>
        let registerCount: Int

        init(inputCount: Int, instructions: [Instruction], literals: [Double], registerLiterals: Int,
             outputs: [Int32], registerCount: Int) {
            self.inputCount = inputCount
            self.instructionCount = instructions.count
            self.instructions = .allocate(capacity: max(instructions.count, 1))
            self.instructions.initialize(from: instructions, count: instructions.count)
            self.literalCount = literals.count
            self.literals = .allocate(capacity: max(literals.count, 1))
            self.literals.initialize(from: literals, count: literals.count)
            self.registerLiterals = registerLiterals
            self.outputCount = outputs.count
            self.outputs = .allocate(capacity: max(outputs.count, 1))
            self.outputs.initialize(from: outputs, count: outputs.count)
            self.registerCount = registerCount
        }

        deinit {
            instructions.deallocate()
            literals.deallocate()
            outputs.deallocate()
        }

        /// Loads the inputs (missing ones as NaN) and literals, then runs every instruction.
        @inline(__always)
        func run(_ registers: UnsafeMutablePointer<Double>, point: UnsafeBufferPointer<Double>) {
            for index in 0..<inputCount {
                registers[index] = index < point.count ? point[index] : .nan
            }
            // A plain loop: these are a handful of values, cheaper than a call to memmove.
            let literalRegisters = registers + inputCount
            for index in 0..<registerLiterals { literalRegisters[index] = literals[index] }
            for index in 0..<instructionCount {
                instructions[index].execute(registers, literals: literals)
            }
        }

        /// Runs the tape in `registers`; returns output 0 and writes the others to `rest[0...]`.
        @inline(__always)
        func evaluate(_ registers: UnsafeMutablePointer<Double>, point: [Double], rest: inout [Double]) -> Double {
            point.withUnsafeBufferPointer { run(registers, point: $0) }
            if outputCount > 1 {
                rest.withUnsafeMutableBufferPointer { copyOutputs(from: registers, first: 1, to: $0.baseAddress!) }
            }
            return registers[Int(outputs[0])]
        }

        /// Runs the tape in `registers`; returns output 0.
        @inline(__always)
        func evaluateFirst(_ registers: UnsafeMutablePointer<Double>, point: [Double]) -> Double {
            point.withUnsafeBufferPointer { run(registers, point: $0) }
            return registers[Int(outputs[0])]
        }

        /// Copies outputs `first...` to `destination[0...]`.
        @inline(__always)
        func copyOutputs(from registers: UnsafeMutablePointer<Double>, first: Int, to destination: UnsafeMutablePointer<Double>) {
            for index in first..<outputCount {
                destination[index - first] = registers[Int(outputs[index])]
            }
        }
    }
}

/// One operation of the tape: `registers[destination] = op(registers[a], registers[b])`, or
/// `op(registers[a], literals[b])` for the immediate forms. Unary operations ignore `b`;
/// only super-instructions read `c` (a literal pool index).
struct Instruction: Hashable, Sendable {
    enum Operation: UInt8, Hashable, Sendable {
        case add, subtract, multiply, divide
        /// `Expr.power`: `a*a` when the exponent is 2 at run time, else `pow`.
        case power
        /// `pow(a, K)` where `K` (operand `b`, a literal pool index) is a literal other than 2.
        case powerLiteral
        /// `a + K`, `a * K`, `a - K`, `K - a`, `a / K`, `K / a`: one operand is the literal
        /// pool entry `b`. Only in laid-out tapes, never in the SSA graph.
        case addImmediate, multiplyImmediate, subtractImmediate, subtractFromImmediate, divideByImmediate, divideImmediate
        /// `a*a`.
        case square
        /// Super-instructions: two operations in one dispatch, for pairs where the first
        /// result has no other use (see `TapeBuilder.fuse`). Each performs the pair's two IEEE
        /// operations in the pair's order, so it rounds exactly as the two instructions would
        /// (no fused multiply-add). `K` is the literal pool entry named by the instruction's
        /// `b` (`squareMultiplyImmediate`) or `c` (the others). Only in laid-out tapes.
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
        case negate
        case sin, cos, tan, exp, log, sqrt, abs, tanh, sign

        init(_ function: Function) {
            switch function {
            case .sin: self = .sin
            case .cos: self = .cos
            case .tan: self = .tan
            case .exp: self = .exp
            case .log: self = .log
            case .sqrt: self = .sqrt
            case .abs: self = .abs
            case .tanh: self = .tanh
            case .sign: self = .sign
            }
        }

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
            case .sin: return _sin(a)
            case .cos: return _cos(a)
            case .tan: return _tan(a)
            case .exp: return _exp(a)
            case .log: return _log(a)
            case .sqrt: return a.squareRoot()
            case .abs: return Swift.abs(a)
            case .tanh: return _tanh(a)
            case .sign: return a > 0 ? 1 : (a < 0 ? -1 : (a.isNaN ? a : 0))
            case .squareMultiplyImmediate, .multiplyMultiplyImmediate, .subtractSquare, .addSquare,
                 .multiplyImmediateSubtract, .subtractMultiplyImmediate, .multiplyImmediateAdd:
                preconditionFailure("a super-instruction has three operands and is never folded")
            }
        }
    }

    var operation: Operation
    var destination: Int32
    var a: Int32
    var b: Int32
    var c: Int32 = 0

    /// Runs the instruction. One `switch`, each case reading its operands and applying the
    /// same `Operation.apply` arithmetic that constant folding uses.
    @inline(__always)
    func execute(_ registers: UnsafeMutablePointer<Double>, literals: UnsafePointer<Double>) {
        let x = registers[Int(a)]
        let result: Double
        switch operation {
        case .addImmediate: result = x + literals[Int(b)]
        case .multiplyImmediate: result = x * literals[Int(b)]
        case .subtractImmediate: result = x - literals[Int(b)]
        case .subtractFromImmediate: result = literals[Int(b)] - x
        case .divideByImmediate: result = x / literals[Int(b)]
        case .divideImmediate: result = literals[Int(b)] / x
        case .powerLiteral: result = _pow(x, literals[Int(b)])
        case .add: result = x + registers[Int(b)]
        case .subtract: result = x - registers[Int(b)]
        case .multiply: result = x * registers[Int(b)]
        case .divide: result = x / registers[Int(b)]
        case .power: result = Expr.power(x, registers[Int(b)])
        case .square: result = x * x
        case .negate: result = -x
        case .squareMultiplyImmediate: result = (x * x) * literals[Int(b)]
        case .multiplyMultiplyImmediate: result = (x * registers[Int(b)]) * literals[Int(c)]
        case .subtractSquare:
            let y = registers[Int(b)]
            result = x - y * y
        case .addSquare:
            let y = registers[Int(b)]
            result = x + y * y
        case .multiplyImmediateSubtract: result = x * literals[Int(c)] - registers[Int(b)]
        case .subtractMultiplyImmediate: result = x - registers[Int(b)] * literals[Int(c)]
        case .multiplyImmediateAdd: result = x * literals[Int(c)] + registers[Int(b)]
        default: result = operation.apply(x, x)
        }
        registers[Int(destination)] = result
    }
}

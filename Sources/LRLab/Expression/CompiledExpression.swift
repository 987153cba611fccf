/// Several formulas over the same variables compiled together into one flat tape, evaluated
/// in a single pass: for an objective, the loss and every gradient component at once.
///
/// **The tape.** Each node of the input trees becomes an SSA value; identical subtrees (same
/// operation on the same SSA operands) become one value, across all the formulas, so the
/// `y - x^2` that the loss and both partial derivatives of Rosenbrock contain is computed
/// once. Numbers, constants and any operation whose operands are all literals are folded at
/// compile time; an operation with one literal operand carries it inside the instruction as
/// an immediate (`100*r` is one `multiplyImmediate` holding 100). `a^2` with a literal 2
/// becomes `a*a`; other literal exponents call `pow` directly; a computed exponent keeps
/// `Expr.power`'s run-time test. Values no output needs are dropped, then a linear scan
/// assigns the SSA values to a small register file, reusing a register as soon as its value
/// has had its last use. Before that, a value used exactly once is fused into the
/// instruction that uses it when the pair has a super-instruction (`a - b*b`, `(a*a)*K`,
/// `(a*b)*K`, `a*K - b`, ...): the same operations in one dispatch, with no register store
/// and reload in between. Two forms go one level deeper and absorb an already fused
/// operand: `(a*a)*K + b*b`, the weighted sum of squares that is the loss of every
/// quadratic bowl, and `a*K + (b*c)*L`, the shape the derivatives of squared terms take.
/// Fusion took Rosenbrock's loss and gradient from 12 instructions to 7, and the two deeper
/// forms to 5: the dispatch, not the arithmetic, is most of a tape's cost. Evaluation is
/// one loop over the instructions with one `switch`.
///
/// **What a call costs.** The benchmark (case a) runs a million independent evaluations, so
/// the processor overlaps them and a call costs about its machine-instruction count; the
/// layout keeps that count low (about 160 for Rosenbrock's loss and gradient, counting the
/// call, the uniqueness check of the gradient array and the register file's zeroing; 208
/// with 7 instructions and 252 before that), so a call takes about 10 ns (see
/// `Benchmarks/README.md` for the processes where the address layout costs it ~1.3 ns more):
/// - An instruction is 40 bytes: operation, destination, up to three register operands and
///   up to two immediates, the literals themselves rather than indices into a pool.
///   `Instruction.execute` reads the fields through the instruction's pointer, so each
///   case loads only what it uses and an immediate folds into the arithmetic as a memory
///   operand (`x * k` is one `mulsd`).
/// - Every tape ends with a `stop` instruction, so the loop has no count or end pointer to
///   compare: storing a result, moving to the next instruction and dispatching on it is one
///   block.
/// - A point of one or two values is copied into the registers without a loop, and three
///   outputs (a loss and a 2-D gradient) are copied out without one; other counts take
///   plain loops that the optimizer leaves as loops (unrolled or vectorized, their setup
///   costs more than the loop). No copy may read the point 16 bytes at a time: a 16-byte
///   load of two 8-byte values the caller has just stored cannot be forwarded from the
///   store buffer, which made a call ~20 ns. The optimizer merged the two 2-D copies into
///   such a load until the second index came from memory (`Tape.secondInput`); the input
///   loop picks NaN for a missing value inside the loop, which keeps it from becoming a
///   `memcpy` call for the same reason. The outputs end with a sentinel (-1).
/// - The rare large register file is a separate function, so the common path has no
///   closure call and a single `precondition` comparison (`minimumRestCount`).
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
/// operands of `+` and `*` are put in a canonical order to share `a*b` with `b*a` (and the
/// compiler may multiply `k * x` for `x * k`); IEEE 754 addition and multiplication are
/// commutative, bit for bit, except for which NaN payload propagates. Swift does not
/// contract `a*b + c` into a fused multiply-add, so there is no other difference in
/// rounding. Powers with small integer exponents other than 2 are *not* expanded into
/// multiplications: `x*x*x` rounds twice and can differ from `pow(x, 3)`.
///
/// **No allocation per evaluation.** The tape (instructions, register literals, output
/// registers) is laid out once in memory owned by an immutable class, so
/// `CompiledExpression` is a `Sendable` value that can sit in a `let`, and running the tape
/// reads plain pointers with no reference counting. Each evaluation's register file is
/// stack memory: a local tuple of 8 or 16 registers when it needs at most 16, else
/// `withUnsafeTemporaryAllocation`, where the standard library always puts requests of at
/// most 1024 bytes (128 registers) on the stack, and larger ones too when the thread's stack
/// has room (a runtime check, not an allocation); only past that does it fall back to the
/// heap. Register reuse keeps the file small: Rosenbrock's loss and gradient take 5
/// instructions and 7 registers (2 inputs, 3 outputs, 2 temporaries). The benchmark package
/// (`Benchmarks/`) counts `malloc` calls around a million evaluations to confirm that none
/// happen.
///
/// **In-place evaluation.** The outputs' registers lie side by side, so a caller that
/// evaluates many times (a run's steps, a training loop) can own the register file as a
/// workspace: it keeps the point in the input registers, where the optimizer updates it,
/// and reads the gradient in the output registers, where the tape left it
/// (`evaluate(inPlace:)`). Nothing is copied in or out and nothing is zeroed; in a run,
/// whose pace is set by the chain of dependent operations from one step to the next, that
/// took two stores and two loads off the chain (a million Adam steps went from ~58 to
/// ~55 ns a step).
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
                         outputs: tape.outputs, registerCount: tape.registerCount)
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
        precondition(rest.count >= tape.minimumRestCount, "too few slots for the outputs")
        guard tape.registerCount <= smallRegisterFileCount else { return tape.evaluateLarge(point: point, rest: &rest) }
        return withSmallRegisterFile(count: tape.registerCount) { registers in
            tape.evaluate(registers, point: point, rest: &rest)
        }
    }

    /// Registers a workspace for `evaluate(inPlace:)` must hold.
    public var workspaceCount: Int { tape.registerCount }

    /// Where `evaluate(inPlace:)` leaves the outputs: output `j` is `workspace[outputOffset + j]`.
    public var outputOffset: Int { tape.outputCount > 0 ? Int(tape.outputs[0]) : 0 }

    /// Makes `workspace` (at least `workspaceCount` doubles) ready for in-place evaluations:
    /// loads the literals the tape keeps in registers. Once is enough: evaluations never
    /// write the input or literal registers.
    public func prepare(workspace: UnsafeMutableBufferPointer<Double>) {
        precondition(workspace.count >= tape.registerCount, "the workspace is smaller than the register file")
        for index in 0..<tape.literalCount { workspace[Int(tape.literals[index].register)] = tape.literals[index].value }
    }

    /// Evaluates with the point already in place: `workspace[0..<variables.count]` holds it
    /// and the rest of `workspace` is the tape's register file, made ready by
    /// `prepare(workspace:)`. Returns the first output and leaves every output, side by
    /// side, at `workspace[outputOffset...]`: the values `evaluate(at:rest:)` gives, bit for
    /// bit.
    ///
    /// For loops that evaluate many times (a run's steps): the optimizer updates the point
    /// where it lies in the workspace and reads the gradient where the tape left it. Against
    /// `evaluate(at:rest:)` this saves copying the point into a register file, zeroing one
    /// and copying the outputs out; above all it takes two stores and two loads off the
    /// chain of dependent operations from one step to the next, which in a run is what sets
    /// the pace.
    @inline(__always)
    public func evaluate(inPlace workspace: UnsafeMutableBufferPointer<Double>) -> Double {
        let tape = self.tape
        precondition(workspace.count >= tape.registerCount && tape.outputCount > 0,
                     "the workspace is smaller than the register file, or nothing was compiled")
        // `registerCount` is at least 1, so a workspace this large has an address.
        guard let registers = workspace.baseAddress else { return .nan }
        tape.runInstructions(registers)
        return registers[Int(tape.outputs[0])]
    }

    /// The first output at `point`. Allocates nothing.
    public func evaluateFirst(at point: [Double]) -> Double {
        let tape = self.tape
        precondition(tape.outputCount >= 1, "nothing compiled")
        guard tape.registerCount <= smallRegisterFileCount else { return tape.evaluateFirstLarge(point: point) }
        return withSmallRegisterFile(count: tape.registerCount) { registers in
            tape.evaluateFirst(registers, point: point)
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

/// Register files up to this size are local tuples: no allocation call at all, the cheapest
/// case (the standard library's temporary allocation, which larger files take, adds a call
/// and a check, and its closure is not inlined).
private let smallRegisterFileCount = 16

/// Runs `body` on a zeroed register file of 8 or, when `count` needs more, 16 registers: a
/// local tuple on the stack. Two sizes because zeroing is the file's whole cost, one store
/// per two registers, and each store holds a slot in the core's store queue until it
/// retires: zeroing 16 registers instead of 8 made Rosenbrock's evaluation (7 registers)
/// measurably slower. Always inlined, and `body` with it; the callers keep the larger files'
/// path out of line themselves, since a closure that also reached a function not inlined
/// would retain what it captures. The standard library's unprotected form of
/// `withUnsafeMutableBytes` keeps the compiler from guarding the frame with a stack canary
/// (five more instructions a call): the file is written only through the tape's own
/// register indices, which the builder keeps below `registerCount`.
@inline(__always)
private func withSmallRegisterFile<Result>(count: Int, _ body: (UnsafeMutablePointer<Double>) -> Result) -> Result {
    if count <= 8 {
        var file: (Double, Double, Double, Double, Double, Double, Double, Double) = (0, 0, 0, 0, 0, 0, 0, 0)
        return _withUnprotectedUnsafeMutableBytes(of: &file) { body($0.baseAddress!.assumingMemoryBound(to: Double.self)) }
    }
    var file: (Double, Double, Double, Double, Double, Double, Double, Double,
               Double, Double, Double, Double, Double, Double, Double, Double) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    return _withUnprotectedUnsafeMutableBytes(of: &file) { body($0.baseAddress!.assumingMemoryBound(to: Double.self)) }
}

extension CompiledExpression {
    /// The laid-out tape: instructions, register literals and output registers in memory
    /// allocated once, so running it touches no reference counts. Immutable after `init`,
    /// hence `@unchecked Sendable`.
    final class Tape: @unchecked Sendable {
        let inputCount: Int
        let instructionCount: Int
        let instructions: UnsafeMutablePointer<Instruction>
        /// The literals loaded into registers before the instructions run: the base of
        /// `K^b`, and outputs that are literals, loaded straight into their output registers
        /// (every other literal is an immediate inside the instruction that reads it).
        let literals: UnsafeMutablePointer<TapeBuilder.LiteralLoad>
        let literalCount: Int
        let outputCount: Int
        /// The register of each output, then -1: the copy loop stops at the sentinel. The
        /// outputs' registers are consecutive, from `outputs[0]`, so the list could be
        /// derived; it is kept because `copyOutputs` reads each index from memory, which
        /// keeps the compiler from merging two adjacent 8-byte loads of registers the tape
        /// has just stored into one 16-byte load the store buffer cannot serve (see
        /// `Tape.secondInput`).
        let outputs: UnsafeMutablePointer<Int32>
        /// The least count of `rest` that `evaluate(at:rest:)` accepts; `Int.max` when there
        /// are no outputs at all, so one comparison checks both conditions.
        let minimumRestCount: Int
        let registerCount: Int
        /// The index of the second input: 1 whenever there is one. Read from memory, so that
        /// the optimizer cannot see that the two inputs of a 2-D point are adjacent and merge
        /// their loads into one 16-byte load (see `run`).
        let secondInput: Int

        init(inputCount: Int, instructions: [Instruction], literals: [TapeBuilder.LiteralLoad], outputs: [Int32],
             registerCount: Int) {
            self.inputCount = inputCount
            self.instructionCount = instructions.count
            self.instructions = .allocate(capacity: instructions.count + 1)
            self.instructions.initialize(from: instructions + [Instruction(operation: .stop, destination: 0, a: 0)],
                                         count: instructions.count + 1)
            self.literalCount = literals.count
            self.literals = .allocate(capacity: max(literals.count, 1))
            self.literals.initialize(from: literals, count: literals.count)
            self.outputCount = outputs.count
            self.outputs = .allocate(capacity: outputs.count + 1)
            self.outputs.initialize(from: outputs + [-1], count: outputs.count + 1)
            self.minimumRestCount = outputs.isEmpty ? .max : outputs.count - 1
            self.registerCount = registerCount
            self.secondInput = inputCount >= 2 ? 1 : 0
        }

        deinit {
            instructions.deallocate()
            literals.deallocate()
            outputs.deallocate()
        }

        /// Loads the inputs (missing ones as NaN) and literals, then runs every instruction.
        ///
        /// One or two inputs are copied one by one, the second through `secondInput` so that
        /// the two loads stay two (see the type's documentation). Other counts, and points
        /// too short for the tape, take a loop that compares with `!=` and picks NaN for a
        /// missing input inside the loop, which keeps it a plain loop rather than an
        /// unrolled one or a `memcpy` call. Most tapes have no register literals.
        @inline(__always)
        func run(_ registers: UnsafeMutablePointer<Double>, point: UnsafeBufferPointer<Double>) {
            let available = point.count
            var index = 0
            switch inputCount {
            case 1 where available >= 1:
                registers[0] = point[0]
            case 2 where available >= 2:
                registers[0] = point[0]
                registers[1] = point[secondInput]
            default:
                while index != inputCount {
                    registers[index] = index < available ? point[index] : .nan
                    index += 1
                }
            }
            index = 0
            while index != literalCount {
                registers[Int(literals[index].register)] = literals[index].value
                index += 1
            }
            runInstructions(registers)
        }

        /// Runs every instruction, up to the `stop` that ends the tape.
        @inline(__always)
        func runInstructions(_ registers: UnsafeMutablePointer<Double>) {
            var instruction = UnsafePointer(instructions)
            while Instruction.execute(instruction, registers) {
                instruction += 1
            }
        }

        /// `evaluate` with a register file too large for the fixed-size one; out of line so
        /// that the common path stays small.
        @inline(never)
        func evaluateLarge(point: [Double], rest: inout [Double]) -> Double {
            withUnsafeTemporaryAllocation(of: Double.self, capacity: registerCount) { file in
                evaluate(file.baseAddress!, point: point, rest: &rest)
            }
        }

        /// `evaluateFirst` with a register file too large for the fixed-size one.
        @inline(never)
        func evaluateFirstLarge(point: [Double]) -> Double {
            withUnsafeTemporaryAllocation(of: Double.self, capacity: registerCount) { file in
                evaluateFirst(file.baseAddress!, point: point)
            }
        }

        /// Runs the tape in `registers`; returns output 0 and writes the others to `rest[0...]`.
        @inline(__always)
        func evaluate(_ registers: UnsafeMutablePointer<Double>, point: [Double], rest: inout [Double]) -> Double {
            point.withUnsafeBufferPointer { run(registers, point: $0) }
            if outputCount > 1 {
                rest.withUnsafeMutableBufferPointer { copyOutputs(from: registers, to: $0.baseAddress!) }
            }
            return registers[Int(outputs[0])]
        }

        /// Runs the tape in `registers`; returns output 0.
        @inline(__always)
        func evaluateFirst(_ registers: UnsafeMutablePointer<Double>, point: [Double]) -> Double {
            point.withUnsafeBufferPointer { run(registers, point: $0) }
            return registers[Int(outputs[0])]
        }

        /// Copies outputs `1...` to `destination[0...]`, up to the sentinel.
        @inline(__always)
        func copyOutputs(from registers: UnsafeMutablePointer<Double>, to destination: UnsafeMutablePointer<Double>) {
            if outputCount == 3 {
                destination[0] = registers[Int(outputs[1])]
                destination[1] = registers[Int(outputs[2])]
                return
            }
            var output = UnsafePointer(outputs) + 1
            var target = destination
            while output.pointee >= 0 {
                target.pointee = registers[Int(output.pointee)]
                output += 1
                target += 1
            }
        }
    }
}

/// One operation of the tape: `registers[destination] = op(registers[a], registers[b])`, or
/// `op(registers[a], k)` for the immediate forms, where `k` is the literal itself. Unary
/// operations ignore `b`; super-instructions read `a`, `b` and `k` as their forms say.
struct Instruction: Sendable {
    enum Operation: UInt8, Hashable, Sendable {
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
            case .copy: return a
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
                 .multiplyImmediateSubtract, .subtractMultiplyImmediate, .multiplyImmediateAdd,
                 .squareMultiplyImmediateAddSquare, .multiplyImmediateAddScaledProduct:
                preconditionFailure("a super-instruction has three operands and is never folded")
            case .stop:
                preconditionFailure("the end of the tape is not an operation")
            }
        }
    }

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

    /// Runs the instruction at `instruction`. One `switch`, each case reading its operands
    /// and applying the same arithmetic as `Operation.apply`, which constant folding uses.
    ///
    /// It reads the fields through the pointer rather than taking a copy of the instruction,
    /// so that each case loads only the operands it uses (a copy loads all of them before
    /// the dispatch); an immediate then folds into the arithmetic as a memory operand.
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
        case let operation: result = operation.apply(x, x)
        }
        registers[Int(instruction.pointee.destination)] = result
        return true
    }
}

/// Several formulas over the same variables compiled together into one flat tape, evaluated
/// in a single pass: for an objective, the loss and every gradient component at once.
///
/// **The tape.** Each node of the input trees becomes an SSA value (`TapeBuilder`);
/// identical subtrees (same operation on the same SSA operands) become one value, across all
/// the formulas, so the `y - x^2` that the loss and both partial derivatives of Rosenbrock
/// contain is computed once. Numbers, constants and any operation whose operands are all
/// literals are folded at compile time; an operation with one literal operand carries it
/// inside the instruction as an immediate (`100*r` is one `multiplyImmediate` holding 100).
/// `a^2` with a literal 2 becomes `a*a`; other literal exponents call `pow` directly; a
/// computed exponent keeps `Expr.power`'s run-time test. Values no output needs are dropped;
/// a value used exactly once is fused into the instruction that uses it when the pair has a
/// super-instruction (`TapeBuilder.fuse`); then a linear scan assigns the values to a small
/// register file, reusing a register as soon as its value has had its last use
/// (`TapeBuilder.finish`). Evaluation is one loop over the instructions (`Tape`) with one
/// `switch` (`Instruction.execute`). Rosenbrock's loss and gradient take 5 instructions and
/// 7 registers (2 inputs, 3 outputs, 2 temporaries). `Benchmarks/JOURNAL.md` keeps the
/// measurements behind this layout.
///
/// **Bit-for-bit equality with the tree walker.** For every output, `evaluate` returns
/// exactly the bits `Expr.value(names:at:)` returns, except that where the reference gives a
/// NaN the compiled form gives *a* NaN (its sign or payload may differ). This holds because
/// the tape performs the same IEEE operations on the same operands: sharing only reuses a
/// value the tree walker would compute again identically (every operation is a pure
/// function of its operands), folding performs the same operation at compile time, `a*a` is
/// what `Expr.power` itself does for exponent 2, a super-instruction performs its pair's
/// two operations in order with two roundings, other powers call `Expr.power` or the same
/// `pow`, and the elementary functions are `Function.apply`, the one definition the tree
/// walker calls too. The only reordering is that the operands of `+` and `*` are put in a
/// canonical order to share `a*b` with `b*a` (and the compiler may multiply `k * x` for
/// `x * k`); IEEE 754 addition and multiplication are commutative, bit for bit, except for
/// which NaN payload propagates. Swift does not contract `a*b + c` into a fused
/// multiply-add, so there is no other difference in rounding. Powers with small integer
/// exponents other than 2 are *not* expanded into multiplications: `x*x*x` rounds twice and
/// can differ from `pow(x, 3)`.
///
/// **No allocation per evaluation.** The tape (instructions, register literals, output
/// registers) is laid out once in memory owned by an immutable class, so
/// `CompiledExpression` is a `Sendable` value that can sit in a `let`, and running the tape
/// reads plain pointers with no reference counting. Each evaluation's register file is
/// stack memory: a local tuple of 8 or 16 registers when it needs at most 16, else
/// `withUnsafeTemporaryAllocation`, where the standard library always puts requests of at
/// most 1024 bytes (128 registers) on the stack, and larger ones too when the thread's stack
/// has room (a runtime check, not an allocation); only past that does it fall back to the
/// heap. The benchmark package (`Benchmarks/`) counts `malloc` calls around a million
/// evaluations to confirm that none happen.
///
/// **In-place evaluation.** The outputs' registers lie side by side, so a caller that
/// evaluates many times (a run's steps, a training loop) can own the register file as a
/// workspace: it keeps the point in the input registers, where the optimizer updates it,
/// and reads the gradient in the output registers, where the tape left it
/// (`evaluate(inPlace:)`). Nothing is copied in or out and nothing is zeroed.
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
    public func prepare(workspace: inout MutableSpan<Double>) {
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
    public func evaluate(inPlace workspace: inout MutableSpan<Double>) -> Double {
        let tape = self.tape
        precondition(workspace.count >= tape.registerCount && tape.outputCount > 0,
                     "the workspace is smaller than the register file, or nothing was compiled")
        return workspace.withUnsafeMutableBufferPointer { workspace in
            // `registerCount` is at least 1, so a workspace this large has an address.
            guard let registers = workspace.baseAddress else { return .nan }
            tape.runInstructions(registers)
            return registers[Int(tape.outputs[0])]
        }
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

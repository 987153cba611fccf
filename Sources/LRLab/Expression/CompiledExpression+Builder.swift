/// Turns syntax trees into the SSA graph of a `CompiledExpression`, then into its tape.
///
/// Every value is a node identified by its position in `nodes`; a node's operands always
/// come before it, so `nodes` is already in an order that can be executed. Nodes are
/// hash-consed on (operation, operand ids), and literals on their bit pattern, so `0` and
/// `-0` (equal as `Double`s, and as `Expr`s) stay distinct while equal work is shared.
struct TapeBuilder {
    enum Node: Hashable {
        case input(Int)
        case literal(UInt64)
        case operation(Instruction.Operation, Int, Int)
    }

    /// A literal the tape keeps in a register, loaded before the instructions run.
    struct LiteralLoad {
        var register: Int32
        var value: Double
    }

    struct Tape {
        var instructions: [Instruction]
        /// The literals loaded into registers before the instructions run.
        var literals: [LiteralLoad]
        var outputs: [Int32]
        var registerCount: Int
    }

    let variables: [String]
    private(set) var nodes: [Node] = []
    private var ids: [Node: Int] = [:]

    init(variables: [String]) {
        self.variables = variables
        // Inputs first, so node i < variables.count is variable i.
        for index in variables.indices { _ = intern(.input(index)) }
    }

    private mutating func intern(_ node: Node) -> Int {
        if let id = ids[node] { return id }
        nodes.append(node)
        ids[node] = nodes.count - 1
        return nodes.count - 1
    }

    private mutating func literal(_ value: Double) -> Int {
        intern(.literal(value.bitPattern))
    }

    private func literalValue(_ id: Int) -> Double? {
        if case .literal(let bits) = nodes[id] { return Double(bitPattern: bits) }
        return nil
    }

    /// The node computing `expr`, exactly as `Expr.value(names:at:)` would.
    mutating func value(of expr: Expr) -> Int {
        switch expr {
        case .number(let value):
            return literal(value)
        case .constant(let constant):
            return literal(constant.value)
        case .variable(let name):
            // `Expr.value` binds a name to its first position in `names`.
            guard let index = variables.firstIndex(of: name) else { return literal(.nan) }
            return index
        case .negate(let operand):
            return operation(.negate, value(of: operand))
        case .call(let function, let argument):
            return operation(Instruction.Operation(function), value(of: argument))
        case .binary(let op, let left, let right):
            let a = value(of: left), b = value(of: right)
            switch op {
            case .add: return operation(.add, a, b)
            case .subtract: return operation(.subtract, a, b)
            case .multiply: return operation(.multiply, a, b)
            case .divide: return operation(.divide, a, b)
            case .power:
                guard let exponent = literalValue(b) else { return operation(.power, a, b) }
                return exponent == 2 ? operation(.square, a) : operation(.powerLiteral, a, b)
            }
        }
    }

    /// The node for `op` applied to `a` (and `b`): folded when every operand is a literal,
    /// shared when the same node exists already.
    private mutating func operation(_ op: Instruction.Operation, _ a: Int, _ b: Int? = nil) -> Int {
        var a = a, b = b ?? a
        if let x = literalValue(a), let y = literalValue(b) {
            return literal(op.apply(x, y))
        }
        if op.isCommutative, b < a { swap(&a, &b) }
        return intern(.operation(op, a, b))
    }

    /// One instruction before register assignment: an operation on nodes. `a` and `b` are
    /// read from registers, except that `b` is the literal node of the immediate forms; `c`
    /// is the literal node of a fused instruction's immediate (`-1` when it has none). The
    /// literal's value becomes the laid-out instruction's `k`. The forms with three register
    /// operands read the third from `third`, and the forms with two immediates carry the
    /// second as a value, `secondImmediate` (it may be a negated literal, which has no node).
    private struct Step {
        var operation: Instruction.Operation
        var a: Int
        var b: Int
        var c: Int = -1
        var third: Int = -1
        var secondImmediate: Double = 0
        var bIsImmediate: Bool

        /// The nodes read from registers.
        var registerOperands: [Int] {
            var operands = [a]
            if !bIsImmediate { operands.append(b) }
            if third >= 0 { operands.append(third) }
            return operands
        }
    }

    /// Drops the nodes no output needs, fuses common pairs, assigns registers and lays out
    /// the tape.
    ///
    /// A binary operation with one literal operand carries it in the instruction as an
    /// immediate (`a*100` is `multiplyImmediate` with `k` 100), so most literals never occupy
    /// a register. A node used exactly once, by a node of a shape listed in `fuse`, is
    /// computed inside that node's instruction (a super-instruction: one dispatch and no
    /// register round trip for the intermediate, the same two roundings). Registers:
    /// `0 ..< variables.count` hold the inputs; the next ones the literals an instruction
    /// reads from a register (the base of `K^b`), loaded at each evaluation; then one
    /// register per output, in the outputs' order, so that the outputs lie side by side
    /// (an in-place evaluation's caller reads the gradient there, with no copy); the rest
    /// are temporaries handed out by a linear scan that frees a register at its value's last
    /// use (so an instruction may write over one of its own operands, which it has read by
    /// then). The instruction computing an output writes it into its output register; a
    /// literal output is loaded straight into its register, like the literals above; any
    /// other output no instruction computes there (an input, an output listed twice) is put
    /// there by a `copy` at the end of the tape.
    func finish(outputs: [Int]) -> Tape {
        let neverFreed = Int.max
        var live = [Bool](repeating: false, count: nodes.count)
        for output in outputs { live[output] = true }
        var steps: [Int: Step] = [:]
        for id in stride(from: nodes.count - 1, through: 0, by: -1) where live[id] {
            guard case .operation(let op, let a, let b) = nodes[id] else { continue }
            let form = instructionForm(op, a, b)
            steps[id] = Step(operation: form.0, a: form.a, b: form.b, bIsImmediate: form.immediate)
            live[a] = true
            live[b] = true
        }

        // Fusion: a node with one use, not an output, computed by the instruction using it.
        var uses = [Int](repeating: 0, count: nodes.count)
        for (_, step) in steps {
            for operand in step.registerOperands { uses[operand] += 1 }
        }
        for output in outputs { uses[output] += 1 }
        var fused = [Bool](repeating: false, count: nodes.count)
        for id in nodes.indices {
            guard let outer = steps[id] else { continue }
            // An operand's instruction, if it may be absorbed: used once (here), and a plain
            // instruction or a super-instruction as the form asks.
            func singleUse(_ operand: Int, isFused: Bool) -> Step? {
                guard uses[operand] == 1, fused[operand] == isFused, let step = steps[operand] else { return nil }
                return step
            }
            if let (replacement, inside) = fuse(outer, inner: { singleUse($0, isFused: false) },
                                                fusedInner: { singleUse($0, isFused: true) }) {
                steps[id] = replacement
                for node in inside { steps[node] = nil }
                fused[id] = true
            }
        }

        var inRegister = [Bool](repeating: false, count: nodes.count)
        var lastUse = [Int](repeating: -1, count: nodes.count)
        // A literal output is loaded straight into its output register (below), so it needs
        // no register of its own unless an instruction reads it.
        for output in outputs where literalValue(output) == nil { inRegister[output] = true }
        for (id, step) in steps {
            for operand in step.registerOperands {
                inRegister[operand] = true
                lastUse[operand] = max(lastUse[operand], id)
            }
        }
        for output in outputs { lastUse[output] = neverFreed }

        // Literals needed in registers get the registers after the inputs, loaded at each
        // evaluation; the others are immediates inside the instructions that read them.
        var register = [Int32](repeating: -1, count: nodes.count)
        var literals: [LiteralLoad] = []
        for index in variables.indices { register[index] = Int32(index) }
        for id in nodes.indices where live[id] && inRegister[id] {
            guard case .literal(let bits) = nodes[id] else { continue }
            register[id] = Int32(variables.count + literals.count)
            literals.append(LiteralLoad(register: register[id], value: Double(bitPattern: bits)))
        }

        let firstOutput = variables.count + literals.count
        let firstTemporary = firstOutput + outputs.count
        var outputRegister: [Int: Int32] = [:]
        for (index, output) in outputs.enumerated() where steps[output] != nil && outputRegister[output] == nil {
            outputRegister[output] = Int32(firstOutput + index)
        }
        var registerCount = firstTemporary
        var free: [Int32] = []
        var instructions: [Instruction] = []
        for id in nodes.indices {
            guard let step = steps[id] else { continue }
            // Free operands whose last use is here (once, if an operand repeats).
            var dying: [Int] = []
            for operand in step.registerOperands where !dying.contains(operand) { dying.append(operand) }
            for operand in dying where lastUse[operand] == id && register[operand] >= firstTemporary {
                free.append(register[operand])
            }
            let destination: Int32
            if let output = outputRegister[id] {
                destination = output
            } else if let reused = free.popLast() {
                destination = reused
            } else {
                destination = Int32(registerCount)
                registerCount += 1
            }
            register[id] = destination
            // The immediate: `b` in the immediate forms, `c` in the super-instructions.
            let immediate = step.bIsImmediate ? step.b : step.c
            instructions.append(Instruction(operation: step.operation, destination: destination, a: register[step.a],
                                            b: step.bIsImmediate ? 0 : register[step.b],
                                            c: step.third >= 0 ? register[step.third] : 0,
                                            k: immediate >= 0 ? literalValue(immediate)! : 0, k2: step.secondImmediate))
        }
        for (index, output) in outputs.enumerated() where register[output] != Int32(firstOutput + index) {
            if let value = literalValue(output) {
                literals.append(LiteralLoad(register: Int32(firstOutput + index), value: value))
            } else {
                instructions.append(Instruction(operation: .copy, destination: Int32(firstOutput + index), a: register[output]))
            }
        }
        return Tape(instructions: instructions, literals: literals,
                    outputs: outputs.indices.map { Int32(firstOutput + $0) }, registerCount: max(registerCount, 1))
    }

    /// The super-instruction computing `outer` with the instructions of one or two of its
    /// operands inside it, and those operands' nodes; nil when no fused form fits. `inner`
    /// gives an operand's instruction when it may be absorbed; `fusedInner` gives it when it
    /// is itself a super-instruction used once, for the two forms that go one level deeper.
    /// Each fused form performs exactly the operations it replaces, in the same order, on
    /// the same operands (no fused multiply-add): `K*(a*a)` is `(a*a)*K`, rounded twice. The
    /// forms are the shapes that the derivatives of polynomial-like formulas produce most
    /// (Rosenbrock's loss and gradient go from 12 instructions to 7 with the pairs, and to 5
    /// with the deeper forms); `+` is commutative bit for bit (up to a NaN's payload, which
    /// `CompiledExpression` does not promise), so either operand of an add may be the inner
    /// one.
    private func fuse(_ outer: Step, inner: (Int) -> Step?, fusedInner: (Int) -> Step?) -> (Step, [Int])? {
        switch outer.operation {
        case .multiplyImmediate:
            guard let first = inner(outer.a) else { return nil }
            switch first.operation {
            case .square:
                return (Step(operation: .squareMultiplyImmediate, a: first.a, b: outer.b, bIsImmediate: true), [outer.a])
            case .multiply:
                return (Step(operation: .multiplyMultiplyImmediate, a: first.a, b: first.b, c: outer.b, bIsImmediate: false),
                        [outer.a])
            default: return nil
            }
        case .subtract:
            // `a*K - (b*c)*L`, which is `a*K + (b*c)*(-L)` bit for bit: negating a factor
            // negates the rounded product exactly, and `x - y` is `x + (-y)`.
            if let first = inner(outer.a), first.operation == .multiplyImmediate,
               let second = fusedInner(outer.b), second.operation == .multiplyMultiplyImmediate {
                return (Step(operation: .multiplyImmediateAddScaledProduct, a: first.a, b: second.a, c: first.b, third: second.b,
                             secondImmediate: -literalValue(second.c)!, bIsImmediate: false), [outer.a, outer.b])
            }
            if let second = inner(outer.b), second.operation == .square {
                return (Step(operation: .subtractSquare, a: outer.a, b: second.a, bIsImmediate: false), [outer.b])
            }
            if let first = inner(outer.a), first.operation == .multiplyImmediate {
                return (Step(operation: .multiplyImmediateSubtract, a: first.a, b: outer.b, c: first.b, bIsImmediate: false),
                        [outer.a])
            }
            if let second = inner(outer.b), second.operation == .multiplyImmediate {
                return (Step(operation: .subtractMultiplyImmediate, a: outer.a, b: second.a, c: second.b, bIsImmediate: false),
                        [outer.b])
            }
            return nil
        case .add:
            // `(a*a)*K + b*b`, a weighted sum of squares (the loss of every quadratic bowl):
            // two squares, a scaling and an add in one dispatch.
            for (candidate, other) in [(outer.b, outer.a), (outer.a, outer.b)] {
                if let scaled = fusedInner(candidate), scaled.operation == .squareMultiplyImmediate,
                   let square = inner(other), square.operation == .square {
                    return (Step(operation: .squareMultiplyImmediateAddSquare, a: scaled.a, b: square.a, c: scaled.b,
                                 bIsImmediate: false), [candidate, other])
                }
            }
            for (candidate, other) in [(outer.b, outer.a), (outer.a, outer.b)] {
                guard let step = inner(candidate) else { continue }
                if step.operation == .square {
                    return (Step(operation: .addSquare, a: other, b: step.a, bIsImmediate: false), [candidate])
                }
                if step.operation == .multiplyImmediate {
                    return (Step(operation: .multiplyImmediateAdd, a: step.a, b: other, c: step.b, bIsImmediate: false),
                            [candidate])
                }
            }
            return nil
        default:
            return nil
        }
    }

    /// How node `op(a, b)` is executed: with a literal operand as an immediate (`b`, the
    /// literal's node) where an immediate form exists, else on two registers.
    private func instructionForm(_ op: Instruction.Operation, _ a: Int, _ b: Int)
        -> (Instruction.Operation, a: Int, b: Int, immediate: Bool) {
        let aIsLiteral = literalValue(a) != nil, bIsLiteral = literalValue(b) != nil
        switch op {
        case .add where aIsLiteral: return (.addImmediate, b, a, true)
        case .add where bIsLiteral: return (.addImmediate, a, b, true)
        case .multiply where aIsLiteral: return (.multiplyImmediate, b, a, true)
        case .multiply where bIsLiteral: return (.multiplyImmediate, a, b, true)
        case .subtract where aIsLiteral: return (.subtractFromImmediate, b, a, true)
        case .subtract where bIsLiteral: return (.subtractImmediate, a, b, true)
        case .divide where aIsLiteral: return (.divideImmediate, b, a, true)
        case .divide where bIsLiteral: return (.divideByImmediate, a, b, true)
        case .powerLiteral: return (.powerLiteral, a, b, true)
        default: return (op, a, b, false)
        }
    }
}

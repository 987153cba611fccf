extension TapeBuilder {
    /// One instruction before register assignment: an operation on nodes. `a` and `b` are
    /// read from registers, except that `b` is the literal node of the immediate forms; `c`
    /// is the literal node of a fused instruction's immediate (`-1` when it has none). The
    /// literal's value becomes the laid-out instruction's `k`. The forms with three register
    /// operands read the third from `third`, and the forms with two immediates carry the
    /// second as a value, `secondImmediate` (it may be a negated literal, which has no node).
    struct Step {
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

    /// How node `op(a, b)` is executed: with a literal operand as an immediate (`b`, the
    /// literal's node) where an immediate form exists, else on two registers.
    func instructionForm(_ op: Instruction.Operation, _ a: Int, _ b: Int)
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

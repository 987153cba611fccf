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

    struct Tape {
        var instructions: [Instruction]
        var literals: [Double]
        /// How many literals, from the front of `literals`, are loaded into registers.
        var registerLiterals: Int
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

    /// Drops the nodes no output needs, assigns registers and lays out the tape.
    ///
    /// A binary operation with one literal operand reads it straight from the literal pool
    /// (`a*100` is `multiplyImmediate`), so most literals never occupy a register. Registers:
    /// `0 ..< variables.count` hold the inputs; the next ones the literals that must be in
    /// registers (outputs, and the base of `K^b`), loaded from the front of the pool; the rest
    /// are temporaries handed out by a linear scan that frees a register at its value's last
    /// use (so an instruction may write over one of its own operands, which it has read by
    /// then). Outputs are never freed.
    func finish(outputs: [Int]) -> Tape {
        let neverFreed = Int.max
        var live = [Bool](repeating: false, count: nodes.count)
        var inRegister = [Bool](repeating: false, count: nodes.count)
        for output in outputs {
            live[output] = true
            inRegister[output] = true
        }
        var lastUse = [Int](repeating: -1, count: nodes.count)
        var forms: [Int: (Instruction.Operation, a: Int, b: Int, immediate: Bool)] = [:]
        for id in stride(from: nodes.count - 1, through: 0, by: -1) where live[id] {
            guard case .operation(let op, let a, let b) = nodes[id] else { continue }
            let form = instructionForm(op, a, b)
            forms[id] = form
            live[a] = true
            live[b] = true
            inRegister[form.a] = true
            lastUse[form.a] = max(lastUse[form.a], id)
            if !form.immediate {
                inRegister[form.b] = true
                lastUse[form.b] = max(lastUse[form.b], id)
            }
        }
        for output in outputs { lastUse[output] = neverFreed }

        // The pool: literals needed in registers first (loaded at each evaluation), then the
        // ones only read as immediates.
        var register = [Int32](repeating: -1, count: nodes.count)
        var pool = [Int32](repeating: -1, count: nodes.count)
        var literals: [Double] = []
        for pass in [true, false] {
            for id in nodes.indices where live[id] && inRegister[id] == pass {
                guard case .literal(let bits) = nodes[id] else { continue }
                pool[id] = Int32(literals.count)
                if pass { register[id] = Int32(variables.count + literals.count) }
                literals.append(Double(bitPattern: bits))
            }
        }
        let registerLiterals = register.filter { $0 >= 0 }.count
        for index in variables.indices { register[index] = Int32(index) }

        let firstTemporary = variables.count + registerLiterals
        var registerCount = firstTemporary
        var free: [Int32] = []
        var instructions: [Instruction] = []
        for id in nodes.indices where live[id] {
            guard let (op, a, b, immediate) = forms[id] else { continue }
            // Free operands whose last use is here (once, if both operands are the same node).
            var dying = [a]
            if !immediate, b != a { dying.append(b) }
            for operand in dying where lastUse[operand] == id && register[operand] >= firstTemporary {
                free.append(register[operand])
            }
            let destination: Int32
            if let reused = free.popLast() {
                destination = reused
            } else {
                destination = Int32(registerCount)
                registerCount += 1
            }
            register[id] = destination
            instructions.append(Instruction(operation: op, destination: destination, a: register[a],
                                            b: immediate ? pool[b] : register[b]))
        }
        return Tape(instructions: instructions, literals: literals, registerLiterals: registerLiterals,
                    outputs: outputs.map { register[$0] }, registerCount: max(registerCount, 1))
    }

    /// How node `op(a, b)` is executed: with a literal operand as an immediate (`b`, a pool
    /// entry) where an immediate form exists, else on two registers.
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

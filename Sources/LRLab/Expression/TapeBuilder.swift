/// Turns syntax trees into the SSA graph of a `CompiledExpression`; `finish` (in
/// `TapeBuilder+Layout.swift`) then lays the graph out as a tape.
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

    func literalValue(_ id: Int) -> Double? {
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
            return operation(.call(function), value(of: argument))
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
}

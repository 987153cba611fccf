/// A parsed formula: the syntax tree that evaluation, differentiation, simplification and
/// compilation all work on by `switch`.
public indirect enum Expr: Hashable, Sendable {
    case number(Double)
    case constant(Constant)
    case variable(String)
    case negate(Expr)
    case binary(BinaryOperator, Expr, Expr)
    case call(Function, Expr)
}

/// The named mathematical constants a formula may use.
public enum Constant: String, CaseIterable, Hashable, Sendable {
    case pi
    case e

    public var value: Double {
        switch self {
        case .pi: return Double.pi
        case .e: return 2.718281828459045
        }
    }
}

/// The infix operators, with `^` binding tightest and associating to the right.
public enum BinaryOperator: String, CaseIterable, Hashable, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case power = "^"

    /// Binding strength used by both the parser and the printer.
    public var precedence: Int {
        switch self {
        case .add, .subtract: return 1
        case .multiply, .divide: return 2
        case .power: return 4
        }
    }
}

extension Expr {
    /// Precedence of the tree's root for printing: sums 1, products 2, negation 3, powers 4, atoms 5.
    var precedence: Int {
        switch self {
        case .number(let value): return value < 0 || (value == 0 && value.sign == .minus) ? 3 : 5
        case .constant, .variable, .call: return 5
        case .negate: return 3
        case .binary(let op, _, _): return op.precedence
        }
    }

    /// Whether the variable `name` occurs anywhere in the tree.
    public func contains(variable name: String) -> Bool {
        switch self {
        case .number, .constant: return false
        case .variable(let other): return other == name
        case .negate(let operand), .call(_, let operand): return operand.contains(variable: name)
        case .binary(_, let left, let right):
            return left.contains(variable: name) || right.contains(variable: name)
        }
    }

    /// The names of the variables used, in order of first appearance.
    public var variables: [String] {
        var names: [String] = []
        func visit(_ expr: Expr) {
            switch expr {
            case .number, .constant: break
            case .variable(let name): if !names.contains(name) { names.append(name) }
            case .negate(let operand), .call(_, let operand): visit(operand)
            case .binary(_, let left, let right): visit(left); visit(right)
            }
        }
        visit(self)
        return names
    }

    /// Longest path from the root to a leaf, counting nodes.
    public var depth: Int {
        switch self {
        case .number, .constant, .variable: return 1
        case .negate(let operand), .call(_, let operand): return 1 + operand.depth
        case .binary(_, let left, let right): return 1 + Swift.max(left.depth, right.depth)
        }
    }

    /// Number of nodes in the tree.
    public var size: Int {
        switch self {
        case .number, .constant, .variable: return 1
        case .negate(let operand), .call(_, let operand): return 1 + operand.size
        case .binary(_, let left, let right): return 1 + left.size + right.size
        }
    }
}

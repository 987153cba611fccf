/// Printing with only the parentheses precedence needs, such that parsing the text gives the
/// same tree back (`Parser.parse(e.description) == e`).
extension Expr: CustomStringConvertible {
    public var description: String {
        switch self {
        case .number(let value): return Expr.format(value)
        case .constant(let constant): return constant.rawValue
        case .variable(let name): return name
        case .negate(let operand):
            // Operands of negation are parsed as `unary`: negations, powers and atoms need no parentheses.
            return "-" + operand.parenthesized(if: operand.precedence < 3)
        case .call(let function, let argument):
            return "\(function.rawValue)(\(argument))"
        case .binary(let op, let left, let right):
            let leftText: String
            let rightText: String
            if op == .power {
                // Right-associative: the base needs parentheses unless it is an atom;
                // the exponent is parsed as `unary`, so negations may stand bare.
                leftText = left.parenthesized(if: left.precedence <= op.precedence)
                rightText = right.parenthesized(if: right.precedence < 3)
            } else {
                leftText = left.parenthesized(if: left.precedence < op.precedence)
                // Sums and products are associative: a*(b*c) reads as a*b*c (equal up to rounding).
                var associative = false
                if case .binary(let inner, _, _) = right, inner == op, op == .add || op == .multiply { associative = true }
                rightText = right.parenthesized(if: right.precedence < op.precedence || (right.precedence == op.precedence && !associative))
            }
            switch op {
            case .add, .subtract: return "\(leftText) \(op.rawValue) \(rightText)"
            default: return "\(leftText)\(op.rawValue)\(rightText)"
            }
        }
    }

    private func parenthesized(if condition: Bool) -> String {
        condition ? "(\(description))" : description
    }

    /// Shortest text that reads back as the same double: `3`, `0.1`, `1e-05`.
    public static func format(_ value: Double) -> String {
        if value.rounded() == value, Swift.abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

/// Evaluates an objective's loss and gradient. This first version walks the syntax trees;
/// it is the seam where a compiled form takes over without callers changing.
struct CompiledObjective: Sendable {
    let parameters: [String]
    let expression: Expr
    let gradient: [Expr]

    init(parameters: [String], expression: Expr, gradient: [Expr]) {
        self.parameters = parameters
        self.expression = expression
        self.gradient = gradient
    }

    func value(at point: [Double]) -> Double {
        expression.value(names: parameters, at: point)
    }

    func valueAndGradient(at point: [Double], gradient result: inout [Double]) -> Double {
        for index in gradient.indices {
            result[index] = gradient[index].value(names: parameters, at: point)
        }
        return expression.value(names: parameters, at: point)
    }
}

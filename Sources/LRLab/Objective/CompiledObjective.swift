/// Evaluates an objective's loss and gradient from compiled tapes (`CompiledExpression`).
///
/// Two tapes: one with the loss alone for `value(at:)`, and one computing the loss and every
/// partial derivative in a single pass, sharing their common subexpressions, for
/// `valueAndGradient`. Both give bit-for-bit the values of the tree walker
/// (`Expr.value(names:at:)`) and allocate nothing per call.
struct CompiledObjective: Sendable {
    let parameters: [String]
    let expression: Expr
    let gradient: [Expr]
    private let lossTape: CompiledExpression
    private let fullTape: CompiledExpression

    init(parameters: [String], expression: Expr, gradient: [Expr]) {
        self.parameters = parameters
        self.expression = expression
        self.gradient = gradient
        self.lossTape = CompiledExpression([expression], variables: parameters)
        self.fullTape = CompiledExpression([expression] + gradient, variables: parameters)
    }

    /// The loss alone, from the tape without the gradient.
    func value(at point: [Double]) -> Double {
        lossTape.evaluateFirst(at: point)
    }

    /// The loss; the partial derivatives go to `result`, whose count must be `gradient.count`.
    func valueAndGradient(at point: [Double], gradient result: inout [Double]) -> Double {
        fullTape.evaluate(at: point, rest: &result)
    }

    /// Doubles a workspace for `valueAndGradient(inPlace:)` must hold.
    var workspaceCount: Int { fullTape.workspaceCount }

    /// Where `valueAndGradient(inPlace:)` leaves the gradient: `workspace[gradientOffset...]`.
    var gradientOffset: Int { fullTape.outputOffset + 1 }

    /// Loads the literals the gradient tape keeps in registers into `workspace`.
    func prepare(workspace: inout MutableSpan<Double>) {
        fullTape.prepare(workspace: &workspace)
    }

    /// The loss at the point already in `workspace`, leaving the gradient at
    /// `workspace[gradientOffset...]` (see `CompiledExpression.evaluate(inPlace:)`): the
    /// bits `valueAndGradient(at:gradient:)` gives, with nothing copied and nothing
    /// allocated. Always inlined, like the tape evaluation it calls, so that a run's step
    /// does not copy the whole objective to the stack to pass it.
    @inline(__always)
    func valueAndGradient(inPlace workspace: inout MutableSpan<Double>) -> Double {
        fullTape.evaluate(inPlace: &workspace)
    }
}

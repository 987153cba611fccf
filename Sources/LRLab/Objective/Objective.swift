/// A loss function of one or two variables, with its symbolic gradient and Hessian and,
/// for presets, its known stationary points.
///
/// The formula, its parameters and its derivatives are fixed at init, where the loss and
/// gradient are compiled from them: they cannot be changed afterwards, so the compiled
/// evaluation always agrees with the tree walker. The descriptive facts (name, known
/// stationary points, minimum value) feed nothing compiled and stay settable.
public struct Objective: Sendable {
    /// What the user calls it: `f` for a typed formula, the preset's name otherwise.
    public var name: String
    /// Parameter names in order: `["x"]` or `["x", "y"]`.
    public let parameters: [String]
    /// The loss as a formula in `parameters`.
    public let expression: Expr
    /// One simplified partial derivative per parameter.
    public let gradient: [Expr]
    /// Second partial derivatives, `hessian[i][j] = d²f/dp_i dp_j`.
    public let hessian: [[Expr]]
    /// Global minima known in closed form or to full precision (presets only).
    public var minima: [[Double]]
    /// Other local minima, where a run can get stuck.
    public var localMinima: [[Double]]
    /// Saddle points, where a run can stall.
    public var saddles: [[Double]]
    /// The value at the global minima, when known.
    public var minimumValue: Double?

    private let evaluator: CompiledObjective

    /// The largest formula accepted, in nodes: the parser's own limit.
    public static let maximumSize = Parser.maximumSize

    /// The largest symbolic derivative `checked` accepts, in nodes counted as printed (each
    /// partial derivative and each Hessian entry separately). A formula of `maximumSize` nodes
    /// can have derivatives millions of nodes long; this keeps building the Hessian, compiling
    /// the gradient and evaluating either well under a second.
    public static let maximumDerivativeSize = 100_000

    /// Builds an objective from a parsed formula. The derivatives are not limited: use
    /// `checked` for formulas a user typed.
    public init(name: String = "f", parameters: [String], expression: Expr,
                minima: [[Double]] = [], localMinima: [[Double]] = [], saddles: [[Double]] = [],
                minimumValue: Double? = nil) {
        let gradient = Objective.gradient(of: expression, parameters: parameters)
        let hessian = Objective.hessian(of: gradient, parameters: parameters)
        self.init(name: name, parameters: parameters, expression: expression, gradient: gradient, hessian: hessian,
                  minima: minima, localMinima: localMinima, saddles: saddles, minimumValue: minimumValue)
    }

    /// Builds an objective from a formula a user typed, refusing it when a partial derivative or a
    /// Hessian entry would have more than `maximumDerivativeSize` nodes. Costs at most about
    /// `maximumDerivativeSize` steps per derivative, however large the derivative would be.
    public static func checked(name: String = "f", parameters: [String], expression: Expr) throws(DerivativeTooLarge) -> Objective {
        let (gradient, hessian) = try derivatives(of: expression, parameters: parameters, limit: maximumDerivativeSize)
        return Objective(name: name, parameters: parameters, expression: expression, gradient: gradient, hessian: hessian,
                         minima: [], localMinima: [], saddles: [], minimumValue: nil)
    }

    /// The gradient and Hessian, each entry checked against `limit` before it is differentiated again.
    private static func derivatives(of expression: Expr, parameters: [String],
                                    limit: Int) throws(DerivativeTooLarge) -> (gradient: [Expr], hessian: [[Expr]]) {
        let gradient = gradient(of: expression, parameters: parameters)
        if gradient.contains(where: { $0.hasMoreNodes(than: limit) }) {
            throw DerivativeTooLarge(order: 1, limit: limit)
        }
        let hessian = hessian(of: gradient, parameters: parameters)
        if hessian.contains(where: { row in row.contains { $0.hasMoreNodes(than: limit) } }) {
            throw DerivativeTooLarge(order: 2, limit: limit)
        }
        return (gradient, hessian)
    }

    private static func gradient(of expression: Expr, parameters: [String]) -> [Expr] {
        parameters.map { expression.derivative(withRespectTo: $0) }
    }

    private static func hessian(of gradient: [Expr], parameters: [String]) -> [[Expr]] {
        gradient.map { partial in parameters.map { partial.derivative(withRespectTo: $0) } }
    }

    private init(name: String, parameters: [String], expression: Expr, gradient: [Expr], hessian: [[Expr]],
                 minima: [[Double]], localMinima: [[Double]], saddles: [[Double]], minimumValue: Double?) {
        self.name = name
        self.parameters = parameters
        self.expression = expression
        self.gradient = gradient
        self.hessian = hessian
        self.minima = minima
        self.localMinima = localMinima
        self.saddles = saddles
        self.minimumValue = minimumValue
        self.evaluator = CompiledObjective(parameters: parameters, expression: expression, gradient: gradient)
    }

    /// Number of parameters (1 or 2 for the explorer).
    public var dimension: Int { parameters.count }

    /// How the function is written: `f(x, y) = ...`.
    public var signature: String { "f(\(parameters.joined(separator: ", ")))" }

    /// The loss at `point`. Non-finite where the formula is undefined; `checkedLoss` says why.
    public func loss(at point: [Double]) -> Double {
        evaluator.value(at: point)
    }

    /// The loss, writing the gradient into `gradient` (whose count must equal `dimension`).
    public func loss(at point: [Double], gradient: inout [Double]) -> Double {
        evaluator.valueAndGradient(at: point, gradient: &gradient)
    }

    /// Doubles a workspace for `loss(inPlace:)` must hold: the point, then room for the
    /// compiled formula's intermediate values and outputs.
    public var workspaceCount: Int { evaluator.workspaceCount }

    /// Where `loss(inPlace:)` leaves the gradient: `workspace[gradientOffset..<gradientOffset + dimension]`.
    public var gradientOffset: Int { evaluator.gradientOffset }

    /// Makes `workspace` ready for `loss(inPlace:)`; once is enough.
    public func prepare(workspace: inout MutableSpan<Double>) {
        evaluator.prepare(workspace: &workspace)
    }

    /// The loss at the point held in `workspace[0..<dimension]`, leaving the gradient at
    /// `workspace[gradientOffset...]`; the same values as `loss(at:gradient:)`. For loops
    /// that step many times (runs, training): the optimizer updates the point where it lies
    /// in the workspace and reads the gradient where the evaluation left it, with nothing
    /// copied and no array checked per call.
    @inline(__always)
    public func loss(inPlace workspace: inout MutableSpan<Double>) -> Double {
        evaluator.valueAndGradient(inPlace: &workspace)
    }

    /// `loss(inPlace:)`: a formula is the same at every step. Written here rather than taken
    /// from the protocol's default so that the call a run's step makes holds the tape's
    /// evaluation itself.
    @inline(__always)
    public func loss(inPlace workspace: inout MutableSpan<Double>, afterStep step: Int) -> Double {
        loss(inPlace: &workspace)
    }

    /// The loss and gradient, or the reason the formula has no value at `point`.
    public func checkedEvaluation(at point: [Double]) throws(EvaluationError) -> (loss: Double, gradient: [Double]) {
        let value = try expression.checkedValue(names: parameters, at: point)
        var result: [Double] = []
        for (index, partial) in gradient.enumerated() {
            do {
                result.append(try partial.checkedValue(names: parameters, at: point))
            } catch {
                throw EvaluationError("\(error.description) (in the derivative d\(name)/d\(parameters[index]))")
            }
        }
        return (value, result)
    }

    /// The Hessian matrix at `point`.
    public func hessian(at point: [Double]) -> [[Double]] {
        hessian.map { row in row.map { $0.value(names: parameters, at: point) } }
    }
}

/// A loss function of one or two variables, with its symbolic gradient and Hessian and,
/// for presets, its known stationary points.
public struct Objective: Sendable {
    /// What the user calls it: `f` for a typed formula, the preset's name otherwise.
    public var name: String
    /// Parameter names in order: `["x"]` or `["x", "y"]`.
    public var parameters: [String]
    public var expression: Expr
    /// One simplified partial derivative per parameter.
    public var gradient: [Expr]
    /// Second partial derivatives, `hessian[i][j] = d²f/dp_i dp_j`.
    public var hessian: [[Expr]]
    /// Global minima known in closed form or to full precision (presets only).
    public var minima: [[Double]]
    /// Other local minima, where a run can get stuck.
    public var localMinima: [[Double]]
    /// Saddle points, where a run can stall.
    public var saddles: [[Double]]
    /// The value at the global minima, when known.
    public var minimumValue: Double?

    private let evaluator: CompiledObjective

    /// The largest formula accepted, in nodes; keeps symbolic Hessians and compilation small.
    public static let maximumSize = 4000

    /// Builds an objective from a parsed formula.
    public init(name: String = "f", parameters: [String], expression: Expr,
                minima: [[Double]] = [], localMinima: [[Double]] = [], saddles: [[Double]] = [],
                minimumValue: Double? = nil) {
        self.name = name
        self.parameters = parameters
        self.expression = expression
        self.gradient = parameters.map { expression.derivative(withRespectTo: $0) }
        let gradient = self.gradient
        self.hessian = gradient.map { partial in parameters.map { partial.derivative(withRespectTo: $0) } }
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
    public func prepare(workspace: UnsafeMutableBufferPointer<Double>) {
        evaluator.prepare(workspace: workspace)
    }

    /// The loss at the point held in `workspace[0..<dimension]`, leaving the gradient at
    /// `workspace[gradientOffset...]`; the same values as `loss(at:gradient:)`. For loops
    /// that step many times (runs, training): the optimizer updates the point where it lies
    /// in the workspace and reads the gradient where the evaluation left it, with nothing
    /// copied and no array checked per call.
    @inline(__always)
    public func loss(inPlace workspace: UnsafeMutableBufferPointer<Double>) -> Double {
        evaluator.valueAndGradient(inPlace: workspace)
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

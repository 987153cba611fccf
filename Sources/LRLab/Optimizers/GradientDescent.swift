/// Plain (full-batch) gradient descent.
///
/// Update rule, for each parameter:
///
///     θ_t = θ_{t-1} − η_t · g_t
///
/// where g_t = ∇f(θ_{t-1}) and η_t is the learning rate in force at step t. On a quadratic
/// with curvature λ along a direction, the error along it is multiplied by (1 − η λ) per
/// step: monotone for η < 1/λ, oscillating but shrinking for 1/λ < η < 2/λ, growing beyond.
public struct GradientDescent: Optimizer {
    public let name = "gd"

    public init() {}

    public mutating func reset(parameterCount: Int) {}

    public mutating func update(parameters: inout [Double], gradient: [Double], learningRate: Double, step: Int) {
        for index in parameters.indices {
            parameters[index] -= learningRate * gradient[index]
        }
    }
}

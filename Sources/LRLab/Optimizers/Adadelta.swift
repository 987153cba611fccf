/// Adadelta (Zeiler 2012): RMSProp whose numerator is a running RMS of the past updates
/// instead of a hand-picked rate, so the step has the units of θ. PyTorch's
/// `torch.optim.Adadelta` rule, where `lr` (default 1.0) scales the final step.
///
/// Update rule, for each parameter, at step t (pytorch and optax conventions):
///
///     g_t = ∇f(θ_{t-1}) + λ θ_{t-1}                                 (λ = weight_decay, default 0)
///     E[g²]_t = ρ E[g²]_{t-1} + (1 − ρ) g_t²                         (`Eg2`, starts at 0)
///     Δ_t = √(E[Δ²]_{t-1} + ε) / √(E[g²]_t + ε) · g_t
///     E[Δ²]_t = ρ E[Δ²]_{t-1} + (1 − ρ) Δ_t²                         (`Edx2`, starts at 0)
///     θ_t = θ_{t-1} − η_t · Δ_t
///
/// `lr_eff` = η_t · √(E[Δ²]_{t-1} + ε) / √(E[g²]_t + ε), the rate the last step applied to g_t.
///
/// Under `convention=tutorial` this is the tutorial's "Adadelta", which is really RMSProp
/// with ε inside the root and no E[Δ²] at all:
///
///     E[g²]_t = ρ E[g²]_{t-1} + (1 − ρ) g_t²,    θ_t = θ_{t-1} − η_t · g_t / √(E[g²]_t + ε)
///
/// with `lr_eff` = η_t / √(E[g²]_t + ε). Its default rate is 0.001 instead of 1.0, because
/// here η is the whole step size rather than a multiplier on a self-scaled step.
/// Defaults: rho=0.9, eps=1e-6.
public struct Adadelta: Optimizer {
    public let name = "adadelta"
    public let rho: Double
    public let epsilon: Double
    public let weightDecay: Double
    /// The tutorial's RMSProp-like form.
    public let rmspropForm: Bool
    public let stateNames: [String]
    private var squareGradient: [Double] = []
    private var squareDelta: [Double] = []
    private var effectiveRate: [Double] = []

    public init(rho: Double = 0.9, epsilon: Double = 1e-6, weightDecay: Double = 0, rmspropForm: Bool = false) {
        self.rho = rho
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.rmspropForm = rmspropForm
        self.stateNames = rmspropForm ? ["Eg2", "lr_eff"] : ["Eg2", "Edx2", "lr_eff"]
    }


    /// E[g²], E[Δx²] and lr_eff.
    public var storedValuesPerParameter: Int { 3 }

    public mutating func reset(parameterCount: Int) {
        squareGradient = [Double](repeating: 0, count: parameterCount)
        squareDelta = [Double](repeating: 0, count: parameterCount)
        effectiveRate = [Double](repeating: .nan, count: parameterCount)
    }

    public mutating func update(parameters: inout MutableSpan<Double>, gradient: Span<Double>,
                                learningRate: Double, step: Int) {
        precondition(gradient.count == parameters.count, "the gradient and the parameters differ in length")
        if squareGradient.count != parameters.count { reset(parameterCount: parameters.count) }
        for index in parameters.indices {
            var g = gradient[index]
            if weightDecay != 0 { g += weightDecay * parameters[index] }
            let eg2 = rho * squareGradient[index] + (1 - rho) * g * g
            squareGradient[index] = eg2
            let gradientRMS = (eg2 + epsilon).squareRoot()
            if rmspropForm {
                effectiveRate[index] = learningRate / gradientRMS
                parameters[index] -= learningRate * (g / gradientRMS)
            } else {
                let ratio = (squareDelta[index] + epsilon).squareRoot() / gradientRMS
                let delta = ratio * g
                squareDelta[index] = rho * squareDelta[index] + (1 - rho) * delta * delta
                effectiveRate[index] = learningRate * ratio
                parameters[index] -= learningRate * delta
            }
        }
    }

    public func stateValue(_ index: Int, parameter: Int) -> Double {
        guard parameter < squareGradient.count else { return .nan }
        switch (index, rmspropForm) {
        case (0, _): return squareGradient[parameter]
        case (1, false): return squareDelta[parameter]
        case (1, true), (2, false): return effectiveRate[parameter]
        default: return .nan
        }
    }
}

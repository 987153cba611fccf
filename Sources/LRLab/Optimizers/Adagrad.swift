/// Adagrad: every parameter's rate is divided by the root of the sum of all its past squared
/// gradients, so steep directions slow down for good. PyTorch's `torch.optim.Adagrad` rule,
/// with ε inside the root under the optax and tutorial conventions.
///
/// Update rule, for each parameter, at step t (1-based):
///
///     g_t = ∇f(θ_{t-1}) + λ θ_{t-1}                       (λ = weight_decay, default 0)
///     η̃_t = η_t / (1 + (t − 1) · lr_decay)                (lr_decay default 0)
///     s_t = s_{t-1} + g_t²                                (s_0 = initial_accumulator_value; `sum`)
///     D_t = √s_t + ε        (pytorch)     or   √(s_t + ε)   (optax, tutorial)
///     θ_t = θ_{t-1} − η̃_t · g_t / D_t
///
/// Defaults: pytorch eps=1e-10, initial_accumulator_value=0; optax eps=1e-7,
/// initial_accumulator_value=0.1; tutorial eps=1e-8, initial_accumulator_value=0.
/// `lr_eff` = η̃_t / D_t, the rate the last step applied; with a constant η it never grows.
public struct Adagrad: Optimizer {
    public let name = "adagrad"
    public let learningRateDecay: Double
    public let epsilon: Double
    public let epsilonInsideRoot: Bool
    public let initialAccumulator: Double
    public let weightDecay: Double
    private var sum: [Double] = []
    private var effectiveRate: [Double] = []
    private var updates = 0

    public init(learningRateDecay: Double = 0, epsilon: Double = 1e-10, epsilonInsideRoot: Bool = false,
                initialAccumulator: Double = 0, weightDecay: Double = 0) {
        self.learningRateDecay = learningRateDecay
        self.epsilon = epsilon
        self.epsilonInsideRoot = epsilonInsideRoot
        self.initialAccumulator = initialAccumulator
        self.weightDecay = weightDecay
    }

    public let stateNames = ["sum", "lr_eff"]

    /// The sum of squares and lr_eff.
    public var storedValuesPerParameter: Int { 2 }

    public mutating func reset(parameterCount: Int) {
        sum = [Double](repeating: initialAccumulator, count: parameterCount)
        effectiveRate = [Double](repeating: .nan, count: parameterCount)
        updates = 0
    }

    public mutating func update(parameters: inout MutableSpan<Double>, gradient: Span<Double>,
                                learningRate: Double, step: Int) {
        precondition(gradient.count == parameters.count, "the gradient and the parameters differ in length")
        if sum.count != parameters.count { reset(parameterCount: parameters.count) }
        updates += 1
        let rate = learningRate / (1 + Double(updates - 1) * learningRateDecay)
        for index in parameters.indices {
            var g = gradient[index]
            if weightDecay != 0 { g += weightDecay * parameters[index] }
            let s = sum[index] + g * g
            sum[index] = s
            let denominator = epsilonInsideRoot ? (s + epsilon).squareRoot() : s.squareRoot() + epsilon
            effectiveRate[index] = rate / denominator
            parameters[index] -= rate * (g / denominator)
        }
    }

    public func stateValue(_ index: Int, parameter: Int) -> Double {
        guard parameter < sum.count else { return .nan }
        switch index {
        case 0: return sum[parameter]
        case 1: return effectiveRate[parameter]
        default: return .nan
        }
    }
}

/// RMSProp: divide the gradient by a running root-mean-square of recent gradients, as
/// PyTorch's `torch.optim.RMSprop` computes it (options alpha, eps, momentum, centered,
/// weight_decay), with ε inside the root under the optax and tutorial conventions.
///
/// Update rule, for each parameter, at step t:
///
///     g_t = ∇f(θ_{t-1}) + λ θ_{t-1}                   (λ = weight_decay, default 0)
///     v_t = α v_{t-1} + (1 − α) g_t²                  (v_0 = 0; `v`)
///     centered: ḡ_t = α ḡ_{t-1} + (1 − α) g_t,  and v_t − ḡ_t² replaces v_t below
///     D_t = √v_t + ε        (pytorch)     or   √(v_t + ε)   (optax, tutorial)
///     no momentum:  θ_t = θ_{t-1} − η_t · g_t / D_t
///     momentum μ:   b_t = μ b_{t-1} + g_t / D_t,   θ_t = θ_{t-1} − η_t · b_t
///
/// Defaults: pytorch alpha=0.99, eps=1e-8; optax and tutorial alpha=0.9, eps=1e-8.
/// `lr_eff` = η_t / D_t, the rate the last step applied to the fresh gradient; with momentum
/// it is the rate of the newest term added to the buffer.
public struct RMSProp: Optimizer {
    public let name = "rmsprop"
    public let alpha: Double
    public let epsilon: Double
    public let epsilonInsideRoot: Bool
    public let momentum: Double
    public let centered: Bool
    public let weightDecay: Double
    public let stateNames: [String]
    private var squareAverage: [Double] = []
    private var gradientAverage: [Double] = []
    private var buffer: [Double] = []
    private var effectiveRate: [Double] = []

    public init(alpha: Double = 0.99, epsilon: Double = 1e-8, epsilonInsideRoot: Bool = false, momentum: Double = 0,
                centered: Bool = false, weightDecay: Double = 0) {
        self.alpha = alpha
        self.epsilon = epsilon
        self.epsilonInsideRoot = epsilonInsideRoot
        self.momentum = momentum
        self.centered = centered
        self.weightDecay = weightDecay
        self.stateNames = ["v"] + (centered ? ["g_avg"] : []) + (momentum > 0 ? ["buf"] : []) + ["lr_eff"]
    }


    /// v, lr_eff, and g_avg and buf when centered and with momentum.
    public var storedValuesPerParameter: Int { 2 + (centered ? 1 : 0) + (momentum > 0 ? 1 : 0) }

    public mutating func reset(parameterCount: Int) {
        squareAverage = [Double](repeating: 0, count: parameterCount)
        gradientAverage = [Double](repeating: 0, count: centered ? parameterCount : 0)
        buffer = [Double](repeating: 0, count: momentum > 0 ? parameterCount : 0)
        effectiveRate = [Double](repeating: .nan, count: parameterCount)
    }

    public mutating func update(parameters: inout MutableSpan<Double>, gradient: Span<Double>,
                                learningRate: Double, step: Int) {
        precondition(gradient.count == parameters.count, "the gradient and the parameters differ in length")
        if squareAverage.count != parameters.count { reset(parameterCount: parameters.count) }
        for index in parameters.indices {
            var g = gradient[index]
            if weightDecay != 0 { g += weightDecay * parameters[index] }
            let v = alpha * squareAverage[index] + (1 - alpha) * g * g
            squareAverage[index] = v
            var variance = v
            if centered {
                let mean = alpha * gradientAverage[index] + (1 - alpha) * g
                gradientAverage[index] = mean
                variance = v - mean * mean
            }
            let denominator = epsilonInsideRoot ? (variance + epsilon).squareRoot() : variance.squareRoot() + epsilon
            effectiveRate[index] = learningRate / denominator
            if momentum > 0 {
                let b = momentum * buffer[index] + g / denominator
                buffer[index] = b
                parameters[index] -= learningRate * b
            } else {
                parameters[index] -= learningRate * (g / denominator)
            }
        }
    }

    public func stateValue(_ index: Int, parameter: Int) -> Double {
        guard parameter < squareAverage.count else { return .nan }
        var column = index
        if column == 0 { return squareAverage[parameter] }
        column -= 1
        if centered {
            if column == 0 { return gradientAverage[parameter] }
            column -= 1
        }
        if momentum > 0 {
            if column == 0 { return buffer[parameter] }
            column -= 1
        }
        return column == 0 ? effectiveRate[parameter] : .nan
    }
}

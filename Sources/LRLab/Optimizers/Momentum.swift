/// Stochastic gradient descent with momentum, heavy-ball or Nesterov, exactly as PyTorch's
/// `torch.optim.SGD(momentum=μ, dampening=d, weight_decay=λ, nesterov=…)` computes it.
///
/// Update rule, for each parameter, at step t (1-based):
///
///     g_t = ∇f(θ_{t-1}) + λ θ_{t-1}                      (L2 weight decay, λ = weight_decay)
///     b_1 = g_1;   b_t = μ b_{t-1} + (1 − d) g_t  for t > 1   (the velocity buffer, `v`)
///     heavy ball: θ_t = θ_{t-1} − η_t · b_t
///     Nesterov:   θ_t = θ_{t-1} − η_t · (g_t + μ b_t)
///
/// The learning rate stays outside the buffer (PyTorch's form, not the tutorial's
/// v_t = γ v_{t-1} + η g_t): when a schedule changes η the whole accumulated velocity is
/// rescaled at once. With a constant η the two forms give the same path.
///
/// Defaults: momentum=0.9, dampening=0, weight_decay=0 (Nesterov takes no dampening, as in
/// PyTorch). State shown: `v`, the buffer b_t.
public struct Momentum: Optimizer {
    public let name: String
    public private(set) var momentum: Double
    public private(set) var dampening: Double
    public private(set) var weightDecay: Double
    public let nesterov: Bool
    private var buffer: [Double] = []
    private var updates = 0

    public init(momentum: Double = 0.9, dampening: Double = 0, weightDecay: Double = 0, nesterov: Bool = false) {
        self.name = nesterov ? "nesterov" : "momentum"
        self.momentum = momentum
        self.dampening = nesterov ? 0 : dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
    }

    public let stateNames = ["v"]

    /// `momentum`, `dampening` (not for Nesterov) and `weight_decay` can change between
    /// steps; the velocity buffer is kept.
    public mutating func setOption(_ name: String, to value: Double) -> Bool {
        switch name {
        case "momentum": momentum = value
        case "dampening" where !nesterov: dampening = value
        case "weight_decay": weightDecay = value
        default: return false
        }
        return true
    }

    /// The velocity.
    public var storedValuesPerParameter: Int { 1 }

    public mutating func reset(parameterCount: Int) {
        buffer = [Double](repeating: 0, count: parameterCount)
        updates = 0
    }

    public mutating func update(parameters: inout MutableSpan<Double>, gradient: Span<Double>,
                                learningRate: Double, step: Int) {
        precondition(gradient.count == parameters.count, "the gradient and the parameters differ in length")
        if buffer.count != parameters.count { reset(parameterCount: parameters.count) }
        updates += 1
        let first = updates == 1
        for index in parameters.indices {
            var g = gradient[index]
            if weightDecay != 0 { g += weightDecay * parameters[index] }
            let b = first ? g : momentum * buffer[index] + (1 - dampening) * g
            buffer[index] = b
            let direction = nesterov ? g + momentum * b : b
            parameters[index] -= learningRate * direction
        }
    }

    public func stateValue(_ index: Int, parameter: Int) -> Double {
        index == 0 && parameter < buffer.count ? buffer[parameter] : .nan
    }
}

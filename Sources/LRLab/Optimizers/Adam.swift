/// Adam and AdamW (Kingma & Ba 2015; Loshchilov & Hutter 2019): momentum on the gradient and
/// an RMSProp-style scale, both bias-corrected for their zero start. PyTorch's
/// `torch.optim.Adam` / `AdamW` rules.
///
/// Update rule, for each parameter, at step t (1-based):
///
///     Adam:   g_t = ∇f(θ_{t-1}) + λ θ_{t-1}                  (L2 weight decay, default λ = 0)
///     AdamW:  g_t = ∇f(θ_{t-1});  θ_{t-1} ← θ_{t-1} (1 − η_t λ)  (decoupled, default λ = 0.01)
///     m_t = β₁ m_{t-1} + (1 − β₁) g_t                         (`m`)
///     v_t = β₂ v_{t-1} + (1 − β₂) g_t²                        (`v`)
///     c₁ = 1 − β₁^t,  c₂ = 1 − β₂^t                           (`bc1`, `bc2`)
///     m̂_t = m_t / c₁,  v̂_t = v_t / c₂                         (`m_hat`, `v_hat`)
///     θ_t = θ_{t-1} − η_t · m̂_t / (√v̂_t + ε)
///
/// AMSGrad (`amsgrad`) keeps the largest second moment seen (`vmax`) and divides by it:
///
///     pytorch, tutorial: v_max = max(v_max, v_t);   denominator √v_max / √c₂ + ε
///     optax:             v_max = max(v_max, v̂_t);   denominator √v_max + ε
///
/// Defaults: beta1=0.9, beta2=0.999, eps=1e-8. The first step moves every coordinate by
/// about η whatever the gradient's scale (m̂₁ = g₁, v̂₁ = g₁²).
/// `lr_eff` = η_t / (√v̂_t + ε) (with AMSGrad, η_t over its denominator): the step is lr_eff · m̂_t.
public struct Adam: Optimizer {
    public enum AMSGradMaximum: Sendable, Hashable {
        /// Maximum of the raw v, as PyTorch does.
        case beforeBiasCorrection
        /// Maximum of v̂, as optax does.
        case afterBiasCorrection
    }

    public let name: String
    public let beta1: Double
    public let beta2: Double
    public let epsilon: Double
    public let weightDecay: Double
    public let decoupledWeightDecay: Bool
    public let amsgrad: Bool
    public let amsgradMaximum: AMSGradMaximum
    public let stateNames: [String]
    private var firstMoment: [Double] = []
    private var secondMoment: [Double] = []
    private var maximum: [Double] = []
    private var effectiveRate: [Double] = []
    private var beta1Power = 1.0
    private var beta2Power = 1.0

    public init(beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, weightDecay: Double = 0,
                decoupledWeightDecay: Bool = false, amsgrad: Bool = false,
                amsgradMaximum: AMSGradMaximum = .beforeBiasCorrection) {
        self.name = decoupledWeightDecay ? "adamw" : "adam"
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decoupledWeightDecay = decoupledWeightDecay
        self.amsgrad = amsgrad
        self.amsgradMaximum = amsgradMaximum
        self.stateNames = ["m", "v", "m_hat", "v_hat", "bc1", "bc2"] + (amsgrad ? ["vmax"] : []) + ["lr_eff"]
    }


    public mutating func reset(parameterCount: Int) {
        firstMoment = [Double](repeating: 0, count: parameterCount)
        secondMoment = [Double](repeating: 0, count: parameterCount)
        maximum = [Double](repeating: 0, count: amsgrad ? parameterCount : 0)
        effectiveRate = [Double](repeating: .nan, count: parameterCount)
        beta1Power = 1
        beta2Power = 1
    }

    /// The bias corrections 1 − β^t after the last update (1 − β^0 = 0 before any).
    public var biasCorrection1: Double { 1 - beta1Power }
    public var biasCorrection2: Double { 1 - beta2Power }

    public mutating func update(parameters: inout [Double], gradient: [Double], learningRate: Double, step: Int) {
        if firstMoment.count != parameters.count { reset(parameterCount: parameters.count) }
        beta1Power *= beta1
        beta2Power *= beta2
        let c1 = 1 - beta1Power, c2 = 1 - beta2Power
        if !amsgrad, weightDecay == 0 {
            // The common case, on raw buffers: no uniqueness or bounds checks per element.
            let (beta1, beta2, epsilon) = (self.beta1, self.beta2, self.epsilon)
            firstMoment.withUnsafeMutableBufferPointer { first in
                secondMoment.withUnsafeMutableBufferPointer { second in
                    effectiveRate.withUnsafeMutableBufferPointer { rates in
                        parameters.withUnsafeMutableBufferPointer { theta in
                            gradient.withUnsafeBufferPointer { g in
                                for index in 0..<Swift.min(theta.count, g.count, first.count) {
                                    let m = beta1 * first[index] + (1 - beta1) * g[index]
                                    let v = beta2 * second[index] + (1 - beta2) * g[index] * g[index]
                                    first[index] = m
                                    second[index] = v
                                    let rate = learningRate / ((v / c2).squareRoot() + epsilon)
                                    rates[index] = rate
                                    theta[index] -= rate * (m / c1)
                                }
                            }
                        }
                    }
                }
            }
            return
        }
        // Only AMSGrad's PyTorch form divides by √c₂; computed here, not above, so the common
        // case does not pay a square root per step for nothing.
        let rootC2 = c2.squareRoot()
        for index in parameters.indices {
            var g = gradient[index]
            if weightDecay != 0 {
                if decoupledWeightDecay {
                    parameters[index] *= 1 - learningRate * weightDecay
                } else {
                    g += weightDecay * parameters[index]
                }
            }
            let m = beta1 * firstMoment[index] + (1 - beta1) * g
            let v = beta2 * secondMoment[index] + (1 - beta2) * g * g
            firstMoment[index] = m
            secondMoment[index] = v
            let denominator: Double
            if amsgrad {
                switch amsgradMaximum {
                case .beforeBiasCorrection:
                    let largest = Swift.max(maximum[index], v)
                    maximum[index] = largest
                    denominator = largest.squareRoot() / rootC2 + epsilon
                case .afterBiasCorrection:
                    let largest = Swift.max(maximum[index], v / c2)
                    maximum[index] = largest
                    denominator = largest.squareRoot() + epsilon
                }
            } else {
                denominator = (v / c2).squareRoot() + epsilon
            }
            let rate = learningRate / denominator
            effectiveRate[index] = rate
            parameters[index] -= rate * (m / c1)
        }
    }

    /// All state columns in one pass (the run's per-step copy), equal to `stateValue`'s.
    public func writeState(into buffer: inout [Double]) {
        let n = firstMoment.count
        guard buffer.count >= stateNames.count * n else { return }
        let c1 = biasCorrection1, c2 = biasCorrection2
        buffer.withUnsafeMutableBufferPointer { out in
            for p in 0..<n {
                let m = firstMoment[p], v = secondMoment[p]
                out[p] = m
                out[n + p] = v
                out[2 * n + p] = m / c1
                out[3 * n + p] = v / c2
                out[4 * n + p] = c1
                out[5 * n + p] = c2
                if amsgrad {
                    out[6 * n + p] = maximum[p]
                    out[7 * n + p] = effectiveRate[p]
                } else {
                    out[6 * n + p] = effectiveRate[p]
                }
            }
        }
    }

    public func stateValue(_ index: Int, parameter: Int) -> Double {
        guard parameter < firstMoment.count else { return .nan }
        switch index {
        case 0: return firstMoment[parameter]
        case 1: return secondMoment[parameter]
        case 2: return firstMoment[parameter] / biasCorrection1
        case 3: return secondMoment[parameter] / biasCorrection2
        case 4: return biasCorrection1
        case 5: return biasCorrection2
        case 6 where amsgrad: return maximum[parameter]
        case 6: return effectiveRate[parameter]
        case 7 where amsgrad: return effectiveRate[parameter]
        default: return .nan
        }
    }
}

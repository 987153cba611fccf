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
    public private(set) var epsilon: Double
    public private(set) var weightDecay: Double
    public let decoupledWeightDecay: Bool
    public let amsgrad: Bool
    public let amsgradMaximum: AMSGradMaximum
    public let stateNames: [String]
    /// The per-parameter state in one buffer, `parameterCount` values per quantity: m, v,
    /// lr_eff, then v_max with AMSGrad. One buffer so an update touches one array (one
    /// uniqueness check, not four).
    private var moments: [Double] = []
    private var parameterCount = 0
    private var beta1Power = 1.0
    private var beta2Power = 1.0
    private static let firstMoment = 0, secondMoment = 1, effectiveRate = 2, maximum = 3

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


    /// `eps` and `weight_decay` can change between steps; the moments are kept. The betas
    /// cannot: the bias corrections 1 − β^t assume one β since the start.
    public mutating func setOption(_ name: String, to value: Double) -> Bool {
        switch name {
        case "eps": epsilon = value
        case "weight_decay": weightDecay = value
        default: return false
        }
        return true
    }

    /// m, v and lr_eff, and v_max with AMSGrad.
    public var storedValuesPerParameter: Int { amsgrad ? 4 : 3 }

    public mutating func reset(parameterCount: Int) {
        self.parameterCount = parameterCount
        moments = [Double](repeating: 0, count: (amsgrad ? 4 : 3) * parameterCount)
        for index in 0..<parameterCount { moments[Adam.effectiveRate * parameterCount + index] = .nan }
        beta1Power = 1
        beta2Power = 1
    }

    /// The bias corrections 1 − β^t after the last update (1 − β^0 = 0 before any).
    public var biasCorrection1: Double { 1 - beta1Power }
    public var biasCorrection2: Double { 1 - beta2Power }

    /// Update number `step`, for every parameter, by the rule above. Plain Adam (no weight
    /// decay, no AMSGrad) is the inner loop of every Adam run: `AdamKernel` computes the same
    /// operations, bit for bit, two parameters at a time. Always inlined, so that a run's
    /// step loop (`Optimizer.takeSteps`, compiled for `Adam`) holds the update's set-up.
    @inline(__always)
    public mutating func update(parameters theta: inout MutableSpan<Double>, gradient g: Span<Double>,
                                learningRate lr: Double, step: Int) {
        precondition(g.count == theta.count, "the gradient and the parameters differ in length")
        if parameterCount != theta.count { reset(parameterCount: theta.count) }
        let n = parameterCount
        beta1Power *= beta1
        beta2Power *= beta2
        let c1 = 1 - beta1Power, c2 = 1 - beta2Power
        let (beta1, beta2, epsilon, weightDecay) = (self.beta1, self.beta2, self.epsilon, self.weightDecay)
        guard n > 0 else { return }
        if !amsgrad, weightDecay == 0 {
            let kernel = AdamKernel(beta1: beta1, beta2: beta2, epsilon: epsilon, learningRate: lr, c1: c1, c2: c2)
            theta.withUnsafeMutableBufferPointer { theta in
                g.withUnsafeBufferPointer { g in
                    moments.withUnsafeMutableBufferPointer { moments in
                        let m = moments.baseAddress!
                        kernel.update(n, theta: theta.baseAddress!, g: g.baseAddress!, m: m, v: m + n, rates: m + 2 * n)
                    }
                }
            }
            return
        }
        let (decoupled, amsgrad, maximumBeforeCorrection) = (decoupledWeightDecay, self.amsgrad, amsgradMaximum == .beforeBiasCorrection)
        let (mAt, vAt, rateAt, vmaxAt) = (Adam.firstMoment * n, Adam.secondMoment * n, Adam.effectiveRate * n, Adam.maximum * n)
        var state = moments.mutableSpan
        for i in 0..<n {
            var gradient = g[i]
            if weightDecay != 0 {
                if decoupled {
                    theta[i] *= 1 - lr * weightDecay
                } else {
                    gradient += weightDecay * theta[i]
                }
            }
            let m = beta1 * state[mAt + i] + (1 - beta1) * gradient
            let v = beta2 * state[vAt + i] + (1 - beta2) * gradient * gradient
            state[mAt + i] = m
            state[vAt + i] = v
            let denominator: Double
            if !amsgrad {
                denominator = (v / c2).squareRoot() + epsilon
            } else if maximumBeforeCorrection {
                let vmax = Swift.max(state[vmaxAt + i], v)
                state[vmaxAt + i] = vmax
                denominator = vmax.squareRoot() / c2.squareRoot() + epsilon
            } else {
                let vmax = Swift.max(state[vmaxAt + i], v / c2)
                state[vmaxAt + i] = vmax
                denominator = vmax.squareRoot() + epsilon
            }
            let rate = lr / denominator
            state[rateAt + i] = rate
            theta[i] -= rate * (m / c1)
        }
    }

    /// All state columns in one pass (the run's per-step copy), equal to `stateValue`'s.
    /// Written column by column through pointers: the trace asks for it on every row it
    /// keeps, a quarter of a million times in a million-step run.
    public func writeState(into buffer: inout MutableSpan<Double>) {
        let n = parameterCount
        guard buffer.count >= stateNames.count * n, n > 0 else { return }
        let c1 = biasCorrection1, c2 = biasCorrection2
        buffer.withUnsafeMutableBufferPointer { buffer in moments.withUnsafeBufferPointer { moments in
            guard let row = buffer.baseAddress else { return }
            guard let first = moments.baseAddress else { return }
            let second = first + n, rates = first + 2 * n, maximum = first + 3 * n
            // The row's columns: m, v, m_hat, v_hat, bc1, bc2, then vmax with AMSGrad, then lr_eff.
            let m = row, v = row + n, mHat = row + 2 * n, vHat = row + 3 * n, bc1 = row + 4 * n, bc2 = row + 5 * n
            let rate = amsgrad ? row + 7 * n : row + 6 * n
            for p in 0..<n {
                m[p] = first[p]
                v[p] = second[p]
                mHat[p] = first[p] / c1
                vHat[p] = second[p] / c2
                bc1[p] = c1
                bc2[p] = c2
                rate[p] = rates[p]
            }
            if amsgrad {
                let largest = row + 6 * n
                for p in 0..<n { largest[p] = maximum[p] }
            }
        } }
    }

    public func stateValue(_ index: Int, parameter: Int) -> Double {
        guard parameter >= 0, parameter < parameterCount else { return .nan }
        func moment(_ quantity: Int) -> Double { moments[quantity * parameterCount + parameter] }
        switch index {
        case 0: return moment(Adam.firstMoment)
        case 1: return moment(Adam.secondMoment)
        case 2: return moment(Adam.firstMoment) / biasCorrection1
        case 3: return moment(Adam.secondMoment) / biasCorrection2
        case 4: return biasCorrection1
        case 5: return biasCorrection2
        case 6 where amsgrad: return moment(Adam.maximum)
        case 6: return moment(Adam.effectiveRate)
        case 7 where amsgrad: return moment(Adam.effectiveRate)
        default: return .nan
        }
    }
}

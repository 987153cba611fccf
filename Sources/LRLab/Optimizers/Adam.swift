#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

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

    public mutating func update(parameters theta: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeBufferPointer<Double>,
                                learningRate: Double, step: Int) {
        precondition(g.count == theta.count, "the gradient and the parameters differ in length")
        if parameterCount != theta.count { reset(parameterCount: theta.count) }
        beta1Power *= beta1
        beta2Power *= beta2
        let c1 = 1 - beta1Power, c2 = 1 - beta2Power
        let (beta1, beta2, epsilon, weightDecay) = (self.beta1, self.beta2, self.epsilon, self.weightDecay)
        let (n, amsgrad, decoupled, maximumBeforeCorrection) =
            (parameterCount, self.amsgrad, decoupledWeightDecay, amsgradMaximum == .beforeBiasCorrection)
        // Only AMSGrad's PyTorch form divides by √c₂; the common case pays no square root for it.
        let rootC2 = amsgrad && maximumBeforeCorrection ? c2.squareRoot() : 1
        moments.withUnsafeMutableBufferPointer { moments in
            let first = moments.baseAddress!, second = first + n, rates = first + 2 * n, maximum = first + 3 * n
            if !amsgrad, weightDecay == 0 {
                // The common case, written out without the branches below: it is
                // the inner loop of every Adam run. Two parameters at a time, each lane
                // computing exactly the scalar loop's operations (so the same results):
                // the divisions and the square root take two lanes for the price of one.
                // Divisions are what this loop waits for (three and a square root per
                // pair): once c₁ = 1 − β₁ᵗ has rounded to exactly 1 (from t ≈ 360 with
                // β₁ = 0.9), m / c₁ is m itself, bit for bit (m is never a signalling NaN),
                // so that division is left out (a second copy of the loop, chosen once).
                var index = 0
                let (b1, b2, oneMinusB1, oneMinusB2) = (SIMD2(repeating: beta1), SIMD2(repeating: beta2),
                                                        SIMD2(repeating: 1 - beta1), SIMD2(repeating: 1 - beta2))
                let (vc1, vc2, vRate, vEpsilon) = (SIMD2(repeating: c1), SIMD2(repeating: c2), SIMD2(repeating: learningRate),
                                                   SIMD2(repeating: epsilon))
                @inline(__always) func pairs(dividingByC1: Bool) {
                    while index &+ 2 <= n {
                        let gradient = SIMD2(g[index], g[index + 1])
                        let m = b1 * SIMD2(first[index], first[index + 1]) + oneMinusB1 * gradient
                        let v = b2 * SIMD2(second[index], second[index + 1]) + oneMinusB2 * gradient * gradient
                        let rate = vRate / (Adam.squareRoots(v / vc2) + vEpsilon)
                        let step = rate * (dividingByC1 ? m / vc1 : m)
                        (first[index], first[index + 1]) = (m[0], m[1])
                        (second[index], second[index + 1]) = (v[0], v[1])
                        (rates[index], rates[index + 1]) = (rate[0], rate[1])
                        theta[index] -= step[0]
                        theta[index + 1] -= step[1]
                        index &+= 2
                    }
                }
                if c1 == 1 { pairs(dividingByC1: false) } else { pairs(dividingByC1: true) }
                for index in index..<n {
                    let m = beta1 * first[index] + (1 - beta1) * g[index]
                    let v = beta2 * second[index] + (1 - beta2) * g[index] * g[index]
                    first[index] = m
                    second[index] = v
                    let rate = learningRate / ((v / c2).squareRoot() + epsilon)
                    rates[index] = rate
                    theta[index] -= rate * (m / c1)
                }
                return
            }
            for index in 0..<n {
                var gradient = g[index]
                if weightDecay != 0 {
                    if decoupled {
                        theta[index] *= 1 - learningRate * weightDecay
                    } else {
                        gradient += weightDecay * theta[index]
                    }
                }
                let m = beta1 * first[index] + (1 - beta1) * gradient
                let v = beta2 * second[index] + (1 - beta2) * gradient * gradient
                first[index] = m
                second[index] = v
                let denominator: Double
                if !amsgrad {
                    denominator = (v / c2).squareRoot() + epsilon
                } else if maximumBeforeCorrection {
                    let largest = Swift.max(maximum[index], v)
                    maximum[index] = largest
                    denominator = largest.squareRoot() / rootC2 + epsilon
                } else {
                    let largest = Swift.max(maximum[index], v / c2)
                    maximum[index] = largest
                    denominator = largest.squareRoot() + epsilon
                }
                let rate = learningRate / denominator
                rates[index] = rate
                theta[index] -= rate * (m / c1)
            }
        }
    }

    /// √x lane by lane. `squareRoot()` on a SIMD2 is two scalar calls, each with glibc's
    /// errno check for negative inputs (a branch and a possible call); SSE2's `sqrtpd` takes
    /// both lanes at once. Both are IEEE 754's correctly rounded square root, and a negative
    /// or NaN lane gives the same NaN (glibc's `sqrt` computes it with `sqrtsd`), so the
    /// results are bit-identical (`AdamLanesTests`). SSE2 is baseline x86-64.
    @inline(__always)
    static func squareRoots(_ x: SIMD2<Double>) -> SIMD2<Double> {
        #if arch(x86_64)
        return _mm_sqrt_pd(x)
        #else
        return x.squareRoot()
        #endif
    }

    /// All state columns in one pass (the run's per-step copy), equal to `stateValue`'s.
    /// Written column by column through pointers: the trace asks for it on every row it
    /// keeps, a quarter of a million times in a million-step run.
    public func writeState(into buffer: UnsafeMutableBufferPointer<Double>) {
        let n = parameterCount
        guard buffer.count >= stateNames.count * n, n > 0, let row = buffer.baseAddress else { return }
        let c1 = biasCorrection1, c2 = biasCorrection2
        moments.withUnsafeBufferPointer { moments in
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
        }
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

#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Plain Adam's update (no weight decay, no AMSGrad) over many parameters at once: the inner
/// loop of every Adam run and training, kept apart from `Adam` so that `Adam.update` reads
/// like its equations.
///
/// The contract: the parameters, `m`, `v` and `lr_eff` after `update` equal, bit for bit,
/// those of the scalar rule
///
///     m ← β₁ m + (1 − β₁) g
///     v ← β₂ v + (1 − β₂) g · g
///     lr_eff ← η / (√(v / c₂) + ε)
///     θ ← θ − lr_eff · (m / c₁)
///
/// evaluated in that order for each parameter (`AdamKernelTests` checks it).
///
/// How: two parameters at a time, each lane computing exactly the scalar operations, so
/// the divisions and the square root, which the loop waits for, take two lanes for the
/// price of one. Once c₁ = 1 − β₁ᵗ has rounded to exactly 1 (from t ≈ 360 with β₁ = 0.9),
/// m / c₁ is m itself, bit for bit (m is never a signalling NaN), so a second copy of the
/// loop, chosen once per update, leaves that division out.
struct AdamKernel {
    var beta1: Double
    var beta2: Double
    var epsilon: Double
    var learningRate: Double
    /// The bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ of this step.
    var c1: Double
    var c2: Double

    /// Updates `n` parameters `theta`, their gradient `g`, and the state `m`, `v` and
    /// `rates` (`lr_eff`), `n` values each.
    @inline(__always)
    func update(_ n: Int, theta: UnsafeMutablePointer<Double>, g: UnsafePointer<Double>, m first: UnsafeMutablePointer<Double>,
                v second: UnsafeMutablePointer<Double>, rates: UnsafeMutablePointer<Double>) {
        let (beta1, beta2, epsilon, learningRate, c1, c2) = (self.beta1, self.beta2, epsilon, self.learningRate, self.c1, self.c2)
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
                let rate = vRate / (AdamKernel.squareRoots(v / vc2) + vEpsilon)
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
    }

    /// √x lane by lane. `squareRoot()` on a SIMD2 is two scalar calls, each with glibc's
    /// errno check for negative inputs (a branch and a possible call); SSE2's `sqrtpd` takes
    /// both lanes at once. Both are IEEE 754's correctly rounded square root, and a negative
    /// or NaN lane gives the same NaN (glibc's `sqrt` computes it with `sqrtsd`), so the
    /// results are bit-identical. SSE2 is baseline x86-64.
    @inline(__always)
    static func squareRoots(_ x: SIMD2<Double>) -> SIMD2<Double> {
        #if arch(x86_64)
        return _mm_sqrt_pd(x)
        #else
        return x.squareRoot()
        #endif
    }
}

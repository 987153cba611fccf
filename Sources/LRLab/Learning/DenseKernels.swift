/// The two inner loops every dense layer spends its time in, on raw pointers, with a fixed
/// order of operations (so results do not depend on the batch or the machine): a dot product
/// summed in four interleaved partial sums, and `y += a·x`.
enum DenseKernels {
    /// Σ xᵢyᵢ over `count` values: four partial sums over the indices ≡ 0, 1, 2, 3 (mod 4),
    /// added as (s₀ + s₁) + (s₂ + s₃), then the tail in order.
    @inline(__always)
    static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int) -> Double {
        var sums = SIMD4<Double>()
        var index = 0
        while index + 4 <= count {
            let a = UnsafeRawPointer(x + index).loadUnaligned(as: SIMD4<Double>.self)
            let b = UnsafeRawPointer(y + index).loadUnaligned(as: SIMD4<Double>.self)
            sums += a * b
            index += 4
        }
        var total = (sums[0] + sums[1]) + (sums[2] + sums[3])
        while index < count {
            total += x[index] * y[index]
            index += 1
        }
        return total
    }

    /// `dot(w, xₖ)` for four vectors x₀…x₃ at once, each summed in exactly `dot`'s order (so the
    /// results are bit-identical to four calls), loading each stretch of `w` once for all four.
    @inline(__always)
    static func dot4(_ w: UnsafePointer<Double>, _ x0: UnsafePointer<Double>, _ x1: UnsafePointer<Double>,
                     _ x2: UnsafePointer<Double>, _ x3: UnsafePointer<Double>, count: Int) -> (Double, Double, Double, Double) {
        var s0 = SIMD4<Double>(), s1 = SIMD4<Double>(), s2 = SIMD4<Double>(), s3 = SIMD4<Double>()
        var index = 0
        while index + 4 <= count {
            let a = UnsafeRawPointer(w + index).loadUnaligned(as: SIMD4<Double>.self)
            s0 += a * UnsafeRawPointer(x0 + index).loadUnaligned(as: SIMD4<Double>.self)
            s1 += a * UnsafeRawPointer(x1 + index).loadUnaligned(as: SIMD4<Double>.self)
            s2 += a * UnsafeRawPointer(x2 + index).loadUnaligned(as: SIMD4<Double>.self)
            s3 += a * UnsafeRawPointer(x3 + index).loadUnaligned(as: SIMD4<Double>.self)
            index += 4
        }
        var t0 = (s0[0] + s0[1]) + (s0[2] + s0[3]), t1 = (s1[0] + s1[1]) + (s1[2] + s1[3])
        var t2 = (s2[0] + s2[1]) + (s2[2] + s2[3]), t3 = (s3[0] + s3[1]) + (s3[2] + s3[3])
        while index < count {
            let a = w[index]
            t0 += a * x0[index]
            t1 += a * x1[index]
            t2 += a * x2[index]
            t3 += a * x3[index]
            index += 1
        }
        return (t0, t1, t2, t3)
    }

    /// y ← y + a·x over `count` values.
    @inline(__always)
    static func addScaled(_ a: Double, _ x: UnsafePointer<Double>, to y: UnsafeMutablePointer<Double>, count: Int) {
        var index = 0
        let scale = SIMD4<Double>(repeating: a)
        while index + 4 <= count {
            let source = UnsafeRawPointer(x + index).loadUnaligned(as: SIMD4<Double>.self)
            let target = UnsafeMutableRawPointer(y + index)
            let sum = target.loadUnaligned(as: SIMD4<Double>.self) + scale * source
            target.storeBytes(of: sum, as: SIMD4<Double>.self)
            index += 4
        }
        while index < count {
            y[index] += a * x[index]
            index += 1
        }
    }
}

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

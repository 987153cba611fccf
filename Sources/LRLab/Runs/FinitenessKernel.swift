/// Whether every value of a run's point and gradient is finite, tested once a step for a
/// step whose trace row is not kept (`RunProgress`): x · 0 is ±0 for a finite x and not a
/// number otherwise, so a sum of such products is 0 exactly when every value is finite, in any
/// order of addition. `RunFinitenessTests` puts a NaN or an infinity at every index.
enum FinitenessKernel {
    /// Σ x·0 over `point` and over `gradient`: each ±0 exactly when every value is finite,
    /// else not a number, in any order of addition. Summed two values at a time: a model's
    /// thousands of parameters in four independent chains (two per array), so that each
    /// addition need not wait for the one before; a formula's few in one pair per array,
    /// with no loop to set up for two parameters.
    @inline(__always)
    static func checks(_ point: UnsafeMutableBufferPointer<Double>,
                       _ gradient: UnsafeMutableBufferPointer<Double>) -> (point: Double, gradient: Double) {
        let dimension = point.count
        guard let p = point.baseAddress, let g = gradient.baseAddress else { return (0, 0) }
        typealias Pair = SIMD2<Double>
        func pair(_ x: UnsafeMutablePointer<Double>) -> Pair { UnsafeRawPointer(x).loadUnaligned(as: Pair.self) }
        var (p0, p1, g0, g1) = (Pair(), Pair(), Pair(), Pair())
        var index = 0
        while index + 4 <= dimension {
            p0 += pair(p + index) * 0
            p1 += pair(p + index + 2) * 0
            g0 += pair(g + index) * 0
            g1 += pair(g + index + 2) * 0
            index += 4
        }
        if index + 2 <= dimension {
            p0 += pair(p + index) * 0
            g0 += pair(g + index) * 0
            index += 2
        }
        var pointCheck = (p0 + p1).sum(), gradientCheck = (g0 + g1).sum()
        if index < dimension {
            pointCheck += p[index] * 0
            gradientCheck += g[index] * 0
        }
        return (pointCheck, gradientCheck)
    }
}

/// The Euclidean norm ‖v‖ = √(Σ vᵢ²) of a gradient or a displacement, right at every scale.
///
/// The plain sum of squares underflows to 0 for components below about 1e-162 (so
/// `f(x) = 1e-170·x` would read as converged with norm 0) and overflows to infinity above about
/// 1e154 (`f(x) = 1e200·x` would read as infinite). Like LAPACK's `dnrm2` and C's `hypot`, the
/// norm is then computed scaled: with m = max |vᵢ|, ‖v‖ = m·√(Σ (vᵢ/m)²), which neither
/// underflows nor overflows unless the norm itself does.
///
/// Contract: when the plain sum s (in index order) is finite and at least 2⁻⁹⁶⁸ the norm is
/// exactly `s.squareRoot()` (components whose squares underflow then change s by less than
/// d·2⁻¹⁰⁷ relative); otherwise it is the scaled form. NaN components give NaN, an infinite
/// component gives infinity, the empty vector 0.
public enum EuclideanNorm {
    /// The smallest plain sum of squares taken as it is.
    public static let smallestTrustedSumOfSquares = 0x1p-968

    /// The norm of `vector`.
    static func of(_ vector: UnsafeBufferPointer<Double>) -> Double {
        var squares = 0.0
        for value in vector { squares += value * value }
        return of(vector, sumOfSquares: squares)
    }

    /// The norm of `vector`.
    public static func of(_ vector: [Double]) -> Double {
        vector.withUnsafeBufferPointer { of($0) }
    }

    /// The norm of `vector` whose plain sum of squares, in index order, is `sumOfSquares`
    /// (a caller that has summed already, as a run's step has, passes it in).
    @inline(__always)
    static func of(_ vector: UnsafeBufferPointer<Double>, sumOfSquares: Double) -> Double {
        norm(count: vector.count, sumOfSquares: sumOfSquares) { vector[$0] }
    }

    /// The distance ‖a − b‖ over the first `count` components of each (either may be longer),
    /// with the same contract as the norm: exact square root of the plain sum where that is
    /// trusted, scaled otherwise.
    static func distance(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>, count: Int) -> Double {
        var squares = 0.0
        for index in 0..<count { let delta = a[index] - b[index]; squares += delta * delta }
        return norm(count: count, sumOfSquares: squares) { a[$0] - b[$0] }
    }

    /// The distance ‖a − b‖ between two points of the same dimension.
    public static func distance(_ a: [Double], _ b: [Double]) -> Double {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in distance(a, b, count: Swift.min(a.count, b.count)) }
        }
    }

    /// The norm of the `count` values `component(0)…`, whose plain sum of squares is `sumOfSquares`.
    @inline(__always)
    static func norm(count: Int, sumOfSquares: Double, component: (Int) -> Double) -> Double {
        if sumOfSquares >= smallestTrustedSumOfSquares, sumOfSquares <= .greatestFiniteMagnitude {
            return sumOfSquares.squareRoot()
        }
        if sumOfSquares.isNaN { return .nan }
        return scaled(count: count, component: component)
    }

    /// m·√(Σ (vᵢ/m)²) with m the largest magnitude; 0 when m is 0, infinity when m is.
    static func scaled(count: Int, component: (Int) -> Double) -> Double {
        var largest = 0.0
        for index in 0..<count {
            let value = component(index)
            if value.isNaN { return .nan }
            largest = Swift.max(largest, Swift.abs(value))
        }
        guard largest > 0, largest.isFinite else { return largest }
        var sum = 0.0
        for index in 0..<count {
            let ratio = component(index) / largest
            sum += ratio * ratio
        }
        return largest * sum.squareRoot()
    }
}

/// The test `‖g‖ < threshold` for a gradient g whose plain sum of squares s is at hand,
/// answered without a square root in all but a sliver of cases.
///
/// Why: a run asks it after every step, and the square root shares the core's divider with
/// the optimizer's divisions, which are on the step's critical path, so a square root every
/// step slows every run.
///
/// Exact: `isMet(bySumOfSquares: s)` equals `s.squareRoot() < threshold` for every `s`,
/// including NaN and infinities, and `isMet(bySumOfSquares: s, of: g)` equals
/// `EuclideanNorm.of(g) < threshold` (the norm that does not underflow or overflow). With
/// T = threshold² rounded, a sum below T·(1 − 2⁻⁴⁰) has a correctly rounded root below the
/// threshold and a sum above T·(1 + 2⁻⁴⁰) has one above it, whatever the rounding of T and of
/// the bounds (each at most 2⁻⁵³ relative). The shortcuts are used only for thresholds from
/// 2⁻⁴⁸⁰ to 2⁴⁸⁰ (about 3e-145 to 3e144): then a sum that underflowed (below 2⁻⁹⁶⁸, the norm
/// below about 2⁻⁴⁸⁴) is certainly below the threshold and one that overflowed (the norm above
/// about 2⁵¹¹) certainly above, so the shortcuts agree with the scaled norm too. Sums in
/// between, and every sum for other thresholds, take the norm itself.
public struct NormThreshold: Sendable, Hashable {
    public let threshold: Double
    /// Sums of squares below this certainly meet the threshold.
    private let certainlyBelow: Double
    /// Sums of squares above this certainly do not.
    private let certainlyAbove: Double

    public init(_ threshold: Double) {
        self.threshold = threshold
        let square = threshold * threshold
        if threshold >= 0x1p-480, threshold <= 0x1p480 {
            certainlyBelow = square * (1 - 0x1p-40)
            certainlyAbove = square * (1 + 0x1p-40)
        } else {
            // Zero, negative, NaN or extreme thresholds: always the norm itself.
            certainlyBelow = -.infinity
            certainlyAbove = .infinity
        }
    }

    /// Whether the norm `√sumOfSquares` is below the threshold.
    @inline(__always)
    public func isMet(bySumOfSquares sumOfSquares: Double) -> Bool {
        if sumOfSquares < certainlyBelow { return true }
        if sumOfSquares > certainlyAbove { return false }
        return sumOfSquares.squareRoot() < threshold
    }

    /// Whether `EuclideanNorm.of(vector)` is below the threshold, given the plain sum of
    /// squares of `vector` in index order (which the caller has computed anyway).
    @inline(__always)
    func isMet(bySumOfSquares sumOfSquares: Double, of vector: UnsafeBufferPointer<Double>) -> Bool {
        if sumOfSquares < certainlyBelow { return true }
        if sumOfSquares > certainlyAbove { return false }
        return EuclideanNorm.of(vector, sumOfSquares: sumOfSquares) < threshold
    }
}

/// The test `√s < threshold` for a sum of squares `s` (a gradient's squared norm), answered
/// without a square root in all but a sliver of cases.
///
/// Why: a run asks it after every step, and the square root shares the core's divider with
/// the optimizer's divisions, which are on the step's critical path; one square root a step
/// made a million Adam steps about 5 ns per step slower.
///
/// Exact: `isMet(bySumOfSquares: s)` equals `s.squareRoot() < threshold` for every `s`,
/// including NaN and infinities. With T = threshold² rounded, a sum below T·(1 − 2⁻⁴⁰) has a
/// correctly rounded root below the threshold and a sum above T·(1 + 2⁻⁴⁰) has one above it,
/// whatever the rounding of T and of the bounds (each at most 2⁻⁵³ relative); only sums in
/// between, and every sum when T is not a normal number, take the square root.
public struct NormThreshold: Sendable, Hashable {
    public let threshold: Double
    /// Sums of squares below this certainly meet the threshold.
    private let certainlyBelow: Double
    /// Sums of squares above this certainly do not.
    private let certainlyAbove: Double

    public init(_ threshold: Double) {
        self.threshold = threshold
        let square = threshold * threshold
        if threshold > 0, square.isFinite, square >= 0x1p-1000 {
            certainlyBelow = square * (1 - 0x1p-40)
            certainlyAbove = square * (1 + 0x1p-40)
        } else {
            // Zero, negative, NaN or extreme thresholds: always the square root.
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
}

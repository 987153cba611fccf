/// A seeded source of random numbers for everything random in lrlab (noise, data sets, splits,
/// shuffles, initialisation, populations): SplitMix64 (Steele, Lea & Flood 2014). Same seed,
/// same sequence on every platform and every Swift version, because it never calls the
/// standard library's unspecified algorithms (`shuffled()`, `random(in:)`); no global state.
public struct SeededRandom: RandomNumberGenerator, Sendable, Hashable {
    public let seed: UInt64
    private var state: UInt64

    public init(seed: UInt64) {
        self.seed = seed
        self.state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in the open interval (0, 1) (53 random bits, never exactly 0 or 1).
    public mutating func nextUniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// A uniform number in `range` (`lower + (upper − lower)·u`).
    public mutating func nextUniform(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * nextUniform()
    }

    /// A whole number in `0..<bound`, without modulo bias (Lemire's multiply-and-reject, written
    /// out so the sequence never depends on the standard library). `bound` must be positive.
    public mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0, "nextIndex(below:) needs a positive bound")
        let limit = UInt64(bound)
        while true {
            let product = next().multipliedFullWidth(by: limit)
            if product.low >= (0 &- limit) % limit { return Int(product.high) }
        }
    }

    /// Shuffles `elements` in place (Fisher–Yates, from the last element down).
    public mutating func shuffle<Element>(_ elements: inout [Element]) {
        guard elements.count > 1 else { return }
        for index in stride(from: elements.count - 1, to: 0, by: -1) {
            elements.swapAt(index, nextIndex(below: index + 1))
        }
    }
}

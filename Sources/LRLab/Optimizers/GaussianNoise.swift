/// A seeded source of standard normal numbers: `SeededRandom` for the bits, Box–Muller for the
/// shape. Same seed, same sequence, on every platform; no allocation, no global state.
///
///     u₁, u₂ ~ U(0, 1)  (53-bit, never exactly 0)
///     z₀ = √(−2 ln u₁) · cos(2π u₂),   z₁ = √(−2 ln u₁) · sin(2π u₂)
///
/// Each pair of uniforms yields two normals; the second is kept for the next call.
public struct GaussianNoise: Sendable, Hashable {
    public let seed: UInt64
    private var random: SeededRandom
    private var spare: Double?

    public init(seed: UInt64) {
        self.seed = seed
        self.random = SeededRandom(seed: seed)
    }

    /// Back to the start of the sequence.
    public mutating func reset() {
        random = SeededRandom(seed: seed)
        spare = nil
    }

    /// The next 64 random bits.
    public mutating func nextBits() -> UInt64 { random.next() }

    /// A uniform number in the open interval (0, 1).
    public mutating func nextUniform() -> Double { random.nextUniform() }

    /// A standard normal number (mean 0, standard deviation 1).
    public mutating func nextNormal() -> Double {
        if let value = spare {
            spare = nil
            return value
        }
        let radius = (-2 * _log(nextUniform())).squareRoot()
        let angle = 2 * Double.pi * nextUniform()
        spare = radius * _sin(angle)
        return radius * _cos(angle)
    }
}

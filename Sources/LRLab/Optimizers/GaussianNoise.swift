/// A seeded source of standard normal numbers: SplitMix64 for the bits, Box–Muller for the
/// shape. Same seed, same sequence, on every platform; no allocation, no global state.
///
///     u₁, u₂ ~ U(0, 1)  (53-bit, never exactly 0)
///     z₀ = √(−2 ln u₁) · cos(2π u₂),   z₁ = √(−2 ln u₁) · sin(2π u₂)
///
/// Each pair of uniforms yields two normals; the second is kept for the next call.
public struct GaussianNoise: Sendable, Hashable {
    public let seed: UInt64
    private var state: UInt64
    private var spare: Double?

    public init(seed: UInt64) {
        self.seed = seed
        self.state = seed
    }

    /// Back to the start of the sequence.
    public mutating func reset() {
        state = seed
        spare = nil
    }

    /// The next 64 random bits (SplitMix64, Steele, Lea & Flood 2014).
    public mutating func nextBits() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in the open interval (0, 1).
    public mutating func nextUniform() -> Double {
        (Double(nextBits() >> 11) + 0.5) * 0x1p-53
    }

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

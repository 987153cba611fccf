/// Plain gradient descent, optionally with Gaussian gradient noise imitating mini-batch SGD.
///
/// Update rule, for each parameter i:
///
///     g̃_t = g_t + σ · ξ_t,    ξ_t ~ N(0, 1) drawn from a generator seeded with `seed`
///     θ_t = θ_{t-1} − η_t · g̃_t
///
/// where g_t = ∇f(θ_{t-1}) and η_t is the learning rate in force at step t. On a quadratic
/// with curvature λ along a direction, the error along it is multiplied by (1 − η λ) per
/// step: monotone for η < 1/λ, oscillating but shrinking for 1/λ < η < 2/λ, growing beyond.
///
/// Options: `noise=` σ, the standard deviation of the noise (default 0: exact gradients);
/// `seed=` the generator's seed (default 0). The same seed gives the same noise, so runs
/// repeat exactly. With noise on, the state column `noise` shows σ·ξ_t, the noise added at
/// the last step.
public struct GradientDescent: Optimizer {
    public let name = "gd"
    public let noise: Double
    public let seed: UInt64
    public let stateNames: [String]
    private var generator: GaussianNoise
    private var drawn: [Double] = []

    public init(noise: Double = 0, seed: UInt64 = 0) {
        self.noise = noise
        self.seed = seed
        self.generator = GaussianNoise(seed: seed)
        self.stateNames = noise > 0 ? ["noise"] : []
    }


    /// The noise drawn for the latest step.
    public var storedValuesPerParameter: Int { 1 }

    public mutating func reset(parameterCount: Int) {
        generator.reset()
        drawn = [Double](repeating: 0, count: parameterCount)
    }

    public mutating func update(parameters: inout MutableSpan<Double>, gradient: Span<Double>,
                                learningRate: Double, step: Int) {
        precondition(gradient.count == parameters.count, "the gradient and the parameters differ in length")
        if noise > 0 {
            if drawn.count != parameters.count { reset(parameterCount: parameters.count) }
            for index in parameters.indices {
                let added = noise * generator.nextNormal()
                drawn[index] = added
                parameters[index] -= learningRate * (gradient[index] + added)
            }
        } else {
            for index in parameters.indices {
                parameters[index] -= learningRate * gradient[index]
            }
        }
    }

    public func stateValue(_ index: Int, parameter: Int) -> Double {
        index == 0 && parameter < drawn.count ? drawn[parameter] : .nan
    }
}

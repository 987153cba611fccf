#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the step-size theory says a run will do from its latest state, where that theory is
/// exact: the loss is a quadratic (its Hessian H is constant), the rate is constant, the
/// gradient has no noise, and the optimizer is plain gradient descent or heavy-ball or
/// Nesterov momentum without weight decay (`Curvature.momentumCoefficient` is not nil).
///
/// Then the gradient g = H·(θ − θ*) splits along the eigenvectors e_i of H into components
/// c_i = g·e_i, and each one is multiplied by its own factor per step: r_i = 1 − lr·λ_i for gd,
/// the spectral radius of the momentum recurrence otherwise (`CurvatureDirection.factor`).
/// After n more steps ‖g‖² = Σ c_i² r_i^(2n) (exactly for gd; for momentum up to the velocity
/// already built up, a bounded factor), so the steps still needed to reach the tolerance are
/// the least n with Σ c_i² r_i^(2n) < tol², which the slowest direction (largest |r_i|) decides.
struct QuadraticForecast {
    /// One eigen-direction with the gradient's component along it.
    struct Mode {
        var direction: CurvatureDirection
        /// g·e, the gradient's component along the direction.
        var component: Double
        /// |factor|: the component's size is multiplied by this per step.
        var rate: Double { Swift.abs(direction.factor ?? .nan) }
    }

    let report: CurvatureReport
    let modes: [Mode]
    let gradientNorm: Double

    /// Nil where the theory is not exact for `run` (see the type's comment).
    init?(run: Run, gradient: [Double]) {
        let configuration = run.configuration
        guard let objective = run.objective, Curvature.isQuadratic(objective), run.schedule is ConstantSchedule,
              configuration.gradientNoise == 0, configuration.curvatureModel.curvatureShift == 0,
              Curvature.momentumCoefficient(of: configuration) != nil else { return nil }
        let report = CurvatureReport(objective: objective, at: run.point, configuration: configuration,
                                     learningRate: run.nextLearningRate)
        guard report.isDefined, report.learningRate > 0,
              report.directions.allSatisfy({ $0.factor?.isFinite == true }) else { return nil }
        self.report = report
        modes = report.directions.map { direction in
            var component = 0.0
            for index in gradient.indices where index < direction.vector.count { component += gradient[index] * direction.vector[index] }
            return Mode(direction: direction, component: component)
        }
        gradientNorm = EuclideanNorm.of(gradient)
        guard gradientNorm.isFinite else { return nil }
    }

    /// Whether a component is a real part of the gradient rather than rounding noise.
    func matters(_ mode: Mode) -> Bool {
        Swift.abs(mode.component) > 1e-9 * gradientNorm
    }

    /// The mode that decides how fast the run converges: the largest per-step factor among
    /// the components that matter.
    var slowest: Mode? {
        modes.filter(matters).max { $0.rate < $1.rate }
    }

    /// A mode whose component does not shrink (|factor| ≥ 1 to rounding): the run bounces
    /// there forever (factor −1) or grows.
    var persistent: Mode? {
        guard let slowest, slowest.rate >= 1 - 1e-12 else { return nil }
        return slowest
    }

    /// The least n ≥ 1 with Σ c_i² r_i^(2n) < tol², or nil when some component that matters
    /// never shrinks; ∞ past 1e15 steps.
    func remainingSteps(tolerance: Double) -> Double? {
        guard tolerance > 0, persistent == nil else { return nil }
        let live = modes.filter { matters($0) && $0.component != 0 }
        guard !live.isEmpty else { return 1 }
        // log(Σ c_i² r_i^(2n)) − log(tol²), computed in logs so that nothing underflows.
        func excess(_ n: Double) -> Double {
            var largest = -Double.infinity
            var terms: [Double] = []
            for mode in live {
                let term = mode.rate == 0 ? -Double.infinity
                    : 2 * log(Swift.abs(mode.component)) + 2 * n * log(mode.rate)
                terms.append(term)
                largest = Swift.max(largest, term)
            }
            guard largest > -Double.infinity else { return -Double.infinity }
            let sum = terms.map { exp($0 - largest) }.reduce(0, +)
            return largest + log(sum) - 2 * log(tolerance)
        }
        if excess(1) < 0 { return 1 }
        var low = 1.0, high = 2.0
        while excess(high) >= 0 {
            low = high
            high *= 2
            if high > 1e15 { return .infinity }
        }
        while high - low > 0.5 {
            let middle = (low + high) / 2
            if excess(middle) >= 0 { low = middle } else { high = middle }
        }
        return high.rounded(.up)
    }

    /// Significant digits that show how far a factor per step is from ±1: 4, or 2 more than
    /// the leading zeros of |1 − |r|| (0.99998 takes 6), at most 12.
    static func factorDigits(_ factor: Double) -> Int {
        let distance = Swift.abs(1 - Swift.abs(factor))
        guard distance > 0, distance.isFinite, distance < 1e-3 else { return 4 }
        return Swift.min(12, Swift.max(4, Int(-log10(distance).rounded(.up)) + 2))
    }

    /// `1 − lr·λ = 1 − 0.001·1 = 0.999` for gd, `spectral radius 0.9487 (μ = 0.9, lr·λ = 0.05)` for momentum.
    func factorText(_ mode: Mode) -> Phrase {
        let f = { (value: Double) in Phrase.Part.number(value, digits: 4) }
        let direction = mode.direction
        let factor = Phrase.Part.number(direction.factor ?? .nan, digits: QuadraticForecast.factorDigits(direction.factor ?? 0))
        if report.momentum == 0 {
            return "factor 1 − lr·λ = 1 − \(f(report.learningRate))·\(f(direction.eigenvalue)) = \(factor) per step"
        }
        let form = report.nesterov ? "Nesterov" : "heavy-ball"
        return "factor \(factor) per step (the spectral radius of \(form) momentum μ = \(f(report.momentum ?? 0)) at lr·λ = \(f(report.learningRate * direction.eigenvalue)))"
    }
}

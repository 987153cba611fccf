/// The loss that gradient descent with gradient noise hovers at, where the theory gives it in
/// closed form: the loss is a quadratic with a positive definite Hessian H, the optimizer is
/// plain gd (no momentum, no weight decay) with noise σ in each coordinate, and lr·λ < 2 along
/// every eigen-direction.
///
/// Along an eigenvector with eigenvalue λ the error e follows e' = (1 − lr·λ)·e − lr·σ·ξ, whose
/// stationary variance is lr²σ²/(1 − (1 − lr·λ)²) = lr·σ²/(λ(2 − lr·λ)); the loss there is
/// λe²/2, so the expected loss above the minimum is Σ_i lr·σ²/(2(2 − lr·λ_i)). On the bowl
/// (x − a)² + (y − b)² (λ = 2 twice) that is lr·σ²/(2(1 − lr)). The floor is for the rate in
/// force; a schedule moves it.
struct NoiseFloorForecast {
    /// The expected loss above the minimum value once the run has settled.
    let excess: Double
    /// The expected loss once settled: the minimum value plus `excess`.
    let level: Double
    /// The rate the floor is computed for.
    let learningRate: Double

    /// Nil where the closed form does not hold for `run` (see the type's comment).
    init?(run: Run) {
        let configuration = run.configuration
        let noise = configuration.gradientNoise
        guard noise > 0, let objective = run.objective, Curvature.isQuadratic(objective),
              configuration.curvatureModel == .gradientDescent else { return nil }
        let report = CurvatureReport(objective: objective, at: run.point, configuration: configuration,
                                     learningRate: run.nextLearningRate)
        let rate = report.learningRate
        guard report.isDefined, rate > 0, !report.directions.isEmpty,
              report.directions.allSatisfy({ $0.eigenvalue > 0 && rate * $0.eigenvalue < 2 }) else { return nil }
        var excess = 0.0
        for direction in report.directions { excess += rate * noise * noise / (2 * (2 - rate * direction.eigenvalue)) }
        // The minimum value of the quadratic: f(θ) − ½ Σ c_i²/λ_i, c_i the gradient along e_i.
        var minimum = run.loss
        let gradient = run.gradient
        for direction in report.directions {
            var component = 0.0
            for index in gradient.indices where index < direction.vector.count { component += gradient[index] * direction.vector[index] }
            minimum -= component * component / (2 * direction.eigenvalue)
        }
        guard excess.isFinite, minimum.isFinite else { return nil }
        self.excess = excess
        self.level = (objective.minimumValue ?? minimum) + excess
        self.learningRate = rate
    }

    /// `Σ lr·σ²/(2(2 − lr·λ)) over the Hessian's eigenvalues λ, at lr = 0.001: 0.0005005 above the minimum value 0`.
    var evidence: Phrase {
        "the floor in theory: Σ lr·σ²/(2(2 − lr·λ)) over the Hessian's eigenvalues λ, at lr = \(.number(learningRate, digits: 4)): "
            + "\(.number(excess, digits: 4)) above the minimum value, a loss of about \(.number(level, digits: 4))"
    }
}

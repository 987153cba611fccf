/// How the quadratic step-size theory (`Curvature`, `CurvatureReport`) sees an optimizer: along
/// an eigen-direction of curvature λ, which error recurrence its steps follow. Each
/// `OptimizerKind` computes its model from its option values.
public enum CurvatureModel: Sendable, Hashable {
    /// x ← x − lr·g: the error along the direction is multiplied by 1 − lr·λ per step.
    case gradientDescent
    /// Heavy-ball momentum b ← μb + (1 − d)g, x ← x − lr·b, with g including an L2 term
    /// `weightDecay`·x. The decay adds to every curvature (the loss gains λ|x|²/2) and the
    /// dampening d scales the step by 1 − d. The theory needs 0 ≤ μ < 1.
    case heavyBall(momentum: Double, dampening: Double, weightDecay: Double)
    /// Nesterov momentum b ← μb + g, x ← x − lr·(g + μb), with g including an L2 term
    /// `weightDecay`·x: the look-ahead gives the recurrence e ← (1 + μ)(1 − lr·λ)e − μ(1 − lr·λ)e′
    /// along each direction. The theory needs 0 ≤ μ < 1.
    case nesterov(momentum: Double, weightDecay: Double)
    /// Steps the theory does not model: adaptive optimizers rescale each step by their own
    /// statistics. `decoupledWeightDecay` is the
    /// λ of a decay x ← x(1 − lr·λ) applied outside the gradient (AdamW), 0 when there is none.
    case notModelled(decoupledWeightDecay: Double)

    /// The momentum coefficient μ the theory uses: 0 for gradient descent, μ for heavy-ball or
    /// Nesterov momentum with a finite 0 ≤ μ < 1, nil where the theory does not apply.
    public var theoryMomentum: Double? {
        switch self {
        case .gradientDescent: return 0
        case .heavyBall(let momentum, _, _), .nesterov(let momentum, _):
            return momentum.isFinite && momentum >= 0 && momentum < 1 ? momentum : nil
        case .notModelled: return nil
        }
    }

    /// Whether the steps follow Nesterov's recurrence rather than the heavy ball's.
    public var isNesterov: Bool {
        if case .nesterov = self { return theoryMomentum != nil }
        return false
    }

    /// What an L2 weight decay adds to every eigenvalue of the Hessian (0 without one, or
    /// where the theory does not apply).
    public var curvatureShift: Double {
        guard theoryMomentum != nil else { return 0 }
        switch self {
        case .heavyBall(_, _, let decay), .nesterov(_, let decay): return decay.isFinite ? decay : 0
        case .gradientDescent, .notModelled: return 0
        }
    }

    /// The factor the step carries besides lr: 1 − d for a dampened heavy ball, else 1.
    public var stepScale: Double {
        guard theoryMomentum != nil, case .heavyBall(_, let dampening, _) = self, dampening.isFinite else { return 1 }
        return 1 - dampening
    }

    /// λ of a decoupled weight decay (AdamW's x ← x(1 − lr·λ)), 0 when there is none.
    public var decoupledWeightDecay: Double {
        if case .notModelled(let decay) = self { return decay }
        return 0
    }
}

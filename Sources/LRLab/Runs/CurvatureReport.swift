/// How a fixed learning rate behaves along one eigen-direction of the Hessian, by the
/// quadratic model f ≈ λ·u²/2 along that direction.
///
/// Plain gradient descent multiplies the error u by (1 − lr·λ) per step: monotone for
/// lr·λ ≤ 1, oscillating but shrinking for 1 < lr·λ < 2, growing for lr·λ > 2. Heavy-ball
/// momentum with coefficient μ has the error recurrence u' = (1 + μ − lr·λ)u − μ·u_prev, whose
/// characteristic roots z² − (1 + μ − lr·λ)z + μ = 0 stay inside the unit circle iff
/// 0 < lr·λ < 2(1 + μ), and are real and positive (no oscillation) iff lr·λ ≤ (1 − √μ)².
/// With μ = 0 these reduce to the gradient-descent bounds.
///
/// Nesterov momentum (PyTorch's form, b ← μb + g, x ← x − lr·(g + μb)) has the characteristic
/// polynomial z² − (1 + μ)(1 − lr·λ)z + μ(1 − lr·λ): its roots stay inside the unit circle
/// iff 0 < lr·λ < 2(1 + μ)/(1 + 2μ), and are real and positive iff lr·λ ≤ ((1 − μ)/(1 + μ))².
public struct CurvatureDirection: Sendable, Hashable {
    /// What the step does along the direction.
    public enum Behavior: String, Sendable, Hashable, CaseIterable {
        /// The error shrinks without changing sign.
        case monotone
        /// The error changes sign every step (or spirals, with momentum) and shrinks.
        case oscillating
        /// lr exactly at the critical rate: the error flips sign and keeps its size.
        case marginal
        /// The error grows: lr is above the critical rate.
        case diverging
        /// λ < 0: a saddle or maximum direction; gradient descent moves away from here.
        case negativeCurvature = "negative curvature"
        /// λ ≈ 0: the quadratic model gives no pull.
        case flat

        /// A phrase for tables: `oscillating, converging`.
        public var label: String {
            switch self {
            case .monotone: return "monotone"
            case .oscillating: return "oscillating, converging"
            case .marginal: return "oscillating forever"
            case .diverging: return "diverging"
            case .negativeCurvature: return "negative curvature: moves away"
            case .flat: return "flat"
            }
        }
    }

    public var eigenvalue: Double
    /// Unit eigenvector, largest component positive.
    public var vector: [Double]
    /// 2(1 + μ)/λ, the largest stable rate (2/λ for gd); nil when λ ≤ 0 or the theory does not apply.
    public var criticalRate: Double?
    /// (1 − √μ)²/λ, the largest rate without oscillation (1/λ for gd); nil when λ ≤ 0 or not applicable.
    public var monotoneRate: Double?
    /// The error's per-step multiplier: 1 − lr·λ for gd (signed); for momentum the spectral
    /// radius of the recurrence (the largest |root|). Nil when the theory does not apply.
    public var factor: Double?
    /// Nil when the optimizer is not gd or heavy-ball momentum (adaptive steps).
    public var behavior: Behavior?

    /// Classifies the direction for `learningRate` and heavy-ball coefficient `momentum`
    /// (0 for gd; nil when the optimizer rescales its steps and the theory does not apply).
    /// `scale` is the largest |λ| at the point; |λ| ≤ 1e-10·max(1, scale) counts as flat.
    /// `nesterov` selects Nesterov's recurrence instead of the heavy ball's.
    public init(eigenvalue: Double, vector: [Double], learningRate: Double, momentum: Double?, scale: Double,
                nesterov: Bool = false) {
        self.eigenvalue = eigenvalue
        self.vector = vector
        let flat = Swift.abs(eigenvalue) <= 1e-10 * max(1, scale)
        guard let mu = momentum, eigenvalue.isFinite else {
            criticalRate = nil
            monotoneRate = nil
            factor = nil
            if !eigenvalue.isFinite {
                behavior = nil
            } else if flat {
                behavior = .flat
            } else if eigenvalue < 0 {
                behavior = .negativeCurvature
            } else {
                behavior = nil
            }
            return
        }
        let h = learningRate * eigenvalue
        factor = CurvatureDirection.spectralFactor(h: h, momentum: mu, nesterov: nesterov)
        if flat {
            criticalRate = nil
            monotoneRate = nil
            behavior = .flat
            return
        }
        if eigenvalue < 0 {
            criticalRate = nil
            monotoneRate = nil
            behavior = .negativeCurvature
            return
        }
        let critical: Double
        let monotone: Double
        if nesterov {
            critical = 2 * (1 + mu) / ((1 + 2 * mu) * eigenvalue)
            let ratio = (1 - mu) / (1 + mu)
            monotone = ratio * ratio / eigenvalue
        } else {
            critical = 2 * (1 + mu) / eigenvalue
            let rootMu = mu.squareRoot()
            monotone = (1 - rootMu) * (1 - rootMu) / eigenvalue
        }
        criticalRate = critical
        monotoneRate = monotone
        if learningRate > critical {
            behavior = .diverging
        } else if learningRate == critical {
            behavior = .marginal
        } else if learningRate <= monotone {
            behavior = .monotone
        } else {
            behavior = .oscillating
        }
    }

    /// 1 − h for gd; the largest |root| of z² − (1 + μ − h)z + μ for heavy-ball momentum, of
    /// z² − (1 + μ)(1 − h)z + μ(1 − h) for Nesterov's.
    static func spectralFactor(h: Double, momentum mu: Double, nesterov: Bool = false) -> Double {
        if mu == 0 { return 1 - h }
        let trace = nesterov ? (1 + mu) * (1 - h) : 1 + mu - h
        let determinant = nesterov ? mu * (1 - h) : mu
        let discriminant = trace * trace - 4 * determinant
        if discriminant < 0 { return determinant.squareRoot() }
        let root = discriminant.squareRoot()
        return max(Swift.abs(0.5 * (trace + root)), Swift.abs(0.5 * (trace - root)))
    }
}

/// The Hessian at a point, its eigen-directions, and what a learning rate will do along each:
/// the numbers behind "lr=0.05 > 2/λ_max = 0.04: it will bounce and grow along y".
public struct CurvatureReport: Sendable, Hashable {
    public var point: [Double]
    public var parameterNames: [String]
    public var hessian: [[Double]]
    public var learningRate: Double
    /// The momentum coefficient used (0 for gd); nil when the theory does not apply.
    public var momentum: Double?
    /// Whether `momentum` is Nesterov's rather than the heavy ball's.
    public var nesterov: Bool { model.isNesterov }
    /// How the theory models the optimizer's steps (its kind's `CurvatureModel`).
    public var model: CurvatureModel
    /// The optimizer's kind name, for sentences (from the configuration, never given apart).
    public var optimizerName: String
    /// One per eigenvalue, largest first.
    public var directions: [CurvatureDirection]

    /// From a Hessian already evaluated, for the steps of `configuration` (plain gradient
    /// descent by default) at rate `learningRate`. Its kind's `CurvatureModel` decides: an
    /// L2 weight decay adds to every curvature (the loss gains λ|x|²/2), a dampening d scales
    /// the step by (1 − d), and optimizers the theory does not model get no rates or factors.
    /// `hessian` holds the curvature with the decay added.
    public init(hessian: [[Double]], point: [Double], parameterNames: [String], learningRate: Double,
                configuration: OptimizerConfiguration = .standard) {
        let model = configuration.curvatureModel
        let momentum = model.theoryMomentum
        var hessian = hessian
        let shift = model.curvatureShift
        if shift != 0 {
            for index in hessian.indices where index < hessian[index].count { hessian[index][index] += shift }
        }
        let rate = learningRate * model.stepScale
        self.point = point
        self.parameterNames = parameterNames
        self.hessian = hessian
        self.learningRate = rate
        self.momentum = momentum
        self.model = model
        self.optimizerName = configuration.kind.name
        let pairs = Curvature.eigenpairs(of: hessian)
        let scale = pairs.map { Swift.abs($0.value) }.filter(\.isFinite).max() ?? 0
        directions = pairs.map {
            CurvatureDirection(eigenvalue: $0.value, vector: $0.vector, learningRate: rate,
                               momentum: momentum, scale: scale, nesterov: model.isNesterov)
        }
    }

    /// Whether every Hessian entry is a finite number.
    public var isDefined: Bool { hessian.allSatisfy { $0.allSatisfy(\.isFinite) } }

    /// The direction of largest curvature.
    public var top: CurvatureDirection? { directions.first }
    public var largestEigenvalue: Double? { directions.first?.eigenvalue }
    public var smallestEigenvalue: Double? { directions.last?.eigenvalue }

    /// λ_max/λ_min when both are positive: how ill-conditioned the valley is.
    public var conditionNumber: Double? {
        guard let large = largestEigenvalue, let small = smallestEigenvalue, small > 0, large.isFinite else { return nil }
        return large / small
    }

    /// The largest stable rate: 2(1 + μ)/λ_max (2/λ_max for gd). Nil where λ_max ≤ 0 or the theory does not apply.
    public var criticalRate: Double? { top?.criticalRate }

    /// The worst per-step factor over all directions (largest magnitude).
    public var worstFactor: Double? {
        directions.compactMap(\.factor).max { Swift.abs($0) < Swift.abs($1) }
    }

    /// `along y` or `along (0.01, 1.00)`.
    public func name(of direction: CurvatureDirection) -> Phrase {
        Phrase(parts: [.direction(direction.vector, names: parameterNames)])
    }

    /// How the critical rate is written for this optimizer: `2/λ_max` for gd, `2(1+μ)/λ_max`
    /// for heavy-ball momentum (μ > 0), the rate `criticalRate` is.
    public var criticalSymbol: String {
        guard let mu = momentum, mu != 0 else { return "2/λ_max" }
        if nesterov { return "2(1+μ)/((1+2μ)λ_max)" }
        return "2(1+μ)/λ_max"
    }

    /// How the largest rate without oscillation is written: `1/λ_max` for gd.
    public var monotoneSymbol: String {
        guard let mu = momentum, mu != 0 else { return "1/λ_max" }
        if nesterov { return "((1−μ)/(1+μ))²/λ_max" }
        return "(1−√μ)²/λ_max"
    }

    /// The sentence the product prints about the learning rate at this point (a phrase whose
    /// numbers `LRLabText` renders at the session's digits).
    public var sentence: Phrase {
        let f = { (value: Double, digits: Int) in Phrase.Part.number(value, digits: digits) }
        guard isAvailable else { return "\(CurvatureReport.unavailableSentence)" }
        guard isDefined, let top else { return "the Hessian is not defined here" }
        let lr: Phrase = "lr=\(f(learningRate, 4))"
        guard momentum != nil else {
            return "λ_max = \(f(top.eigenvalue, 4)) \(name(of: top)); the 2/λ rule is for gd, momentum and nesterov, "
                + "\(optimizerName) rescales each step by its own statistics"
        }
        guard learningRate > 0 else { return "\(lr): nothing moves" }
        let saddleNote: Phrase
        if let low = directions.last, low.behavior == .negativeCurvature {
            saddleNote = "; λ_min = \(f(low.eigenvalue, 4)) < 0: \(name(of: low)) it moves away (a saddle direction)"
        } else {
            saddleNote = ""
        }
        switch top.behavior {
        case .negativeCurvature?:
            return "no positive curvature here (λ_max = \(f(top.eigenvalue, 4)) < 0): 2/λ makes no sense, "
                + "every direction curves down and \(optimizerName) moves away from here"
        case .flat?:
            return "no positive curvature here (λ_max ≈ 0): 2/λ makes no sense; the gradient gives no pull "
                + "beyond second order" + saddleNote
        case .diverging?:
            let growth: Phrase = top.factor.map { " (×\(f(Swift.abs($0), 4)) per step)" } ?? ""
            return "\(lr) > \(criticalSymbol) = \(f(top.criticalRate ?? .nan, 4)): it will bounce and grow \(name(of: top))"
                + growth + saddleNote
        case .marginal?:
            return "\(lr) = \(criticalSymbol): it will bounce forever without shrinking \(name(of: top))" + saddleNote
        case .oscillating?:
            let factor: Phrase = top.factor.map { " (factor \(f($0, 4)) per step)" } ?? ""
            return "\(monotoneSymbol) = \(f(top.monotoneRate ?? .nan, 4)) < \(lr) < \(criticalSymbol) = "
                + "\(f(top.criticalRate ?? .nan, 4)): it will bounce but settle \(name(of: top))" + factor + saddleNote
        case .monotone?:
            var text: Phrase = "\(lr) ≤ \(monotoneSymbol) = \(f(top.monotoneRate ?? .nan, 4)): no bouncing"
            let positive = directions.filter { $0.eigenvalue > 0 && $0.behavior != .flat }
            if let slowest = positive.last, let factor = slowest.factor {
                text += "; slowest \(name(of: slowest)), λ = \(f(slowest.eigenvalue, 4)), factor \(f(factor, 4)) per step"
            }
            return text + saddleNote
        case nil:
            return "the Hessian is not defined here"
        }
    }

    /// One line per direction: `λ = 50 along y: 2/λ = 0.04, factor −0.5, oscillating, converging`.
    public var lines: [Phrase] {
        let f = { (value: Double, digits: Int) in Phrase.Part.number(value, digits: digits) }
        return directions.map { direction in
            var text: Phrase = "λ = \(f(direction.eigenvalue, 6)) \(name(of: direction))"
            var parts: [Phrase] = []
            if let critical = direction.criticalRate {
                parts.append("\(momentum == 0 ? "2/λ" : nesterov ? "2(1+μ)/((1+2μ)λ)" : "2(1+μ)/λ") = \(f(critical, 4))")
            }
            if let factor = direction.factor { parts.append("factor \(f(factor, 4))") }
            if let behavior = direction.behavior { parts.append("\(behavior.label)") }
            if !parts.isEmpty { text += ": \(parts.joined(separator: ", "))" }
            return text
        }
    }
}

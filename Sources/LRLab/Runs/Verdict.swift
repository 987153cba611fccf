/// What a run is doing, said in one line with the numbers behind it.
///
/// `name` is the stable lowercase word scripts test (`expect verdict == bouncing`), one of
/// `Outcome`'s.
public struct Verdict: Sendable, Hashable {
    /// The outcomes a run can have (a subset of `Outcome`: a run has no fit to judge).
    public enum Kind: Sendable, Hashable, CaseIterable {
        /// The gradient norm fell under the run's tolerance, at a global minimum (or where none is known).
        case converged
        /// Progress toward a minimum that is not there yet: `remainingSteps` estimates how long
        /// (none under gradient noise, where the summary names the floor instead). A zig-zag
        /// whose swing shrinks is slow too, with its `direction` and factor: it converges.
        case slow
        /// The step keeps crossing the valley without converging: the gradient along
        /// `direction` flips sign in most recent steps and the swing does not shrink (lr = 2/λ,
        /// a fixed-size swing), or the run converged and keeps being thrown out (bursts).
        case bouncing
        /// The loss grows geometrically (`growthFactor` per step), or the run ended diverged.
        case diverging
        /// No useful progress: converging on a saddle, a local minimum that is not the global
        /// one, or a plateau (`stuckReason`).
        case stuck
        /// The run reached a point where the formula has no value.
        case undefined
        /// No steps taken yet.
        case unstarted

        /// The word of the shared vocabulary.
        public var outcome: Outcome {
            switch self {
            case .converged: return .converged
            case .slow: return .slow
            case .bouncing: return .bouncing
            case .diverging: return .diverging
            case .stuck: return .stuck
            case .undefined: return .undefined
            case .unstarted: return .unstarted
            }
        }

        /// The word printed and tested (`outcome.word`).
        public var name: String { outcome.word }
    }

    /// Why a run is stuck.
    public enum StuckReason: Sendable, Hashable {
        /// Near a stationary point with negative curvature (the known saddle if one is listed).
        case saddle(point: [Double])
        /// At a local minimum that is not the global one.
        case localMinimum(point: [Double])
        /// The loss stopped changing while the gradient is not small.
        case plateau
        /// Gradient noise keeps the loss hovering at a level set by the learning rate.
        case noiseFloor
    }

    public var kind: Kind
    /// One line that follows the kind's word without repeating it (`verdict: bouncing — along
    /// y: the step keeps crossing the valley, and the swing shrinks`). A phrase: its numbers stay
    /// numbers until `LRLabText` renders them at the session's digits.
    public var summary: Phrase
    /// Supporting numbers, one fact a line (phrases, rendered like `summary`).
    public var evidence: [Phrase]
    /// For `converged` (and a stuck run that converged): the first step of the final stretch
    /// under the tolerance.
    public var convergedStep: Int?
    /// The fitted per-step factor of the gradient norm over the recent window
    /// (‖g_end‖/‖g_start‖)^(1/k): under 1 shrinking, over 1 growing. On gd with a quadratic
    /// this is |1 − lr·λ| of the dominant direction.
    public var growthFactor: Double?
    /// For `slow` and `bouncing`: estimated further steps until the gradient norm is under the
    /// tolerance, when the estimate is a number (`estimate` says how it was made); nil when
    /// there is none or it is only a lower bound.
    public var remainingSteps: Int? { estimate.flatMap { $0.isLowerBound ? nil : $0.steps } }
    /// For `slow` and `bouncing`: the estimate of the further steps, with its basis.
    public var estimate: StepsEstimate?
    /// For `bouncing` and a zig-zagging `slow` run: the unit direction of the oscillation.
    public var direction: [Double]?
    /// `along y`, `along (0.01, 1.00)`.
    public var directionName: Phrase?
    public var stuckReason: StuckReason?
    /// The name of the diagnosis rule that gave the verdict (`zig-zag`; `help verdicts` lists
    /// them); empty for a verdict not made by the diagnosis.
    public var rule: String = ""

    public init(kind: Kind, summary: Phrase, evidence: [Phrase] = [], convergedStep: Int? = nil,
                growthFactor: Double? = nil, estimate: StepsEstimate? = nil, direction: [Double]? = nil,
                directionName: Phrase? = nil, stuckReason: StuckReason? = nil) {
        self.kind = kind
        self.summary = summary
        self.evidence = evidence
        self.convergedStep = convergedStep
        self.growthFactor = growthFactor
        self.estimate = estimate
        self.direction = direction
        self.directionName = directionName
        self.stuckReason = stuckReason
    }

    /// The stable lowercase name: `converged`, `slow`, `bouncing`, `diverging`, `stuck`, `undefined`, `unstarted`.
    public var name: String { kind.name }
}

/// How many more steps a run needs to converge, and how far to trust the number.
public struct StepsEstimate: Sendable, Hashable {
    public enum Basis: Sendable, Hashable {
        /// The quadratic theory (exact for gd on a quadratic): the slowest eigen-direction's
        /// factor applied to the gradient's component along each direction.
        case slowestDirection
        /// The gradient norm's per-step factor over this many recent steps, extrapolated: rough.
        case recentSteps(Int)
        /// A copy of the run stepped ahead with the same optimizer, state and schedule until it
        /// converged: exact for a deterministic optimizer (its rates may shrink, as Adagrad's,
        /// or move, as Adam's). As a lower bound: the copy had not converged after `steps`.
        case runAhead
    }

    /// Estimates from the recent trend past this many steps are given as "more than".
    public static let trendLimit = 1_000_000

    public var steps: Int
    /// True when the run needs more than `steps` steps and no closer number is meaningful.
    public var isLowerBound: Bool
    public var basis: Basis

    public init(steps: Int, isLowerBound: Bool = false, basis: Basis) {
        self.steps = steps
        self.isLowerBound = isLowerBound
        self.basis = basis
    }

    /// An estimate from a fractional count (∞ or past 1e15 reads as "more than 10¹⁵");
    /// trend estimates past `trendLimit` become "more than `trendLimit`". Nil for NaN or negative.
    public init?(count: Double, basis: Basis) {
        guard !count.isNaN, count >= 0 else { return nil }
        let limit: Double
        if case .recentSteps = basis { limit = Double(StepsEstimate.trendLimit) } else { limit = 1e15 }
        if count > limit {
            self.init(steps: Int(limit), isLowerBound: true, basis: basis)
        } else {
            self.init(steps: Swift.max(1, Int(count.rounded(.up))), basis: basis)
        }
    }

    /// `about 20440 more steps`, `roughly 934 more steps`, `3372 more steps`, `more than 1000000 more steps`.
    public var phrase: String {
        if isLowerBound { return "more than \(steps) more steps" }
        switch basis {
        case .slowestDirection: return "about \(steps) more step\(steps == 1 ? "" : "s")"
        case .recentSteps: return "roughly \(steps) more step\(steps == 1 ? "" : "s")"
        case .runAhead: return "\(steps) more step\(steps == 1 ? "" : "s")"
        }
    }

    /// What the number rests on, for the evidence.
    public var reliability: String {
        switch basis {
        case .slowestDirection: return "from the slowest direction of the quadratic, exact for this optimizer"
        case .recentSteps(let window):
            return isLowerBound ? "extrapolated from the last \(window) steps; no useful estimate past that"
                : "a rough estimate from the last \(window) steps"
        case .runAhead:
            return isLowerBound ? "a copy of the run stepped ahead had not converged after \(steps) steps"
                : "counted by stepping a copy of the run ahead with the same optimizer state"
        }
    }
}

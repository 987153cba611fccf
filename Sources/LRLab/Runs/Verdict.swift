/// What a run is doing, said in one line with the numbers behind it.
///
/// `kind.rawValue` is the stable lowercase word scripts test (`expect verdict == bouncing`).
public struct Verdict: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The gradient norm fell under the run's tolerance, at a global minimum (or where none is known).
        case converged
        /// Steady progress that will take a while; `remainingSteps` estimates how long.
        case slow
        /// The step keeps crossing the valley: the gradient along `direction` flips sign in
        /// most recent steps while the loss falls or stalls.
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
    /// One line: `bouncing along y: the gradient flips sign in 20 of the last 20 steps`.
    public var summary: String
    /// Supporting numbers, one fact a line.
    public var evidence: [String]
    /// For `converged` (and a stuck run that converged): the first step of the final stretch
    /// under the tolerance.
    public var convergedStep: Int?
    /// The fitted per-step factor of the gradient norm over the recent window
    /// (‖g_end‖/‖g_start‖)^(1/k): under 1 shrinking, over 1 growing. On gd with a quadratic
    /// this is |1 − lr·λ| of the dominant direction.
    public var growthFactor: Double?
    /// For `slow` and `bouncing`: estimated further steps until the gradient norm is under the
    /// tolerance at the current rate.
    public var remainingSteps: Int?
    /// For `bouncing` (and `diverging` when found): the unit direction of the oscillation.
    public var direction: [Double]?
    /// `along y`, `along (0.01, 1.00)`.
    public var directionName: String?
    public var stuckReason: StuckReason?

    public init(kind: Kind, summary: String, evidence: [String] = [], convergedStep: Int? = nil,
                growthFactor: Double? = nil, remainingSteps: Int? = nil, direction: [Double]? = nil,
                directionName: String? = nil, stuckReason: StuckReason? = nil) {
        self.kind = kind
        self.summary = summary
        self.evidence = evidence
        self.convergedStep = convergedStep
        self.growthFactor = growthFactor
        self.remainingSteps = remainingSteps
        self.direction = direction
        self.directionName = directionName
        self.stuckReason = stuckReason
    }

    /// The stable lowercase name: `converged`, `slow`, `bouncing`, `diverging`, `stuck`, `undefined`, `unstarted`.
    public var name: String { kind.rawValue }
}

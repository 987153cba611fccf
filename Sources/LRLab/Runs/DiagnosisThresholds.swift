/// The thresholds `Diagnosis` decides by, in one place. Each is relative (to the tolerance, to
/// a scale, to a gap) so that the verdicts do not depend on the units of the loss.
enum DiagnosisThresholds {
    // MARK: Converged, thrown out, back again

    /// How many times the tolerance the gradient norm must reach after converging for the run to
    /// count as thrown out: far enough above that hovering at the tolerance while settling is not.
    static let thrownOutFactor = 1000.0

    // MARK: Stationary points

    /// Most distance, relative to the point's scale (its largest coordinate, at least 1), to a
    /// known saddle or local minimum for a converged run to be said to sit on it: rounding apart.
    static let knownPointDistance = 1e-3
    /// Least size of a negative Hessian eigenvalue, relative to the largest eigenvalue (at
    /// least 1), for the point to count as a saddle: smaller ones are rounding noise.
    static let negativeCurvature = 1e-8
    /// Least excess of a converged loss over the known minimum value, relative to that value
    /// (at least 1), for the point to count as a local minimum: smaller is rounding.
    static let lossAboveMinimum = 1e-6

    // MARK: Noise floor

    /// Fewest rows in the window before a noisy run may be called stuck at its noise floor.
    static let noiseMinimumRows = 10
    /// Rows the noise-floor averages look back at (at least the window): enough to steady them.
    static let noiseRows = 100
    /// Most the latest loss gap may be, in mean gaps, for the loss to count as hovering rather
    /// than blowing up.
    static let noiseLossCeiling = 10.0
    /// Least mean change per step, as a share of the mean gap, for the loss to count as
    /// jittering (a small rate descending steadily moves it by much less).
    static let noiseActivity = 0.02
    /// Most net drift per step, as a share of the mean change per step: a loss that hovers goes
    /// back and forth more than it goes anywhere.
    static let noiseDrift = 0.5

    // MARK: Diverging

    /// Least growth of the loss gap over the window for a rising run to be diverging (it at
    /// least doubled), so that a small rise is not called a divergence.
    static let divergingGapGrowth = 2.0

    // MARK: Plateau

    /// Least gradient-norm factor per step over the window for a run whose loss stopped
    /// changing to be on a plateau: a norm that still shrinks faster is closing in on a minimum.
    static let plateauNormFactor = 0.999

    // MARK: Saddle while running

    /// Most gradient norm, as a share of the largest in the run, for a running run to be
    /// examined for a saddle: the gradient is almost 0.
    static let saddleNormShare = 1e-3
    /// Most distance, relative to the point's scale, to a known saddle for the verdict to name
    /// it rather than the current point (a run still approaching is not on it yet).
    static let nearSaddleDistance = 0.1

    // MARK: Estimates

    /// Most steps a copy of the run is stepped ahead to count the steps still needed: ten
    /// times the steps taken, at least 10,000 (a few milliseconds of a formula's steps) and at
    /// most 100,000, so that a verdict after a short run costs no more than the run did by
    /// much, and never more than a tenth of a second or so.
    static func runAheadSteps(after steps: Int) -> Int {
        Swift.min(100_000, Swift.max(10_000, steps > Int.max / 10 ? Int.max : 10 * steps))
    }

    // MARK: Bouncing

    /// Least average share of the gradient norm a direction's component must carry for its sign
    /// flips to count: a flipping component too small to matter is not a bounce.
    static let flipComponentShare = 0.1
    /// Difference of share under which two directions with as many flips tie (the earlier kept).
    static let flipShareTie = 1e-9
    /// Rows the endless-bounce test looks back at (halved into an earlier and a later part).
    static let swingRows = 100
    /// Fewest rows the endless-bounce test needs to compare its two halves.
    static let swingMinimumRows = 20
    /// Least factor per step between the later and earlier halves' largest gradient norm for a
    /// swing to keep its size: just under 1, so that a swing dying out slowly still counts as dying.
    static let swingKeepsSize = 0.9995
    /// Most fall of the lowest loss, as a share of its gap to the known minimum (or 0), for the
    /// loss to count as not falling while the swing goes on.
    static let swingLossFall = 1e-3
    /// Smallest gap used for `swingLossFall`, relative to the loss, so that a loss at its
    /// minimum value is not divided by a gap of 0.
    static let swingGapFloor = 1e-12
}

/// The thresholds several of `Diagnosis`'s rules share (a rule's own are in its type). Each is
/// relative (to the tolerance, to a scale, to a gap) so that the verdicts do not depend on the
/// units of the loss.
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
}

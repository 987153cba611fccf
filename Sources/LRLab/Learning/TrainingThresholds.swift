/// The numbers the training verdicts compare against, each with the reason for its value.
public enum TrainingThresholds {
    /// A loss is **high** when it is at least this fraction of the constant prediction's loss
    /// on the same set (the training mean for values: 1 − R² ≥ 0.25; the training class
    /// frequencies for classes). A model that removes less than three quarters of what the
    /// best constant leaves has not captured the pattern; noise in the data sets a floor, so
    /// on very noisy data even the true curve can read as underfitting, and the evidence
    /// gives the fraction so the reader can judge.
    public static let highLossFraction = 0.25
    /// Validation and training loss are **close** when validation is at most this many
    /// times the training loss.
    public static let closeRatio = 1.5
    /// The validation loss has **risen** when it ends at least this fraction above its lowest…
    public static let validationRise = 0.05
    /// …and by at least this fraction of the constant prediction's validation loss, so a rise
    /// of 0.0001 on a loss of 0.002 (a good fit wobbling at its floor) is not overfitting;
    /// the training loss must have fallen meanwhile by as large a share of the constant
    /// prediction's training loss (a line stuck at its best whose validation loss wobbles is
    /// not learning noise).
    public static let validationRiseOfConstant = 0.01
    /// A **gap** is overfitting when validation ends above this many times the training loss
    /// and the difference is at least `gapFraction` of the constant prediction's loss.
    public static let gapRatio = 2.0
    public static let gapFraction = 0.1
    /// Recent epochs read for the optimizer verdicts.
    public static let recentEpochs = 10
    /// **Bouncing**: the training loss rose in at least this fraction of the recent epochs
    /// (and at least two of them).
    public static let bouncingRiseFraction = 0.3
    /// **Slow**: the training loss fell in every recent epoch, by at least this fraction per
    /// epoch on average.
    public static let slowDecreasePerEpoch = 0.01
    /// …and by at least this fraction of the constant prediction's loss over those epochs in
    /// all, so a loss already near 0 that keeps halving is not called slow.
    public static let slowDecreaseOfConstant = 0.01
    /// **Diverging** without a divergence ending: the final training loss is at least this
    /// many times the loss before training.
    public static let growthFactor = 1.5
    /// A change of the training loss between epochs under this fraction of it is no change:
    /// the loss is **flat** to the six digits the trace prints, so rounding neither rises
    /// (bouncing) nor falls (slow).
    public static let flatChange = 1e-6
    /// Validation above this many times the training loss is a **large** gap by ratio, which
    /// is overfitting once the difference is at least `validationRiseOfConstant` of the constant
    /// prediction's loss (a model that interpolates its rows, with a small but real gap).
    public static let largeGapRatio = 10.0
    /// A training loss this large (or not a number) before the first step says the data's
    /// scale is wrong, not the learning rate: squares of features past 1e50 leave no rate that
    /// is both representable and useful (gradients squared pass the largest double, 1.8e308).
    public static let astronomicalLoss = 1e100
}

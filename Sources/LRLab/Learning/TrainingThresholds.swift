/// The numbers several training rules share, each with the reason for its value; a number
/// one rule reads lives in that rule's file (`Learning/Rules/`).
public enum TrainingThresholds {
    /// Validation and training loss are **close** when validation is at most this many times
    /// the training loss (`high-loss` and `low-loss` say "close" only then).
    public static let closeRatio = 1.5
    /// A change of a loss by at least this fraction of the constant prediction's loss is
    /// **noticeable**: less is a good fit wobbling at its floor (a rise of 0.0001 on a loss of
    /// 0.002), or a line stuck at its best whose validation loss wobbles.
    public static let shareOfConstant = 0.01
    /// Recent epochs the motion rules (`rising-epochs`, `still-falling`) read.
    public static let recentEpochs = 10
    /// A change of the training loss between epochs under this fraction of it is no change:
    /// the loss is **flat** to the six digits the trace prints, so rounding neither rises
    /// (bouncing) nor falls (slow).
    public static let flatChange = 1e-6
}

/// What a run's trace keeps per step.
///
/// Every row holds the scalars: step, rate, loss, notes, gradient norm, step length and the
/// named `extras` (a validation loss, say, recorded with `Run.recordExtra`). The
/// per-parameter columns (parameters, gradient, step taken, optimizer state) are kept only
/// when the parameter count is at most `perParameterLimit`, so a trace's memory is bounded
/// by rows × recorded columns and never by the model's size. The 1-D and 2-D explorer keeps
/// every column, as it always has.
public struct RecordingPolicy: Sendable, Hashable {
    /// The largest parameter count whose per-parameter columns are recorded.
    public var perParameterLimit: Int
    /// Names of extra scalars recorded on every row (not a number until recorded).
    public var extras: [String]
    /// Most rows held in memory (see `Trace`).
    public var capacity: Int

    public init(perParameterLimit: Int = RecordingPolicy.defaultPerParameterLimit, extras: [String] = [],
                capacity: Int = 100_000) {
        self.perParameterLimit = perParameterLimit
        self.extras = extras
        self.capacity = capacity
    }

    /// Models past this many parameters record scalars only.
    public static let defaultPerParameterLimit = 64

    /// The default: per-parameter columns up to 64 parameters, no extras, 100,000 rows.
    public static let standard = RecordingPolicy()

    /// Whether a run over `parameterCount` parameters records its per-parameter columns.
    public func recordsPerParameterColumns(parameterCount: Int) -> Bool {
        parameterCount <= perParameterLimit
    }
}

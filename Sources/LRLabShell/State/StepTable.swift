import LRLabText

/// The table of trace lines `step` prints, which a `step` run right after continues: repeated
/// `step`s read as one table, its header printed once (and again only when the columns must
/// widen). Any other statement between them, or an error, starts a new table, header first.
struct StepTable {
    /// Where the open table ended: the run's step count after its last line, and the number
    /// of the statement that printed it (`Session.statementsRun`); nil when none is open.
    private var end: (stepCount: Int, statement: Int)?
    /// The open table's column layout, which a continuing `step` keeps (or widens).
    private var layout: TraceFormat.Layout?

    /// The layout a `step` that is statement number `statement`, on a run at `stepCount`,
    /// continues with: the open table's when the statement just before ended it at that very
    /// step; nil when the `step` starts a table of its own.
    func layout(continuingAt stepCount: Int, statement: Int) -> TraceFormat.Layout? {
        guard let end, stepCount > 0, end.stepCount == stepCount, end.statement == statement - 1 else { return nil }
        return layout
    }

    /// Records the table the `step` that is statement number `statement` printed, laid out by
    /// `layout` and ending at `stepCount`; nil (a run that has ended) closes it.
    mutating func end(at stepCount: Int?, statement: Int, layout: TraceFormat.Layout?) {
        self.layout = layout
        end = stepCount.map { ($0, statement) }
    }

    /// Closes the table: the next `step` starts a new one.
    mutating func close() {
        end = nil
    }
}

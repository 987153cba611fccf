import LRLab

/// The trace as CSV: a header row, then one row per step. The first columns are exactly
/// `step,lr,x,loss,gx` (1-D) or `step,lr,x,y,loss,gx,gy` (2-D); then the step taken
/// (`dx`, `dy`) and the optimizer's state (`m_x`, `v_y`, ...). `gx` is the gradient the
/// row's step moved along (at the previous row's `x`), so each row checks by itself: for gd,
/// `dx = −lr·gx` and `x` = the previous `x` + `dx`; the state is updated from the row's `gx`.
/// Numbers use `%.17g`, so every value reads back as the same double. Row 0 is the start
/// point, with lr 0 and the gradient there.
public struct TraceCSV: Sendable {
    public var parameters: [String]
    public var stateNames: [String]

    public init(parameters: [String], stateNames: [String]) {
        self.parameters = parameters
        self.stateNames = stateNames
    }

    /// The columns every trace has whatever its variables, in order: `step`, `lr` (before the
    /// variables) and `loss` (after them).
    public static let fixedColumns = (leading: ["step", "lr"], trailing: ["loss"])

    /// The column of `parameter`'s gradient component: `gx`.
    public static func gradientColumn(_ parameter: String) -> String { "g" + parameter }
    /// The column of the step taken along `parameter`: `dx`.
    public static func stepColumn(_ parameter: String) -> String { "d" + parameter }
    /// The column of optimizer state `state` for `parameter`: `m_x`.
    public static func stateColumn(_ state: String, _ parameter: String) -> String { "\(state)_\(parameter)" }

    /// The column names, in order.
    public var columns: [String] {
        TraceCSV.fixedColumns.leading + parameters + TraceCSV.fixedColumns.trailing
            + parameters.map(TraceCSV.gradientColumn) + parameters.map(TraceCSV.stepColumn)
            + stateNames.flatMap { name in parameters.map { TraceCSV.stateColumn(name, $0) } }
    }

    public var header: String {
        columns.joined(separator: ",")
    }

    public func row(_ record: TraceRecord) -> String {
        var cells = [String(record.step), NumberFormat.exact(record.learningRate)]
        cells += record.parameters.map(NumberFormat.exact)
        cells.append(NumberFormat.exact(record.loss))
        cells += record.gradientUsed.map(NumberFormat.exact)
        cells += record.stepTaken.map(NumberFormat.exact)
        cells += record.state.map(NumberFormat.exact)
        return cells.joined(separator: ",")
    }
}

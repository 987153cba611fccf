import LRLab

/// The trace as CSV: a header row, then one row per step. The first columns are exactly
/// `step,lr,x,loss,gx` (1-D) or `step,lr,x,y,loss,gx,gy` (2-D); then the step taken
/// (`dx`, `dy`) and the optimizer's state (`m_x`, `v_y`, ...). Numbers use `%.17g`, so
/// every value reads back as the same double. Row 0 is the start point, with lr 0.
public struct TraceCSV: Sendable {
    public var parameters: [String]
    public var stateNames: [String]

    public init(parameters: [String], stateNames: [String]) {
        self.parameters = parameters
        self.stateNames = stateNames
    }

    public var header: String {
        let columns = ["step", "lr"] + parameters + ["loss"] + parameters.map { "g" + $0 } + parameters.map { "d" + $0 }
            + stateNames.flatMap { name in parameters.map { "\(name)_\($0)" } }
        return columns.joined(separator: ",")
    }

    public func row(_ record: TraceRecord) -> String {
        var cells = [String(record.step), NumberFormat.exact(record.learningRate)]
        cells += record.parameters.map(NumberFormat.exact)
        cells.append(NumberFormat.exact(record.loss))
        cells += record.gradient.map(NumberFormat.exact)
        cells += record.stepTaken.map(NumberFormat.exact)
        cells += record.state.map(NumberFormat.exact)
        return cells.joined(separator: ",")
    }
}

/// An axis-aligned rectangle of the (x, y) plane: the window a contour map shows.
public struct PlotRect: Sendable, Hashable {
    /// Left edge.
    public var xMin: Double
    /// Right edge.
    public var xMax: Double
    /// Bottom edge.
    public var yMin: Double
    /// Top edge.
    public var yMax: Double

    /// The rectangle [xMin, xMax] × [yMin, yMax].
    public init(xMin: Double, xMax: Double, yMin: Double, yMax: Double) {
        self.xMin = xMin
        self.xMax = xMax
        self.yMin = yMin
        self.yMax = yMax
    }

    /// Whether (x, y) lies inside, edges included.
    public func contains(x: Double, y: Double) -> Bool {
        x >= xMin && x <= xMax && y >= yMin && y <= yMax
    }

    /// The smallest rectangle holding every finite point of `trajectories` and `points`, widened
    /// by `margin` (a fraction of each side's length, at least 0.5 in absolute terms when a side
    /// has no length). `[-1, 1]²` when there is no finite point.
    public static func enclosing(_ trajectories: [[(x: Double, y: Double)]],
                                 points: [(x: Double, y: Double)] = [],
                                 margin: Double = 0.15) -> PlotRect {
        let all = (trajectories.flatMap { $0 } + points).filter { $0.x.isFinite && $0.y.isFinite }
        guard let first = all.first else { return PlotRect(xMin: -1, xMax: 1, yMin: -1, yMax: 1) }
        var rect = PlotRect(xMin: first.x, xMax: first.x, yMin: first.y, yMax: first.y)
        for p in all {
            rect.xMin = min(rect.xMin, p.x); rect.xMax = max(rect.xMax, p.x)
            rect.yMin = min(rect.yMin, p.y); rect.yMax = max(rect.yMax, p.y)
        }
        let padX = rect.xMax > rect.xMin ? (rect.xMax - rect.xMin) * margin : 0.5
        let padY = rect.yMax > rect.yMin ? (rect.yMax - rect.yMin) * margin : 0.5
        return PlotRect(xMin: rect.xMin - padX, xMax: rect.xMax + padX,
                        yMin: rect.yMin - padY, yMax: rect.yMax + padY)
    }

    /// The centre of cell (`column`, `row`) when the rectangle is cut into `columns`×`rows` cells,
    /// row 0 at the top.
    func cellCentre(column: Int, row: Int, columns: Int, rows: Int) -> (x: Double, y: Double) {
        (xMin + (xMax - xMin) * (Double(column) + 0.5) / Double(columns),
         yMax - (yMax - yMin) * (Double(row) + 0.5) / Double(rows))
    }

    /// The cell holding (x, y) when cut into `columns`×`rows` cells; outside the grid when the
    /// point is outside the rectangle; `nil` for non-finite points.
    func cell(x: Double, y: Double, columns: Int, rows: Int) -> (column: Int, row: Int)? {
        guard x.isFinite, y.isFinite, xMax > xMin, yMax > yMin else { return nil }
        let fx = (x - xMin) / (xMax - xMin) * Double(columns)
        let fy = (yMax - y) / (yMax - yMin) * Double(rows)
        let clamp = { (v: Double) in max(-1_000_000, min(1_000_000, Int(saturating: v.rounded(.down)))) }
        var column = clamp(fx), row = clamp(fy)
        if x == xMax { column = columns - 1 }
        if y == yMin { row = rows - 1 }
        return (column, row)
    }
}

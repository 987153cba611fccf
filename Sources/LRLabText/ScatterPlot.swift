/// Points of the plane in groups (the classes of a data set, or its training and validation
/// rows), each group with its own mark, on framed axes (`plot data`).
///
/// A cell where points of several groups fall shows the mark of the group with most points
/// there (the earlier group on a tie), so a dense class is not hidden by one stray point drawn
/// after it. An optional curve (the noiseless function a regression set was drawn from) is
/// drawn first as dots, under the points. Non-finite points are skipped and counted.
///
/// ```
/// moons: x2 against x1
///  1.2 ┤      ●●●●●
///      │   ●●      ●●      ○
///      │  ●          ●   ○○
/// -0.7 ┤              ○○○
///      └──────────────────────
///      -1.2        x1      2.1
///      ● 0 (100)  ○ 1 (100)
/// ```
public struct ScatterPlot {
    /// One group of points drawn with one mark.
    public struct Group {
        public var label: String
        public var points: [(x: Double, y: Double)]

        public init(_ label: String, points: [(x: Double, y: Double)]) {
            self.label = label
            self.points = points
        }
    }

    public var groups: [Group]
    /// A function of x drawn under the points, or nil.
    public var curve: ((Double) -> Double)?
    /// Width and height of the plotting area in cells.
    public var width: Int
    public var height: Int
    public var title: String?
    public var xLabel: String
    public var yLabel: String

    public init(groups: [Group], curve: ((Double) -> Double)? = nil, width: Int = 60, height: Int = 15,
                title: String? = nil, xLabel: String = "x", yLabel: String = "y") {
        self.groups = groups
        self.curve = curve
        self.width = width
        self.height = height
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// The plot as text, lines separated by `\n`; `color` colours each group's marks.
    public func render(style: GlyphStyle = .unicode, color: Bool = false) -> String {
        let width = max(1, self.width), height = max(1, self.height)
        var out: [String] = []
        if let title { out.append(title) }
        let finite = groups.map { $0.points.filter { $0.x.isFinite && $0.y.isFinite } }
        let rect = PlotRect.enclosing(finite, margin: 0.04)
        var canvas = Canvas(width: width, height: height)
        if let curve {
            let dot = style.pick("·", ".")
            for column in 0..<width {
                let centre = rect.cellCentre(column: column, row: 0, columns: width, rows: height)
                if let cell = rect.cell(x: centre.x, y: curve(centre.x), columns: width, rows: height) {
                    canvas.set(cell.column, cell.row, dot)
                }
            }
        }
        // Count the points of each group per cell, then mark each cell with its largest group.
        var counts: [Int: [Int]] = [:]
        for (index, points) in finite.enumerated() {
            for point in points {
                guard let cell = rect.cell(x: point.x, y: point.y, columns: width, rows: height),
                      canvas.contains(column: cell.column, row: cell.row) else { continue }
                counts[cell.row * width + cell.column, default: [Int](repeating: 0, count: groups.count)][index] += 1
            }
        }
        for (key, perGroup) in counts {
            guard let best = perGroup.indices.max(by: { perGroup[$0] < perGroup[$1] || (perGroup[$0] == perGroup[$1] && $0 > $1) }) else { continue }
            canvas.set(key % width, key / width, style.seriesMarker(best), color: color ? ANSIColor.series(best) : nil)
        }
        let frame = AxisFrame(y: (rect.yMax, (rect.yMin + rect.yMax) / 2, rect.yMin),
                              x: (rect.xMin, rect.xMax), xCaption: xLabel)
        out.append(contentsOf: frame.lines(around: canvas, style: style, color: color))
        var legend = groups.enumerated().map { index, group in
            let mark = String(style.seriesMarker(index))
            return (color ? ANSIColor.series(index).wrap(mark) : mark) + " \(group.label) (\(group.points.count))"
        }
        if curve != nil { legend.append(String(style.pick("·", ".")) + " the curve without noise") }
        out.append(legend.joined(separator: "  "))
        let skipped = groups.reduce(0) { $0 + $1.points.count } - finite.reduce(0) { $0 + $1.count }
        if skipped > 0 { out.append("note: \(NumberFormat.counted(skipped, "non-finite point")) not shown") }
        return out.joined(separator: "\n")
    }
}

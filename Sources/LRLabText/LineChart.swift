/// A terminal line chart of one or more labelled series: loss or learning rate against the step,
/// or several runs side by side (`plot loss`, `plot lr`, `compare`).
///
/// Each series is drawn with its own marker, consecutive points joined by a line of that marker.
/// Non-finite values are skipped and break the line; where a series turns non-finite (diverges)
/// an arrow (`↑`, ASCII `^`) marks the top edge in that column (`↓`/`v` at the bottom for −∞).
/// On a log scale, values that are not positive are skipped too and a note says how many.
///
/// ```
/// loss
///   4 ┤●
///     │ ●
///   1 ┤  ●●●
///     └─────
///      0   4
///      ● gd
/// ```
public struct LineChart: Sendable {
    /// One labelled sequence of values.
    public struct Series: Sendable {
        /// Name shown in the legend.
        public var label: String
        /// The values, one per point.
        public var y: [Double]
        /// The x position of each value; `nil` means the index (0, 1, 2, …). When lengths differ,
        /// the shorter one decides how many points there are.
        public var x: [Double]?

        /// A series named `label` with values `y` at positions `x` (default: the index).
        public init(_ label: String, y: [Double], x: [Double]? = nil) {
            self.label = label
            self.y = y
            self.x = x
        }

        /// The (x, y) pairs of the series.
        var points: [(x: Double, y: Double)] {
            guard let x else { return y.enumerated().map { (Double($0.offset), $0.element) } }
            return zip(x, y).map { ($0, $1) }
        }
    }

    /// The series, drawn in order (later ones on top where they cross).
    public var series: [Series]
    /// Width of the plotting area in character cells (labels and axes come on top).
    public var width: Int
    /// Height of the plotting area in character cells.
    public var height: Int
    /// Linear or log10 y axis.
    public var yScale: AxisScale
    /// Optional first line.
    public var title: String?
    /// Name of the x quantity, printed under the x axis.
    public var xLabel: String?
    /// Name of the y quantity, printed above the y axis.
    public var yLabel: String?
    /// An optional shaded range drawn under the series (a population's spread).
    public var band: Band?
    /// An optional x drawn as a dotted column under the series (a sweet spot).
    public var mark: Mark?

    /// A chart of `series` with a plotting area of `width`×`height` cells (at least 1×1).
    public init(series: [Series], width: Int = 60, height: Int = 12, yScale: AxisScale = .linear,
                title: String? = nil, xLabel: String? = nil, yLabel: String? = nil, band: Band? = nil) {
        self.series = series
        self.width = width
        self.height = height
        self.yScale = yScale
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.band = band
    }

    /// The chart as text, lines separated by `\n`, no trailing newline. `color` adds ANSI colour
    /// to the markers (use only when writing to a terminal).
    /// More than `SmallMultiples.seriesLimit` series are drawn as small multiples instead.
    public func render(style: GlyphStyle = .unicode, color: Bool = false) -> String {
        if series.count > SmallMultiples.seriesLimit { return smallMultiples.render(style: style, color: color) }
        let width = max(1, self.width), height = max(1, self.height)
        let points = series.map(\.points)
        var out = [String]()
        if let title { out.append(title) }
        let scaleNote = yScale == .log10 ? "(log scale)" : nil
        let heading = [yLabel, scaleNote].compactMap { $0 }.joined(separator: " ")
        if !heading.isEmpty { out.append(heading) }

        let drawable = points.flatMap { $0 }.filter {
            $0.x.isFinite && AxisRange.isDrawable($0.y, on: yScale)
        }
        guard let xRange = AxisRange(enclosing: drawable.map(\.x), scale: .linear, widenConstant: false),
              let yRange = AxisRange(enclosing: drawable.map(\.y), scale: yScale) else {
            out.append("(nothing to plot: no \(yScale == .log10 ? "positive " : "")finite values)")
            out.append(contentsOf: legend(style: style, color: color))
            return out.joined(separator: "\n")
        }

        var canvas = Canvas(width: width, height: height)
        if let band { drawBand(band, on: &canvas, xRange: xRange, yRange: yRange, style: style) }
        if let mark, let column = xRange.cell(mark.x, count: width) {
            for row in 0..<height { canvas.set(column, row, style.markColumn) }
        }
        var notes = [String]()
        var skippedNonPositive = 0
        var drawn = [[DrawnPoint]](repeating: [], count: series.count)
        for (index, seriesPoints) in points.enumerated() {
            let marker = style.seriesMarker(index)
            let tint = ANSIColor.series(index)
            var previous: (column: Int, row: Int)?
            var firstDivergence: Double?
            for point in seriesPoints {
                guard let column = xRange.cell(point.x, count: width) else { previous = nil; continue }
                if !point.y.isFinite {
                    let arrow = point.y == -.infinity ? style.downArrow : style.upArrow
                    canvas.set(column, point.y == -.infinity ? height - 1 : 0, arrow, color: tint, owner: index)
                    if firstDivergence == nil { firstDivergence = point.x }
                    previous = nil
                    continue
                }
                guard let yCell = yRange.cell(point.y, count: height) else {
                    skippedNonPositive += 1
                    previous = nil
                    continue
                }
                let cell = (column: column, row: height - 1 - yCell)
                if let previous { canvas.line(from: previous, to: cell, marker, color: tint, owner: index) }
                canvas.set(cell.column, cell.row, marker, color: tint, owner: index)
                drawn[index].append(DrawnPoint(column: cell.column, row: cell.row, x: point.x, y: point.y))
                previous = cell
            }
            if let x = firstDivergence {
                notes.append("\(style.upArrow) \(series[index].label): not finite from x=\(AxisFormat.label(x))")
            }
        }
        showExtremes(drawn, on: &canvas, style: style)
        notes.append(contentsOf: hiddenNotes(drawn, on: canvas, style: style))
        if skippedNonPositive > 0 {
            notes.append("note: log scale skips \(NumberFormat.counted(skippedNonPositive, "value")) <= 0")
        }

        let frame = AxisFrame(y: yRange, x: xRange, xCaption: xLabel)
        out.append(contentsOf: frame.lines(around: canvas, style: style, color: color))
        out.append(contentsOf: legend(style: style, color: color))
        out.append(contentsOf: notes)
        return out.joined(separator: "\n")
    }

    /// `● gd  ○ adam`: each series' marker and label (and the band's), on one line (none
    /// for no series).
    private func legend(style: GlyphStyle, color: Bool) -> [String] {
        guard !series.isEmpty || band != nil || mark != nil else { return [] }
        var entries = series.enumerated().map { index, s in
            let marker = String(style.seriesMarker(index))
            return (color ? ANSIColor.series(index).wrap(marker) : marker) + " " + s.label
        }
        if let band { entries.append(String(style.bandShade) + " " + band.label) }
        // Entries two spaces apart, broken into lines as wide as the chart with its labels.
        let limit = max(40, width + 12)
        var lines: [String] = []
        for entry in entries {
            if let last = lines.last, last.visibleCount + 2 + entry.visibleCount <= limit {
                lines[lines.count - 1] = last + "  " + entry
            } else {
                lines.append(entry)
            }
        }
        if let mark { lines.append(String(style.markColumn) + " " + mark.label) }
        return lines
    }
}

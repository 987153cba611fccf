/// A line chart with more series than there are distinct markers, drawn as a grid of small
/// charts: one panel per series, titled with its label, every panel on the same axes (stated
/// once above the grid), so no series shares a glyph with another or hides under one.
///
/// ```
/// 9 series, one small chart each, all on the same axes:
/// step 0 to 50 across, loss 1e-12 to 1 up (log scale)
/// lr=0.001                lr=0.002                lr=0.005
/// │●●●●●●●●●●●●●●●●●●●●●  │●●●●●●●●●●●●●●●●●●●●●  │●●●●●●●●●●●●
/// │                       │                       │            ●●●●●●●●●
/// └──────────────────────  └──────────────────────  └──────────────────────
/// ```
public struct SmallMultiples: Sendable {
    /// Charts with more series than this are drawn as small multiples (the distinct markers).
    public static let seriesLimit = 8

    /// The chart whose series get a panel each (its band and mark are not drawn).
    public var chart: LineChart
    /// The width of the whole grid in columns, axes and gaps included.
    public var totalWidth: Int
    /// Rows of each panel's plotting area.
    public var panelHeight: Int

    /// The panels of `chart` within `totalWidth` columns, each `panelHeight` rows high.
    public init(_ chart: LineChart, totalWidth: Int = 80, panelHeight: Int = 4) {
        self.chart = chart
        self.totalWidth = totalWidth
        self.panelHeight = panelHeight
    }

    /// Columns between two panels.
    static let gap = 2
    /// The narrowest a panel's plotting area may be.
    static let minimumPanelWidth = 12

    /// How many panels stand side by side, and each one's plotting width (its rule excluded).
    var layout: (perRow: Int, panelWidth: Int) { Self.layout(count: chart.series.count, totalWidth: totalWidth) }

    /// Up to three panels side by side within `totalWidth` columns, gaps and rules included.
    static func layout(count: Int, totalWidth: Int) -> (perRow: Int, panelWidth: Int) {
        let total = max(totalWidth, minimumPanelWidth + 1)
        let perRow = max(1, min(count, (total + gap) / (minimumPanelWidth + 1 + gap), 3))
        let panelWidth = (total - (perRow - 1) * gap) / perRow - 1
        return (perRow, max(1, panelWidth))
    }

    /// The grid as text, lines separated by `\n`; no line is wider than `totalWidth`.
    public func render(style: GlyphStyle = .unicode, color: Bool = false) -> String {
        let (perRow, panelWidth) = layout
        let height = max(2, panelHeight)
        var out = [String]()
        if let title = chart.title { out.append(contentsOf: TextWrap.wrapLine(title, width: totalWidth)) }
        let drawable = chart.series.flatMap(\.points).filter { $0.x.isFinite && AxisRange.isDrawable($0.y, on: chart.yScale) }
        guard let xRange = AxisRange(enclosing: drawable.map(\.x), scale: .linear, widenConstant: false),
              let yRange = AxisRange(enclosing: drawable.map(\.y), scale: chart.yScale) else {
            out.append("(nothing to plot: no \(chart.yScale == .log10 ? "positive " : "")finite values)")
            return out.joined(separator: "\n")
        }
        let x = AxisFormat.labels([xRange.low, xRange.high]), y = AxisFormat.labels([yRange.low, yRange.high])
        let axes = "\(chart.xLabel ?? "x") \(x[0]) to \(x[1]) across, \(chart.yLabel ?? "y") \(y[0]) to \(y[1]) up"
            + (chart.yScale == .log10 ? " (log scale)" : "")
        out.append(contentsOf: TextWrap.wrapLine("\(chart.series.count) series, one small chart each, all on the same axes: " + axes,
                                             width: totalWidth))
        var notes = [String]()
        let marker = style.seriesMarker(0)
        var canvases = [Canvas]()
        for index in chart.series.indices {
            var canvas = Canvas(width: panelWidth, height: height)
            let tint = ANSIColor.series(index)
            var previous: (column: Int, row: Int)?
            var divergedAt: Double?
            for point in chart.series[index].points {
                guard let column = xRange.cell(point.x, count: panelWidth) else { previous = nil; continue }
                if !point.y.isFinite {
                    canvas.set(column, point.y == -.infinity ? height - 1 : 0, point.y == -.infinity ? style.downArrow : style.upArrow,
                               color: tint)
                    if divergedAt == nil { divergedAt = point.x }
                    previous = nil
                    continue
                }
                guard let yCell = yRange.cell(point.y, count: height) else { previous = nil; continue }
                let cell = (column: column, row: height - 1 - yCell)
                if let previous { canvas.line(from: previous, to: cell, marker, color: tint) }
                canvas.set(cell.column, cell.row, marker, color: tint)
                previous = cell
            }
            if let divergedAt {
                notes.append("\(style.upArrow) \(chart.series[index].label): not finite from x=\(AxisFormat.label(divergedAt))")
            }
            canvases.append(canvas)
        }
        out += Self.grid(titles: chart.series.map(\.label), canvases: canvases, perRow: perRow, style: style, color: color)
        out.append(contentsOf: notes)
        return out.joined(separator: "\n")
    }
}

extension SmallMultiples {
    /// Panels side by side, `perRow` to a row, `gap` columns apart: each its title (cut to the
    /// panel), its canvas behind a left rule, and a bottom rule. All canvases share one size.
    static func grid(titles: [String], canvases: [Canvas], perRow: Int, style: GlyphStyle, color: Bool) -> [String] {
        guard let first = canvases.first else { return [] }
        let panelWidth = first.width, height = first.height
        let rule = String(style.pick("│", "|"))
        var out = [String]()
        for start in stride(from: 0, to: canvases.count, by: max(1, perRow)) {
            let panels = (start..<min(start + max(1, perRow), canvases.count)).map { index -> [String] in
                [String(titles[index].prefix(panelWidth + 1))] + canvases[index].lines(color: color).map { rule + $0 }
                    + [String(style.pick("└", "+")) + String(repeating: style.pick("─", "-"), count: panelWidth)]
            }
            for row in 0..<(height + 2) {
                var line = ""
                for (position, panel) in panels.enumerated() {
                    let cell = panel[row]
                    if position > 0 { line += String(repeating: " ", count: gap) }
                    line += cell + String(repeating: " ", count: position == panels.count - 1 ? 0 : max(0, panelWidth + 1 - cell.visibleCount))
                }
                out.append(line.trimmingTrailingSpaces)
            }
        }
        return out
    }
}

extension String {
    /// The characters that show: ANSI colour escapes (`ESC [ … m`) not counted.
    var visibleCount: Int {
        var count = 0, inEscape = false
        for ch in self {
            if inEscape { if ch == "m" { inEscape = false }; continue }
            if ch == "\u{1B}" { inEscape = true; continue }
            count += 1
        }
        return count
    }
}

extension LineChart {
    /// This chart as small multiples about as wide as its single-chart form (the plotting
    /// width and room for the y labels), panels a third of its height.
    public var smallMultiples: SmallMultiples {
        SmallMultiples(self, totalWidth: max(1, width) + 12, panelHeight: min(5, max(3, height / 3)))
    }
}

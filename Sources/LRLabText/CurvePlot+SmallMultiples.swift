/// `plot f` after a comparison of more runs than there are distinct markers: one small panel
/// per run, each with the curve and that run's iterates, all on the same axes.
extension CurvePlot {
    /// The panels under the title, the shared axes stated once; no line is wider than
    /// `totalWidth`. `samples` are f at the plot's columns, as the single plot draws them.
    func smallMultiples(xAxis: AxisRange, yAxis: AxisRange, totalWidth: Int, style: GlyphStyle, color: Bool) -> [String] {
        let (perRow, panelWidth) = SmallMultiples.layout(count: paths.count, totalWidth: totalWidth)
        let height = min(6, max(3, self.height / 3))
        let x = AxisFormat.labels([xAxis.low, xAxis.high]), y = AxisFormat.labels([yAxis.low, yAxis.high])
        var out = TextWrap.wrapLine("\(paths.count) runs, one small plot each, all on the same axes: \(xLabel) \(x[0]) to \(x[1]) "
                                    + "across, f \(y[0]) to \(y[1]) up; the dots are f, each run's iterates are "
                                    + "\(style.seriesMarker(0)), its start \(xLabel)=\(paths.first?.iterates.first.map { AxisFormat.label($0, significant: 4) } ?? "?")",
                                    width: totalWidth)
        let dot = style.pick("·", ".")
        var canvases = [Canvas]()
        for (index, path) in paths.enumerated() {
            var canvas = Canvas(width: panelWidth, height: height)
            var previous: (column: Int, row: Int)?
            for column in 0..<panelWidth {
                let value = function(xAxis.value(atFraction: panelWidth == 1 ? 0.5 : Double(column) / Double(panelWidth - 1)))
                guard let cell = yAxis.cell(value, count: height) else { previous = nil; continue }
                let point = (column: column, row: height - 1 - cell)
                if let previous { canvas.line(from: previous, to: point, dot) } else { canvas.set(column, point.row, dot) }
                previous = point
            }
            for x in path.iterates where x.isFinite {
                place(x: x, glyph: style.seriesMarker(0), on: &canvas, xAxis: xAxis, yAxis: yAxis, style: style,
                      color: color ? ANSIColor.series(index) : nil, owner: index)
            }
            canvases.append(canvas)
        }
        let titles = paths.map { path in
            path.label + (path.iterates.last(where: \.isFinite).map { " → \(AxisFormat.label($0, significant: 3))" } ?? "")
        }
        out += SmallMultiples.grid(titles: titles, canvases: canvases, perRow: perRow, style: style, color: color)
        return out
    }
}

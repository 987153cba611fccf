/// `plot f` after a 1-D comparison: every compared run's iterates on the curve, each with its
/// series marker, its end drawn last so it shows; a run whose every iterate another covers is
/// named in a note.
extension CurvePlot {
    /// One run's iterates x₀, x₁, … and its name.
    public struct Path: Sendable {
        public var label: String
        public var iterates: [Double]

        public init(_ label: String, iterates: [Double]) {
            self.label = label
            self.iterates = iterates
        }
    }

    /// Draws the paths (iterates first, then every path's end on top); returns the notes on
    /// paths that cannot be seen.
    func drawPaths(on canvas: inout Canvas, xAxis: AxisRange, yAxis: AxisRange, style: GlyphStyle, color: Bool) -> [String] {
        let size = (canvas.width, canvas.height)
        var cells: [[(column: Int, row: Int)]] = []
        for (index, path) in paths.enumerated() {
            let tint = color ? ANSIColor.series(index) : nil
            let finite = path.iterates.filter(\.isFinite)
            for x in finite.dropLast() {
                place(x: x, glyph: style.seriesMarker(index), on: &canvas, xAxis: xAxis, yAxis: yAxis, style: style, color: tint, owner: index)
            }
            cells.append(finite.map { cell(of: $0, xAxis: xAxis, yAxis: yAxis, size: size) })
        }
        for (index, path) in paths.enumerated() {
            guard let end = path.iterates.last(where: \.isFinite) else { continue }
            place(x: end, glyph: style.seriesMarker(index), on: &canvas, xAxis: xAxis, yAxis: yAxis, style: style,
                  color: color ? ANSIColor.series(index) : nil, owner: index)
        }
        var notes: [String] = []
        for (index, path) in paths.enumerated() where !cells[index].isEmpty {
            let covers = cells[index].map { canvas.owner(column: $0.column, row: $0.row) }
            guard !covers.contains(index), let last = covers.last, let cover = last else { continue }
            notes.append("\(style.seriesMarker(index)) \(path.label): hidden, under \(style.seriesMarker(cover)) \(paths[cover].label)")
        }
        return notes
    }

    /// `● gd lr=0.05 → x=0.349`: each path's marker, label and end, joined two spaces apart
    /// and broken into lines no wider than the plot with its axis.
    func pathLegend(style: GlyphStyle, color: Bool) -> [String] {
        let entries = paths.enumerated().map { index, path -> (text: String, shown: String) in
            let marker = String(style.seriesMarker(index))
            let end = path.iterates.last(where: \.isFinite).map { " → \(xLabel)=\(AxisFormat.label($0, significant: 4))" } ?? " (no finite iterate)"
            let text = marker + " " + path.label + end
            return (text, (color ? ANSIColor.series(index).wrap(marker) : marker) + " " + path.label + end)
        }
        let limit = max(40, width + 14)
        var lines: [String] = [], current = "", currentWidth = 0
        for entry in entries {
            let extra = (currentWidth == 0 ? 0 : 2) + entry.text.count
            if currentWidth > 0 && currentWidth + extra > limit {
                lines.append(current)
                current = ""
                currentWidth = 0
            }
            current += (currentWidth == 0 ? "" : "  ") + entry.shown
            currentWidth += currentWidth == 0 ? entry.text.count : extra
        }
        if !current.isEmpty { lines.append(current) }
        lines.append("start \(xLabel)=\(paths.first?.iterates.first.map { AxisFormat.label($0, significant: 4) } ?? "?"); the end of each run is drawn last")
        return lines
    }
}

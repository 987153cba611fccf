/// What keeps a line chart honest when series cover each other: the top and bottom rows show
/// the series whose value is the most extreme there, and a series whose end is covered is named
/// in a note (`● gd: under ■ adadelta from epoch 1`).
extension LineChart {
    /// A shaded range of values (for instance a population's best to worst score) drawn under
    /// the series; `low[i]...high[i]` at `x[i]`. Non-finite bounds leave a gap.
    public struct Band: Sendable {
        /// Name shown in the legend beside the shade.
        public var label: String
        public var low: [Double]
        public var high: [Double]
        public var x: [Double]

        public init(_ label: String, low: [Double], high: [Double], x: [Double]) {
            self.label = label
            self.low = low
            self.high = high
            self.x = x
        }
    }

    /// One x marked on the chart by a dotted column, named in the legend.
    public struct Mark: Sendable {
        public var x: Double
        public var label: String

        public init(x: Double, label: String) {
            self.x = x
            self.label = label
        }
    }

    /// A data point of a series as drawn: its cell and its values.
    struct DrawnPoint {
        var column: Int
        var row: Int
        var x: Double
        var y: Double
    }

    /// Fills the band's cells with the shade, column by column, joining its points linearly.
    func drawBand(_ band: Band, on canvas: inout Canvas, xRange: AxisRange, yRange: AxisRange, style: GlyphStyle) {
        let height = canvas.height
        var cells: [(column: Int, top: Int, bottom: Int)] = []
        for index in 0..<min(band.low.count, band.high.count, band.x.count) {
            guard let column = xRange.cell(band.x[index], count: canvas.width),
                  let top = yRange.cell(max(band.low[index], band.high[index]), count: height),
                  let bottom = yRange.cell(min(band.low[index], band.high[index]), count: height) else { continue }
            cells.append((column, height - 1 - top, height - 1 - bottom))
        }
        guard !cells.isEmpty else { return }
        func fill(_ column: Int, _ top: Int, _ bottom: Int) {
            for row in min(top, bottom)...max(top, bottom) { canvas.set(column, row, style.bandShade) }
        }
        fill(cells[0].column, cells[0].top, cells[0].bottom)
        for (a, b) in zip(cells, cells.dropFirst()) where b.column > a.column {
            for column in a.column...b.column {
                let t = Double(column - a.column) / Double(b.column - a.column)
                let top = Int((Double(a.top) + t * Double(b.top - a.top)).rounded())
                let bottom = Int((Double(a.bottom) + t * Double(b.bottom - a.bottom)).rounded())
                fill(column, top, bottom)
            }
        }
    }

    /// In the top row each cell shows the series with the highest value drawn there, in the
    /// bottom row the one with the lowest (of equal values, the one drawn last), so the chart's
    /// extremes name the right series.
    func showExtremes(_ drawn: [[DrawnPoint]], on canvas: inout Canvas, style: GlyphStyle) {
        var winners: [Int: (series: Int, y: Double)] = [:]  // key: row * width + column
        for (index, points) in drawn.enumerated() {
            for point in points where point.row == 0 || point.row == canvas.height - 1 {
                let key = point.row * canvas.width + point.column
                let isTop = point.row == 0
                if let current = winners[key] {
                    let better = isTop ? point.y >= current.y : point.y <= current.y
                    if !better { continue }
                }
                winners[key] = (index, point.y)
            }
        }
        for (key, winner) in winners {
            let column = key % canvas.width, row = key / canvas.width
            guard canvas.owner(column: column, row: row) != winner.series else { continue }
            canvas.set(column, row, style.seriesMarker(winner.series), color: ANSIColor.series(winner.series), owner: winner.series)
        }
    }

    /// One note per series whose last drawn point another series covers: which one covers it
    /// and from where that cover runs unbroken to the end.
    func hiddenNotes(_ drawn: [[DrawnPoint]], on canvas: Canvas, style: GlyphStyle) -> [String] {
        var notes: [String] = []
        for (index, points) in drawn.enumerated() {
            guard let last = points.last, let cover = canvas.owner(column: last.column, row: last.row), cover != index else { continue }
            var from = last.x
            for point in points.reversed() {
                guard canvas.owner(column: point.column, row: point.row) == cover else { break }
                from = point.x
            }
            let whole = points.allSatisfy { canvas.owner(column: $0.column, row: $0.row) != index }
            let place = xLabel.map { "\($0) \(AxisFormat.label(from))" } ?? "x=\(AxisFormat.label(from))"
            notes.append("\(style.seriesMarker(index)) \(series[index].label): \(whole ? "hidden, " : "")under "
                         + "\(style.seriesMarker(cover)) \(series[cover].label) from \(place)")
        }
        return notes
    }
}

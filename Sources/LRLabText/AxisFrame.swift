/// Puts a y axis (with labels) to the left of a plotted canvas and an x axis (with end labels and
/// a caption) under it. Internal helper shared by the line chart, curve plot and contour map.
struct AxisFrame {
    /// Label at the top row, the middle row (drawn when the plot has 5 rows or more) and the
    /// bottom row of the y axis.
    var yLabels: (top: String, middle: String?, bottom: String)
    /// Labels under the left and right ends of the x axis (shown once when equal).
    var xLabels: (left: String, right: String)
    /// Name of the x quantity, centred between the end labels when it fits.
    var xCaption: String?
    /// Which row the middle label names.
    var middleRow = MiddleRow.band

    /// Where the middle y label sits, so that it names the value drawn on its row.
    enum MiddleRow {
        /// Charts whose first and last rows hold the top and bottom values exactly: the row the
        /// middle value rounds to (`AxisScale.cell`), one above the centre when the rows are even.
        case rounded
        /// Maps whose rows are bands of values: the band that starts at the middle value.
        case band

        func row(height: Int) -> Int {
            switch self {
            case .rounded: height - 1 - Int((Double(height - 1) / 2).rounded())
            case .band: height / 2
            }
        }
    }

    /// The framed picture, one string per line, trailing blanks removed.
    func lines(around canvas: Canvas, style: GlyphStyle, color: Bool) -> [String] {
        let width = canvas.width, height = canvas.height
        let middleRow = height >= 5 ? self.middleRow.row(height: height) : nil
        var labels = [Int: String]()
        if height > 0 {
            labels[height - 1] = yLabels.bottom
            if let row = middleRow, let middle = yLabels.middle { labels[row] = middle }
            labels[0] = yLabels.top
        }
        let labelWidth = labels.values.map(\.count).max() ?? 0
        let tick = style.pick("┤", "+"), rule = style.pick("│", "|")
        var out = [String]()
        for (row, text) in canvas.lines(color: color).enumerated() {
            let label = labels[row]
            let prefix = NumberFormat.leftPad(label ?? "", labelWidth) + " " + String(label == nil ? rule : tick)
            out.append((prefix + text).trimmingTrailingSpaces)
        }
        let indent = String(repeating: " ", count: labelWidth + 1)
        out.append(indent + String(style.pick("└", "+"))
                   + String(repeating: style.pick("─", "-"), count: width))
        out.append(contentsOf: xLabelLines(width: width, indent: indent + " "))
        return out
    }

    private func xLabelLines(width: Int, indent: String) -> [String] {
        let left = xLabels.left, right = xLabels.right
        var line = left
        let rightStart = max(width - right.count, left.count + 1)
        var caption = xCaption
        if let text = caption {
            let start = max((width - text.count) / 2, left.count + 2)
            if start + text.count + 2 <= rightStart {
                line = NumberFormat.rightPad(line, start) + text
                caption = nil
            }
        }
        if left != right { line = NumberFormat.rightPad(line, rightStart) + right }
        var lines = [(indent + line).trimmingTrailingSpaces]
        if let text = caption { lines.append(indent + text) }
        return lines
    }
}

extension AxisFrame {
    /// The frame of a plot whose y axis reads `y` at its top, middle and bottom rows and whose
    /// x axis spans `x`, the numbers formatted together as every axis formats them.
    init(y: (top: Double, middle: Double, bottom: Double), x: (low: Double, high: Double), xCaption: String?,
         middleRow: MiddleRow = .band) {
        let yText = AxisFormat.labels([y.top, y.middle, y.bottom])
        let xText = AxisFormat.labels([x.low, x.high])
        self.init(yLabels: (yText[0], yText[1], yText[2]), xLabels: (xText[0], xText[1]), xCaption: xCaption,
                  middleRow: middleRow)
    }

    /// The frame of a chart drawn through `AxisRange.cell`: the top and bottom values on the
    /// first and last rows, and the middle label on the row the middle value rounds to.
    init(y: AxisRange, x: AxisRange, xCaption: String?) {
        self.init(y: (y.high, y.value(atFraction: 0.5), y.low), x: (x.low, x.high), xCaption: xCaption, middleRow: .rounded)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SVG twins of the pictures that have no single-chart form: a sweep's strip, and two
/// pictures one above the other (a fit plot with its error-against-degree chart).
extension SVG {
    /// The hex colour of an ANSI terminal colour, in the palette's hues.
    static func hex(_ colour: ANSIColor) -> String {
        switch colour {
        case .red: return "#d62728"
        case .green: return "#2ca02c"
        case .yellow: return "#bcbd22"
        case .blue: return "#1f77b4"
        case .magenta: return "#9467bd"
        case .cyan: return "#17becf"
        }
    }

    /// A sweep's strip: one `<rect class="cell">` per grid value, left to right, filled with its
    /// category's colour and naming it in `data-category`; the grid's ends labelled, the critical
    /// value (when inside the grid) as a dashed line with its name, a legend of the categories.
    public static func strip(_ strip: Strip, pixelWidth: Int = 640, pixelHeight: Int = 160) -> String {
        let w = Double(max(pixelWidth, 200)), h = Double(max(pixelHeight, 120))
        let box = (left: 60.0, top: 30.0, right: w - 60, bottom: 70.0)
        var doc = SVGWriter(width: w, height: h)
        let count = min(strip.grid.count, strip.cells.count)
        doc.text(strip.label, x: 8, y: (box.top + box.bottom) / 2 + 4, anchor: "start", size: 12)
        guard count > 0 else {
            doc.text("nothing to plot", x: w / 2, y: h / 2, anchor: "middle", size: 14)
            return doc.finish()
        }
        let cw = (box.right - box.left) / Double(count)
        func colour(_ index: Int) -> String {
            guard strip.categories.indices.contains(index) else { return "#ffffff" }
            return strip.categories[index].color.map(hex) ?? palette[index % palette.count]
        }
        for column in 0..<count {
            let k = strip.cells[column]
            let name = strip.categories.indices.contains(k) ? strip.categories[k].name : "?"
            doc.element("rect class=\"cell\" data-category=\"\(escape(name))\" x=\"\(n(box.left + Double(column) * cw))\" y=\"\(n(box.top))\" width=\"\(n(cw + 0.3))\" height=\"\(n(box.bottom - box.top))\" fill=\"\(colour(k))\"")
        }
        doc.element("rect x=\"\(n(box.left))\" y=\"\(n(box.top))\" width=\"\(n(box.right - box.left))\" height=\"\(n(box.bottom - box.top))\" fill=\"none\" stroke=\"#444\"")
        let ends = AxisFormat.labels([strip.grid[0], strip.grid[count - 1]])
        doc.text(ends[0], x: box.left, y: box.bottom + 16, anchor: "start", size: 11)
        doc.text(ends[1], x: box.right, y: box.bottom + 16, anchor: "end", size: 11)
        if let critical = strip.critical, let f = stripFraction(critical.value, grid: Array(strip.grid.prefix(count)), logarithmic: strip.logarithmic) {
            // The cell centres span from half a cell in to half a cell from the right end.
            let x = box.left + cw / 2 + f * (box.right - box.left - cw)
            doc.element("line class=\"critical\" x1=\"\(n(x))\" y1=\"\(n(box.top - 6))\" x2=\"\(n(x))\" y2=\"\(n(box.bottom + 6))\" stroke=\"#222\" stroke-dasharray=\"3 2\"")
            doc.text("\(critical.name) = \(AxisFormat.label(critical.value))", x: x, y: box.bottom + 32, anchor: "middle", size: 11)
        }
        var x = box.left
        for (index, category) in strip.categories.enumerated() {
            doc.element("rect x=\"\(n(x))\" y=\"\(n(h - 30))\" width=\"12\" height=\"12\" fill=\"\(colour(index))\"")
            doc.text(category.name, x: x + 16, y: h - 20, anchor: "start", size: 11)
            x += 28 + 7 * Double(category.name.count)
        }
        return doc.finish()
    }

    /// Where `value` lies along `grid` as a fraction of the way from its first value to its
    /// last (on log10 positions when `logarithmic`); `nil` outside the grid.
    static func stripFraction(_ value: Double, grid: [Double], logarithmic: Bool) -> Double? {
        guard let first = grid.first, let last = grid.last, value.isFinite, value >= first, value <= last else { return nil }
        if logarithmic && (value <= 0 || first <= 0) { return nil }
        guard grid.count > 1 else { return 0 }
        let position: (Double) -> Double = { logarithmic ? log10($0) : $0 }
        for i in 0..<(grid.count - 1) where value <= grid[i + 1] {
            let a = position(grid[i]), b = position(grid[i + 1])
            let within = b > a ? (position(value) - a) / (b - a) : 0
            return (Double(i) + within) / Double(grid.count - 1)
        }
        return 1
    }

    /// Standalone documents of the same width one above the other, in one document: each is
    /// nested as an `<svg>` element at its offset. `parts` pairs each document with its height.
    public static func stacked(_ parts: [(svg: String, height: Double)], pixelWidth: Int = 640) -> String {
        let w = Double(max(pixelWidth, 200))
        var doc = SVGWriter(width: w, height: parts.reduce(0) { $0 + $1.height })
        var offset = 0.0
        for part in parts {
            var lines = part.svg.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            if let first = lines.first, first.hasPrefix("<svg ") {
                lines[0] = "<svg x=\"0\" y=\"\(n(offset))\" " + first.dropFirst(5)
            }
            doc.raw(lines.joined(separator: "\n"))
            offset += part.height
        }
        return doc.finish()
    }

    /// `save FILE.svg` after `plot fit` following `fit degree=…`: the fitted curves over the
    /// data (400 high) above the chart of error against degree with its sweet spot (300 high).
    public static func fitPlot(_ plot: FitPlot, errors: LineChart, pixelWidth: Int = 640) -> String {
        stacked([(fitPlot(plot, pixelWidth: pixelWidth, pixelHeight: 400), 400),
                 (lineChart(errors, pixelWidth: pixelWidth, pixelHeight: 300), 300)], pixelWidth: pixelWidth)
    }

    private static func n(_ value: Double) -> String { AxisFormat.fixed(value, decimals: 2) }
}

/// Standalone SVG documents of the terminal pictures, for `save plot.svg`: they open in any
/// browser and carry the same data, scales and legend as the text versions.
public enum SVG {
    /// Colours of series and trajectories, in order (they cycle).
    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                          "#bcbd22", "#17becf"]

    /// `text` with the five XML special characters escaped, safe inside elements and attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A line chart of `chart`'s series (its width and height in cells are ignored; the document
    /// is `pixelWidth`×`pixelHeight`). Each unbroken run of drawable points is one `<polyline>`;
    /// a series that turns non-finite gets a `↑` at the top edge. Series differ by colour (ten),
    /// past ten also by dashes. The chart's band is a grey `<polygon>` under the series, its mark
    /// a dashed vertical `<line>`; both are named in the legend.
    public static func lineChart(_ chart: LineChart, pixelWidth: Int = 640, pixelHeight: Int = 400) -> String {
        let w = Double(max(pixelWidth, 200)), h = Double(max(pixelHeight, 150))
        let plot = (left: 70.0, top: 40.0, right: w - 20, bottom: h - 50)
        var doc = SVGWriter(width: w, height: h)
        if let title = chart.title { doc.text(title, x: w / 2, y: 20, anchor: "middle", size: 14) }
        let points = chart.series.map(\.points)
        let drawable = points.flatMap { $0 }.filter { $0.x.isFinite && AxisRange.isDrawable($0.y, on: chart.yScale) }
        let xRange = AxisRange(enclosing: drawable.map(\.x), scale: .linear)
        let yRange = AxisRange(enclosing: drawable.map(\.y), scale: chart.yScale)
        doc.element("rect x=\"\(f(plot.left))\" y=\"\(f(plot.top))\" width=\"\(f(plot.right - plot.left))\" height=\"\(f(plot.bottom - plot.top))\" fill=\"none\" stroke=\"#444\"")
        let yCaption = [chart.yLabel, chart.yScale == .log10 ? "(log scale)" : nil].compactMap { $0 }.joined(separator: " ")
        if !yCaption.isEmpty { doc.text(yCaption, x: 8, y: plot.top - 10, anchor: "start", size: 12) }
        if let xLabel = chart.xLabel { doc.text(xLabel, x: (plot.left + plot.right) / 2, y: h - 12, anchor: "middle", size: 12) }
        guard let xRange, let yRange else {
            doc.text("nothing to plot", x: w / 2, y: h / 2, anchor: "middle", size: 14)
            return doc.finish()
        }
        let px = { (x: Double) in plot.left + (xRange.fraction(x) ?? 0) * (plot.right - plot.left) }
        let py = { (y: Double) in plot.bottom - (yRange.fraction(y) ?? 0) * (plot.bottom - plot.top) }
        let yTicks = AxisFormat.labels([yRange.low, yRange.value(atFraction: 0.5), yRange.high])
        for (i, label) in yTicks.enumerated() {
            let y = plot.bottom - Double(i) / 2 * (plot.bottom - plot.top)
            doc.text(label, x: plot.left - 6, y: y + 4, anchor: "end", size: 11)
        }
        let xTicks = AxisFormat.labels([xRange.low, xRange.high])
        doc.text(xTicks[0], x: plot.left, y: plot.bottom + 16, anchor: "start", size: 11)
        doc.text(xTicks[1], x: plot.right, y: plot.bottom + 16, anchor: "end", size: 11)
        if let band = chart.band {
            let n = min(band.low.count, band.high.count, band.x.count)
            let kept = (0..<n).filter { band.x[$0].isFinite && AxisRange.isDrawable(band.low[$0], on: chart.yScale)
                && AxisRange.isDrawable(band.high[$0], on: chart.yScale) }
            // The band is cut at the window the series decide, as in the text version.
            let inside = { (y: Double) in min(max(py(y), plot.top), plot.bottom) }
            let upper = kept.map { "\(f(px(band.x[$0]))),\(f(inside(max(band.low[$0], band.high[$0]))))" }
            let lower = kept.reversed().map { "\(f(px(band.x[$0]))),\(f(inside(min(band.low[$0], band.high[$0]))))" }
            if !kept.isEmpty {
                doc.element("polygon class=\"band\" fill=\"#cccccc\" fill-opacity=\"0.6\" stroke=\"none\" points=\"\((upper + lower).joined(separator: " "))\"")
            }
            let ly = plot.top + 16 + Double(chart.series.count) * 16
            doc.element("rect x=\"\(f(plot.right - 110))\" y=\"\(f(ly - 9))\" width=\"20\" height=\"10\" fill=\"#cccccc\"")
            doc.text(band.label, x: plot.right - 85, y: ly, anchor: "start", size: 11)
        }
        if let mark = chart.mark, xRange.fraction(mark.x) != nil {
            doc.element("line class=\"mark\" x1=\"\(f(px(mark.x)))\" y1=\"\(f(plot.top))\" x2=\"\(f(px(mark.x)))\" y2=\"\(f(plot.bottom))\" stroke=\"#444\" stroke-dasharray=\"3 3\"")
            doc.text(mark.label, x: (plot.left + plot.right) / 2, y: h - 28, anchor: "middle", size: 11)
        }

        for (index, seriesPoints) in points.enumerated() {
            let colour = palette[index % palette.count]
            let dashes = index < palette.count ? "" : " stroke-dasharray=\"\(2 + 2 * (index / palette.count)) 2\""
            var run = [String]()
            var diverged = false
            func flush() {
                if !run.isEmpty { doc.element("polyline fill=\"none\" stroke=\"\(colour)\"\(dashes) stroke-width=\"1.5\" points=\"\(run.joined(separator: " "))\"") }
                run = []
            }
            for p in seriesPoints {
                guard p.x.isFinite else { flush(); continue }
                if !p.y.isFinite {
                    flush()
                    if !diverged { doc.text("↑", x: px(p.x), y: plot.top + 12, anchor: "middle", size: 12, fill: colour) }
                    diverged = true
                    continue
                }
                guard AxisRange.isDrawable(p.y, on: chart.yScale) else { flush(); continue }
                run.append("\(f(px(p.x))),\(f(py(p.y)))")
            }
            flush()
            let ly = plot.top + 16 + Double(index) * 16
            doc.element("line x1=\"\(f(plot.right - 110))\" y1=\"\(f(ly - 4))\" x2=\"\(f(plot.right - 90))\" y2=\"\(f(ly - 4))\" stroke=\"\(colour)\"\(dashes) stroke-width=\"2\"")
            doc.text(chart.series[index].label, x: plot.right - 85, y: ly, anchor: "start", size: 11)
        }
        return doc.finish()
    }

    /// A contour map: one filled `<rect>` per cell of `map`'s width×height grid, shaded by the
    /// same log levels as the text map (light valleys, dark walls), one `<polyline>` per
    /// trajectory (clipped to the window), start and end circles and minima stars.
    public static func contourMap(_ map: ContourMap, pixelWidth: Int = 640, pixelHeight: Int = 480) -> String {
        let w = Double(max(pixelWidth, 200)), h = Double(max(pixelHeight, 150))
        let plot = (left: 60.0, top: 40.0, right: w - 20, bottom: h - 50)
        let columns = max(1, map.width), rows = max(1, map.height)
        var doc = SVGWriter(width: w, height: h)
        if let title = map.title { doc.text(title, x: w / 2, y: 20, anchor: "middle", size: 14) }
        let cw = (plot.right - plot.left) / Double(columns), ch = (plot.bottom - plot.top) / Double(rows)
        let values = map.samples(columns: columns, rows: rows)
        let levels = 9
        if let shading = LevelShading(samples: values, levels: levels) {
            for (i, value) in values.enumerated() {
                let shade = shadeColour(Double(shading.level(value)) / Double(levels - 1))
                doc.element("rect x=\"\(f(plot.left + Double(i % columns) * cw))\" y=\"\(f(plot.top + Double(i / columns) * ch))\" width=\"\(f(cw + 0.3))\" height=\"\(f(ch + 0.3))\" fill=\"\(shade)\"")
            }
        }
        doc.raw("<clipPath id=\"window\"><rect x=\"\(f(plot.left))\" y=\"\(f(plot.top))\" width=\"\(f(plot.right - plot.left))\" height=\"\(f(plot.bottom - plot.top))\"/></clipPath>")
        doc.element("rect x=\"\(f(plot.left))\" y=\"\(f(plot.top))\" width=\"\(f(plot.right - plot.left))\" height=\"\(f(plot.bottom - plot.top))\" fill=\"none\" stroke=\"#444\"")
        let r = map.rect
        let px = { (x: Double) in plot.left + (x - r.xMin) / (r.xMax - r.xMin) * (plot.right - plot.left) }
        let py = { (y: Double) in plot.bottom - (y - r.yMin) / (r.yMax - r.yMin) * (plot.bottom - plot.top) }
        for (index, trajectory) in map.trajectories.enumerated() {
            let colour = palette[index % palette.count]
            let finite = trajectory.points.filter { $0.x.isFinite && $0.y.isFinite && r.xMax > r.xMin && r.yMax > r.yMin }
            let coordinates = finite.map { p -> String in
                // Far-away points are pulled in so coordinates stay printable; the clip hides them.
                let x = min(max(px(p.x), -1e6), 1e6), y = min(max(py(p.y), -1e6), 1e6)
                return "\(f(x)),\(f(y))"
            }
            doc.element("polyline clip-path=\"url(#window)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" points=\"\(coordinates.joined(separator: " "))\"")
            if let first = finite.first, r.contains(x: first.x, y: first.y) {
                doc.element("circle cx=\"\(f(px(first.x)))\" cy=\"\(f(py(first.y)))\" r=\"4\" fill=\"white\" stroke=\"\(colour)\" stroke-width=\"2\"")
            }
            if let last = finite.last, finite.count > 1, r.contains(x: last.x, y: last.y) {
                doc.element("circle cx=\"\(f(px(last.x)))\" cy=\"\(f(py(last.y)))\" r=\"4\" fill=\"\(colour)\"")
            }
            let ly = h - 12
            doc.text("● " + trajectory.label, x: plot.left + 110 + Double(index) * 110, y: ly, anchor: "start", size: 11, fill: colour)
        }
        for m in map.minima where r.contains(x: m.x, y: m.y) {
            doc.text("★", x: px(m.x), y: py(m.y) + 5, anchor: "middle", size: 14, fill: "#d62728")
        }
        let yTicks = AxisFormat.labels([r.yMin, r.yMax]), xTicks = AxisFormat.labels([r.xMin, r.xMax])
        doc.text(yTicks[1], x: plot.left - 6, y: plot.top + 10, anchor: "end", size: 11)
        doc.text(yTicks[0], x: plot.left - 6, y: plot.bottom, anchor: "end", size: 11)
        doc.text(xTicks[0], x: plot.left, y: plot.bottom + 16, anchor: "start", size: 11)
        doc.text(xTicks[1], x: plot.right, y: plot.bottom + 16, anchor: "end", size: 11)
        doc.text("x", x: (plot.left + plot.right) / 2, y: plot.bottom + 16, anchor: "middle", size: 12)
        doc.text("y", x: 8, y: (plot.top + plot.bottom) / 2, anchor: "start", size: 12)
        return doc.finish()
    }

    /// A blue from near white (`t = 0`, the valleys) to deep (`t = 1`).
    static func shadeColour(_ t: Double) -> String {
        let low = (247.0, 251.0, 255.0), high = (8.0, 48.0, 107.0)
        let c = [low.0 + (high.0 - low.0) * t, low.1 + (high.1 - low.1) * t, low.2 + (high.2 - low.2) * t]
        let hex = Array("0123456789abcdef")
        return "#" + c.map { v -> String in
            let n = min(max(Int(saturating: v.rounded()), 0), 255)
            return String([hex[n / 16], hex[n % 16]])
        }.joined()
    }

    private static func f(_ value: Double) -> String { AxisFormat.fixed(value, decimals: 2) }
}

/// Accumulates the elements of one SVG document.
struct SVGWriter {
    private var body: [String] = []
    let width: Double
    let height: Double

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Adds `<content/>` (content is trusted markup; text must already be escaped).
    mutating func element(_ content: String) {
        body.append("<\(content)/>")
    }

    /// Adds trusted markup as it is.
    mutating func raw(_ markup: String) {
        body.append(markup)
    }

    /// Adds a `<text>` element with `text` escaped.
    mutating func text(_ text: String, x: Double, y: Double, anchor: String, size: Int, fill: String = "#222") {
        body.append("<text x=\"\(AxisFormat.fixed(x))\" y=\"\(AxisFormat.fixed(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\" fill=\"\(fill)\">\(SVG.escape(text))</text>")
    }

    /// The whole document.
    func finish() -> String {
        let w = AxisFormat.fixed(width, decimals: 0), h = AxisFormat.fixed(height, decimals: 0)
        return (["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" font-family=\"sans-serif\">",
                 "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>"]
                + body + ["</svg>"]).joined(separator: "\n") + "\n"
    }
}

/// SVG documents of the data lab's pictures: a fit plot and decision regions.
extension SVG {
    /// Light fills of the decision regions, one per class (cycles), in the palette's hues.
    static let regionPalette = ["#c6dbef", "#fdd0a2", "#c7e9c0", "#fcbba1", "#dadaeb", "#d9c4b0"]

    /// A fit plot: one `<polyline>` per unbroken run of each curve (clipped to the window the
    /// data decide), one `<circle>` per point (training filled, validation hollow: `fill="none"`), a legend.
    public static func fitPlot(_ plot: FitPlot, pixelWidth: Int = 640, pixelHeight: Int = 400) -> String {
        let w = Double(max(pixelWidth, 200)), h = Double(max(pixelHeight, 150))
        let box = (left: 70.0, top: 40.0, right: w - 20, bottom: h - 50)
        var doc = SVGWriter(width: w, height: h)
        if let title = plot.title { doc.text(title, x: w / 2, y: 20, anchor: "middle", size: 14) }
        doc.element("rect x=\"\(coordinate(box.left))\" y=\"\(coordinate(box.top))\" width=\"\(coordinate(box.right - box.left))\" height=\"\(coordinate(box.bottom - box.top))\" fill=\"none\" stroke=\"#444\"")
        doc.text(plot.yLabel, x: 8, y: box.top - 10, anchor: "start", size: 12)
        doc.text(plot.xLabel, x: (box.left + box.right) / 2, y: h - 12, anchor: "middle", size: 12)
        guard let (xAxis, yAxis) = plot.windows() else {
            doc.text("nothing to plot", x: w / 2, y: h / 2, anchor: "middle", size: 14)
            return doc.finish()
        }
        let px = { (x: Double) in box.left + (xAxis.fraction(x) ?? 0) * (box.right - box.left) }
        let py = { (y: Double) in box.bottom - (yAxis.fraction(y) ?? 0) * (box.bottom - box.top) }
        let yTicks = AxisFormat.labels([yAxis.low, yAxis.value(atFraction: 0.5), yAxis.high])
        for (i, label) in yTicks.enumerated() {
            doc.text(label, x: box.left - 6, y: box.bottom - Double(i) / 2 * (box.bottom - box.top) + 4, anchor: "end", size: 11)
        }
        let xTicks = AxisFormat.labels([xAxis.low, xAxis.high])
        doc.text(xTicks[0], x: box.left, y: box.bottom + 16, anchor: "start", size: 11)
        doc.text(xTicks[1], x: box.right, y: box.bottom + 16, anchor: "end", size: 11)
        doc.raw("<clipPath id=\"window\"><rect x=\"\(coordinate(box.left))\" y=\"\(coordinate(box.top))\" width=\"\(coordinate(box.right - box.left))\" height=\"\(coordinate(box.bottom - box.top))\"/></clipPath>")
        var legendRow = 0
        func legendLine(_ label: String, colour: String, hollow: Bool?) {
            let ly = box.top + 16 + Double(legendRow) * 16
            legendRow += 1
            if let hollow {
                doc.element("circle cx=\"\(coordinate(box.right - 100))\" cy=\"\(coordinate(ly - 4))\" r=\"3\" fill=\"\(hollow ? "none" : colour)\" stroke=\"\(colour)\"")
            } else {
                doc.element("line x1=\"\(coordinate(box.right - 110))\" y1=\"\(coordinate(ly - 4))\" x2=\"\(coordinate(box.right - 90))\" y2=\"\(coordinate(ly - 4))\" stroke=\"\(colour)\" stroke-width=\"2\"")
            }
            doc.text(label, x: box.right - 85, y: ly, anchor: "start", size: 11)
        }
        for (index, curve) in plot.curves.enumerated() {
            let colour = palette[(index + 2) % palette.count]
            var run = [String]()
            func flush() {
                if run.count > 1 { doc.element("polyline clip-path=\"url(#window)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" points=\"\(run.joined(separator: " "))\"") }
                run = []
            }
            for (x, y) in zip(curve.x, curve.y) {
                guard x.isFinite, y.isFinite else { flush(); continue }
                // Far-away values are pulled in so coordinates stay printable; the clip hides them.
                run.append("\(coordinate(px(x))),\(coordinate(min(max(py(y), -1e6), 1e6)))")
            }
            flush()
            legendLine(curve.label, colour: colour, hollow: nil)
        }
        for (index, set) in plot.points.enumerated() {
            let colour = palette[index % 2 == 0 ? 0 : 1]
            for (x, y) in zip(set.x, set.y) where x.isFinite && y.isFinite {
                doc.element("circle cx=\"\(coordinate(px(x)))\" cy=\"\(coordinate(py(y)))\" r=\"3\" fill=\"\(index % 2 == 0 ? colour : "none")\" stroke=\"\(colour)\"")
            }
            legendLine(set.label, colour: colour, hollow: index % 2 == 1)
        }
        return doc.finish()
    }

    /// Decision regions: one filled `<rect>` per cell in its class's light colour, one
    /// `<circle>` per point in its class's strong colour with a dark outline (a validation point
    /// hollow: `fill="none"`, its class's colour as the outline), a legend.
    public static func decisionMap(_ map: DecisionMap, pixelWidth: Int = 640, pixelHeight: Int = 480) -> String {
        let w = Double(max(pixelWidth, 200)), h = Double(max(pixelHeight, 150))
        let box = (left: 60.0, top: 40.0, right: w - 20, bottom: h - 50)
        let columns = max(1, map.width), rows = max(1, map.height)
        var doc = SVGWriter(width: w, height: h)
        if let title = map.title { doc.text(title, x: w / 2, y: 20, anchor: "middle", size: 14) }
        let cw = (box.right - box.left) / Double(columns), ch = (box.bottom - box.top) / Double(rows)
        for (i, k) in map.regions.prefix(columns * rows).enumerated() where k >= 0 {
            doc.element("rect x=\"\(coordinate(box.left + Double(i % columns) * cw))\" y=\"\(coordinate(box.top + Double(i / columns) * ch))\" width=\"\(coordinate(cw + 0.3))\" height=\"\(coordinate(ch + 0.3))\" fill=\"\(regionPalette[k % regionPalette.count])\"")
        }
        doc.element("rect x=\"\(coordinate(box.left))\" y=\"\(coordinate(box.top))\" width=\"\(coordinate(box.right - box.left))\" height=\"\(coordinate(box.bottom - box.top))\" fill=\"none\" stroke=\"#444\"")
        let r = map.rect
        for p in map.points where p.label >= 0 && p.x.isFinite && p.y.isFinite && r.contains(x: p.x, y: p.y) && r.xMax > r.xMin && r.yMax > r.yMin {
            let x = box.left + (p.x - r.xMin) / (r.xMax - r.xMin) * (box.right - box.left)
            let y = box.bottom - (p.y - r.yMin) / (r.yMax - r.yMin) * (box.bottom - box.top)
            let colour = palette[p.label % palette.count]
            doc.element(p.isValidation
                ? "circle class=\"validation\" cx=\"\(coordinate(x))\" cy=\"\(coordinate(y))\" r=\"3.5\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\""
                : "circle cx=\"\(coordinate(x))\" cy=\"\(coordinate(y))\" r=\"3.5\" fill=\"\(colour)\" stroke=\"#222\" stroke-width=\"0.7\"")
        }
        for (index, k) in map.classes.enumerated() {
            let x = box.left + Double(index) * 110
            doc.element("rect x=\"\(coordinate(x))\" y=\"\(coordinate(h - 22))\" width=\"12\" height=\"12\" fill=\"\(regionPalette[k % regionPalette.count])\" stroke=\"\(palette[k % palette.count])\"")
            doc.text(map.name(k), x: x + 16, y: h - 12, anchor: "start", size: 11)
        }
        let yTicks = AxisFormat.labels([r.yMin, r.yMax]), xTicks = AxisFormat.labels([r.xMin, r.xMax])
        doc.text(yTicks[1], x: box.left - 6, y: box.top + 10, anchor: "end", size: 11)
        doc.text(yTicks[0], x: box.left - 6, y: box.bottom, anchor: "end", size: 11)
        doc.text(xTicks[0], x: box.left, y: box.bottom + 16, anchor: "start", size: 11)
        doc.text(xTicks[1], x: box.right, y: box.bottom + 16, anchor: "end", size: 11)
        return doc.finish()
    }

    private static func coordinate(_ value: Double) -> String { AxisFormat.fixed(value, decimals: 2) }
}

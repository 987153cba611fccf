extension SVG {
    /// A scatter plot of `plot`'s groups as coloured dots (one colour per group, in the order of
    /// `palette`), with the curve as a grey line under them, axes labelled with the same window
    /// as the text version, and a legend with each group's count. As in the text version, where
    /// every second group's mark is hollow (`○`, `◇`: validation rows), its dots are hollow
    /// (`fill="none"`).
    public static func scatterPlot(_ plot: ScatterPlot, pixelWidth: Int = 640, pixelHeight: Int = 480) -> String {
        let w = Double(max(pixelWidth, 200)), h = Double(max(pixelHeight, 150))
        let area = (left: 70.0, top: 40.0, right: w - 20, bottom: h - 70)
        var doc = SVGWriter(width: w, height: h)
        let n = { (value: Double) in AxisFormat.fixed(value, decimals: 2) }
        if let title = plot.title { doc.text(title, x: w / 2, y: 20, anchor: "middle", size: 14) }
        let finite = plot.groups.map { $0.points.filter { $0.x.isFinite && $0.y.isFinite } }
        let rect = PlotRect.enclosing(finite, margin: 0.04)
        let px = { (x: Double) in area.left + (x - rect.xMin) / (rect.xMax - rect.xMin) * (area.right - area.left) }
        let py = { (y: Double) in area.bottom - (y - rect.yMin) / (rect.yMax - rect.yMin) * (area.bottom - area.top) }
        doc.element("rect x=\"\(n(area.left))\" y=\"\(n(area.top))\" width=\"\(n(area.right - area.left))\" height=\"\(n(area.bottom - area.top))\" fill=\"none\" stroke=\"#444\"")
        let yTicks = AxisFormat.labels([rect.yMin, rect.yMax])
        doc.text(yTicks[1], x: area.left - 6, y: area.top + 4, anchor: "end", size: 11)
        doc.text(yTicks[0], x: area.left - 6, y: area.bottom + 4, anchor: "end", size: 11)
        let xTicks = AxisFormat.labels([rect.xMin, rect.xMax])
        doc.text(xTicks[0], x: area.left, y: area.bottom + 16, anchor: "start", size: 11)
        doc.text(xTicks[1], x: area.right, y: area.bottom + 16, anchor: "end", size: 11)
        doc.text(plot.xLabel, x: (area.left + area.right) / 2, y: area.bottom + 16, anchor: "middle", size: 12)
        doc.text(plot.yLabel, x: 8, y: area.top - 10, anchor: "start", size: 12)
        if let curve = plot.curve {
            let points = (0...200).compactMap { i -> String? in
                let x = rect.xMin + (rect.xMax - rect.xMin) * Double(i) / 200
                let y = curve(x)
                guard y.isFinite, y >= rect.yMin, y <= rect.yMax else { return nil }
                return n(px(x)) + "," + n(py(y))
            }
            if !points.isEmpty {
                doc.element("polyline fill=\"none\" stroke=\"#999\" stroke-width=\"1\" points=\"\(points.joined(separator: " "))\"")
            }
        }
        for (index, points) in finite.enumerated() {
            let colour = palette[index % palette.count]
            let fill = index % 2 == 1 ? "fill=\"none\" stroke=\"\(colour)\"" : "fill=\"\(colour)\" fill-opacity=\"0.8\""
            for point in points {
                doc.element("circle cx=\"\(n(px(point.x)))\" cy=\"\(n(py(point.y)))\" r=\"3\" \(fill)")
            }
        }
        var x = area.left
        for (index, group) in plot.groups.enumerated() {
            let colour = palette[index % palette.count]
            doc.element("circle cx=\"\(n(x + 4))\" cy=\"\(n(h - 24))\" r=\"4\" " + (index % 2 == 1 ? "fill=\"none\" stroke=\"\(colour)\"" : "fill=\"\(colour)\""))
            let label = "\(group.label) (\(group.points.count))"
            doc.text(label, x: x + 12, y: h - 20, anchor: "start", size: 11)
            x += 24 + 7 * Double(label.count)
        }
        return doc.finish()
    }
}

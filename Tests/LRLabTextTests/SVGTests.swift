import Testing
@testable import LRLabText

@Suite struct SVGTests {
    /// How many times `needle` occurs in `text` (non-overlapping).
    func count(_ needle: String, in text: String) -> Int {
        var n = 0, rest = Substring(text)
        while let r = rest.firstRange(of: needle) {
            n += 1
            rest = rest[r.upperBound...]
        }
        return n
    }

    @Test func lineChartStructure() {
        let chart = LineChart(series: [.init("gd <fast> & \"big\"", y: [4, 2, 1, 0.5]),
                                       .init("diverges", y: [1, 10, .infinity, 3, 4])],
                              yScale: .log10, title: "loss & lr", xLabel: "step", yLabel: "loss")
        let svg = SVG.lineChart(chart)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.hasSuffix("</svg>\n"))
        // One polyline for gd, two for the series broken by its infinity.
        #expect(count("<polyline", in: svg) == 3)
        #expect(svg.contains("gd &lt;fast&gt; &amp; &quot;big&quot;"))
        #expect(svg.contains(">loss &amp; lr</text>"))
        #expect(svg.contains("(log scale)"))
        #expect(svg.contains(">↑</text>"))
        #expect(!svg.contains("<fast>"))
        #expect(!svg.contains("nan") && !svg.contains("inf\""))
    }

    @Test func emptyLineChartStillADocument() {
        let svg = SVG.lineChart(LineChart(series: []))
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"))
        #expect(svg.contains("nothing to plot"))
        #expect(count("<polyline", in: svg) == 0)
    }

    @Test func contourMapStructure() {
        let map = ContourMap(function: { x, y in x * x + 3 * y * y },
                             rect: PlotRect(xMin: -2, xMax: 2, yMin: -1, yMax: 1),
                             trajectories: [.init("gd", points: [(-1.5, 0.8), (-0.5, -0.4), (0, 0)]),
                                            .init("a'b", points: [(1.5, 0.5), (9, 9)])],
                             minima: [(0, 0)], width: 8, height: 4, title: "x² + 3y²")
        let svg = SVG.contourMap(map)
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"))
        #expect(count("<polyline", in: svg) == 2)
        // 8×4 shaded cells, the white background, the clip window and the frame.
        #expect(count("<rect", in: svg) == 32 + 3)
        #expect(svg.contains("<clipPath id=\"window\">"))
        #expect(svg.contains("a&apos;b"))
        #expect(svg.contains(">★</text>"))
        #expect(count("<circle", in: svg) == 3) // two starts, one end (the other end is outside)
    }

    @Test func escapeAndShades() {
        #expect(SVG.escape("<a href='x'>&</a>") == "&lt;a href=&apos;x&apos;&gt;&amp;&lt;/a&gt;")
        #expect(SVG.shadeColour(0) == "#f7fbff")
        #expect(SVG.shadeColour(1) == "#08306b")
    }
}

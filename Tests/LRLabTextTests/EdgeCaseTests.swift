import Testing
@testable import LRLabText

/// Awkward inputs: nothing here may crash, and every picture keeps its promised size.
@Suite struct EdgeCaseTests {
    static let awkward: [[Double]] = [
        [], [1], [.nan], [.infinity], [-.infinity, 1], [0, 0, 0], [1e-300, 1e300],
        [-.greatestFiniteMagnitude, .greatestFiniteMagnitude], [1, .nan, 2, .infinity, 3],
        [.leastNonzeroMagnitude, -.leastNonzeroMagnitude, 0], [.leastNonzeroMagnitude, 0x1p-1030, .greatestFiniteMagnitude],
        [-.greatestFiniteMagnitude, .leastNonzeroMagnitude, -0.0], [.leastNonzeroMagnitude, 2 * .leastNonzeroMagnitude],
    ]

    @Test(arguments: awkward)
    func lineChartNeverCrashes(values: [Double]) {
        for scale in [AxisScale.linear, .log10] {
            for (width, height) in [(10, 3), (1, 1), (0, 0), (3, 10)] {
                for style in GlyphStyle.allCases {
                    let text = LineChart(series: [.init("a", y: values), .init("b", y: values.reversed())],
                                         width: width, height: height, yScale: scale).render(style: style, color: true)
                    #expect(!text.isEmpty)
                }
            }
        }
    }

    @Test(arguments: awkward)
    func sparklineAndCurveNeverCrash(values: [Double]) {
        #expect(Sparkline.render(values).count == values.count)
        #expect(Sparkline.render(values, width: 1, scale: .log10).count == min(values.count, 1) || values.count <= 1)
        for (width, height) in [(10, 3), (1, 1), (0, 0)] {
            _ = CurvePlot(function: { $0 * $0 }, xRange: -1...1, iterates: values, width: width, height: height).render()
            _ = CurvePlot(function: { 1 / $0 }, xRange: 0...0, iterates: values, width: width, height: height).render(style: .ascii)
        }
    }

    @Test func contourMapTinyAndDegenerate() {
        let far: [(x: Double, y: Double)] = [(.nan, 0), (1e300, -1e300), (0, 0), (.infinity, 1), (-1e300, 1e300)]
        for rect in [PlotRect(xMin: -1, xMax: 1, yMin: -1, yMax: 1), PlotRect(xMin: 0, xMax: 0, yMin: 0, yMax: 0)] {
            for (width, height) in [(10, 3), (1, 1), (0, 0)] {
                let map = ContourMap(function: { x, y in x == 0 ? .nan : x * y }, rect: rect,
                                     trajectories: [.init("far", points: far), .init("none", points: [])],
                                     minima: [(0, 0), (.nan, .nan)], width: width, height: height)
                #expect(!map.render().isEmpty)
                #expect(SVG.contourMap(map).hasPrefix("<svg"))
            }
        }
    }

    @Test func picturesKeepTheirWidth() {
        let chart = LineChart(series: [.init("a", y: [1, 5, 2, 8, 3])], width: 10, height: 3).render()
        let plotRows = chart.split(separator: "\n").filter { $0.contains("┤") || $0.contains("│") }
        #expect(plotRows.count == 3)
        let map = ContourMap(function: { x, y in x * x + y * y }, rect: PlotRect(xMin: -1, xMax: 1, yMin: -1, yMax: 1),
                             width: 10, height: 3).render(style: .ascii)
        #expect(map.split(separator: "\n").contains("   +----------"))
    }

    @Test func colourAddsEscapesButKeepsTheCharacters() {
        let chart = LineChart(series: [.init("a", y: [1, 2, 3])], width: 6, height: 3)
        let coloured = chart.render(color: true)
        #expect(coloured.contains("\u{1B}["))
        #expect(!chart.render().contains("\u{1B}["))
        let stripped = coloured.replacingEscapes()
        #expect(stripped == chart.render())
    }

    @Test func enclosingRectangles() {
        let rect = PlotRect.enclosing([[(0, 0), (2, 1)]], points: [(1, 3)], margin: 0.5)
        #expect(rect == PlotRect(xMin: -1, xMax: 3, yMin: -1.5, yMax: 4.5))
        #expect(PlotRect.enclosing([[(.nan, 1)]]) == PlotRect(xMin: -1, xMax: 1, yMin: -1, yMax: 1))
        #expect(PlotRect.enclosing([[(1, 1)]], margin: 0.1) == PlotRect(xMin: 0.5, xMax: 1.5, yMin: 0.5, yMax: 1.5))
        #expect(CurvePlot.interval(enclosing: [0, 4], including: [5], margin: 0.2) == -1...6)
        #expect(CurvePlot.interval(enclosing: [.nan]) == -1...1)
    }
}

extension String {
    /// The string without ANSI colour escapes (`ESC [ digits m`).
    func replacingEscapes() -> String {
        var out = "", skipping = false
        for ch in self {
            if ch == "\u{1B}" { skipping = true; continue }
            if skipping { if ch == "m" { skipping = false }; continue }
            out.append(ch)
        }
        return out
    }
}

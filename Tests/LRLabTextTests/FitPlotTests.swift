import Testing
@testable import LRLabText

@Suite struct FitPlotTests {
    /// Five points on y = x and the line through them: y window [−1, 5] (the points' range
    /// widened by a quarter each way), rows at −1, 0.5, 2, 3.5, 5; x = k lands in column 2k.
    @Test func lineThroughPointsOnALine() {
        let plot = FitPlot(points: [.init("train", x: [0, 1, 2, 3, 4], y: [0, 1, 2, 3, 4])],
                           curves: [.init("degree 1", x: [0, 4], y: [0, 4])], width: 9, height: 5)
        expectPicture(plot.render(), """
            y
             5 ┤
               │      +●+
             2 ┤  ●●+●
               │+●+
            -1 ┤
               └─────────
                0   x   4
            ● degree 1  + train
            """)
        expectPicture(plot.render(style: .ascii), """
            y
             5 +
               |      +*+
             2 +  **+*
               |+*+
            -1 +
               +---------
                0   x   4
            * degree 1  + train
            """)
    }

    /// A curve far above the data is clipped at the top edge and named in a note; validation
    /// points get the second mark. The constant targets span [−1, 1] (a constant is widened
    /// by ±1), and a quarter each way makes [−1.5, 1.5]; the steep segments show only where
    /// they cross the window, in the first and last columns.
    @Test func wildCurveIsClippedAndNamed() {
        let plot = FitPlot(points: [.init("train", x: [0, 2], y: [0, 0]), .init("validation", x: [1], y: [0])],
                           curves: [.init("degree 15", x: [0, 1, 2], y: [0, 100, 0])], width: 5, height: 3)
        expectPicture(plot.render(), """
            y
             1.5 ┤●   ●
                 │+ × +
            -1.5 ┤
                 └─────
                  0   2
                  x
            ● degree 15  + train  × validation
            note: degree 15 leaves the window of the data (clipped)
            """)
    }

    @Test func nothingFinite() {
        let plot = FitPlot(points: [.init("train", x: [.nan], y: [1])], curves: [], width: 5, height: 3)
        #expect(plot.render() == "(nothing to plot: no finite points or curve values)")
    }

    @Test func samplePositionsIncludeTheEnds() {
        #expect(FitPlot.samplePositions(over: -1...1, count: 5) == [-1, -0.5, 0, 0.5, 1])
        #expect(FitPlot.samplePositions(over: 0...4, count: 1) == [2])
    }

    @Test func svgHasACirclePerPointAndAPolylinePerCurve() {
        let plot = FitPlot(points: [.init("train <a>", x: [0, 1, 2], y: [0, 1, 4]), .init("validation", x: [1.5], y: [2])],
                           curves: [.init("degree 2", x: [0, 1, 2], y: [0, 1, 4]), .init("broken", x: [0, 1, 2], y: [1, .nan, 1])])
        let svg = SVG.fitPlot(plot)
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"))
        #expect(count("<circle", in: svg) == 4 + 2)  // four points, two legend dots
        #expect(count("<polyline", in: svg) == 1)    // the broken curve has no run of two points
        #expect(svg.contains("train &lt;a&gt;"))
        #expect(!svg.contains("nan"))
    }

    func count(_ needle: String, in text: String) -> Int {
        text.split(separator: needle, omittingEmptySubsequences: false).count - 1
    }
}

@Suite struct DecisionMapTests {
    /// Class 0 on the left half, class 1 on the right; a class-0 point inside class 1's region
    /// shows as ● on ░.
    @Test func halvesWithAMisclassifiedPoint() {
        let regions = (0..<4).flatMap { _ in [0, 0, 0, 0, 1, 1, 1, 1] }
        let map = DecisionMap(rect: PlotRect(xMin: -1, xMax: 1, yMin: -1, yMax: 1), width: 8, height: 4, regions: regions,
                              points: [.init(x: -0.5, y: 0.5, label: 0), .init(x: 0.5, y: -0.5, label: 1), .init(x: 0.9, y: 0.9, label: 0)])
        expectPicture(map.render(), """
            y
             1 ┤····░░░●
               │··●·░░░░
               │····░░░░
            -1 ┤····░░▲░
               └────────
                -1  x  1
            ● class 0 (region ·)  ▲ class 1 (region ░)
            """)
        expectPicture(map.render(style: .ascii), """
            y
             1 +....:::o
               |..o.::::
               |....::::
            -1 +....::x:
               +--------
                -1  x  1
            o class 0 (region .)  x class 1 (region :)
            """)
    }

    @Test func namedClassesAndOutsidePoints() {
        let map = DecisionMap(rect: PlotRect(xMin: 0, xMax: 2, yMin: 0, yMax: 1), width: 2, height: 1, regions: [2, -1],
                              points: [.init(x: 5, y: 0.5, label: 2)], classNames: ["a", "b", "c"])
        expectPicture(map.render(), """
            y
            1 ┤▒
              └──
               0 2
               x
            ■ c (region ▒)
            note: 1 point outside the window
            """)
    }

    @Test func cellCentresRowByRowFromTheTop() {
        let centres = DecisionMap.cellCentres(rect: PlotRect(xMin: 0, xMax: 2, yMin: 0, yMax: 2), width: 2, height: 2)
        #expect(centres.map(\.x) == [0.5, 1.5, 0.5, 1.5])
        #expect(centres.map(\.y) == [1.5, 1.5, 0.5, 0.5])
    }

    @Test func svgHasARectPerCellAndACirclePerPoint() {
        let map = DecisionMap(rect: PlotRect(xMin: -1, xMax: 1, yMin: -1, yMax: 1), width: 3, height: 2, regions: [0, 1, 1, 0, 0, 1],
                              points: [.init(x: 0, y: 0, label: 1), .init(x: 9, y: 9, label: 0)])
        let svg = SVG.decisionMap(map)
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"))
        // six cells, the frame, the background and two legend swatches
        #expect(svg.split(separator: "<rect", omittingEmptySubsequences: false).count - 1 == 6 + 1 + 1 + 2)
        #expect(svg.split(separator: "<circle", omittingEmptySubsequences: false).count - 1 == 1)
    }
}

import Foundation
import Testing
@testable import LRLabText

/// Pictures never hide a series without saying so: covered series are named, the extreme rows
/// name the most extreme series, compared 1-D paths all show, validation rows are drawn apart.
@Suite struct HonestPictureTests {
    /// The rows of the plotting area: the lines that hold an axis tick or bar, after it.
    func plotRows(_ picture: String) -> [String] {
        picture.split(separator: "\n").compactMap { line -> String? in
            guard let bar = line.firstIndex(where: { $0 == "┤" || $0 == "│" }), !line.contains("└") else { return nil }
            return String(line[line.index(after: bar)...])
        }
    }

    /// gd on x² from 1: x_k = (1 − 2·lr)^k, loss (1 − 2·lr)^(2k). lr=0.05 and lr=0.95 give the
    /// same losses 0.81^k, so the one drawn later covers the other everywhere.
    @Test func aSeriesCoveredEverywhereIsNamedHidden() {
        let steps = (0...10).map(Double.init)
        func losses(_ lr: Double) -> [Double] { steps.map { pow(1 - 2 * lr, 2 * $0) } }
        let chart = LineChart(series: [.init("lr=0.05", y: losses(0.05), x: steps), .init("lr=0.5", y: [1, 0], x: [0, 1]),
                                       .init("lr=0.95", y: losses(0.95), x: steps), .init("lr=1.05", y: losses(1.05), x: steps)],
                              width: 40, height: 10, xLabel: "step")
        let picture = chart.render()
        let drawn = plotRows(picture).joined()
        #expect(!drawn.contains("●"), "lr=0.05 is covered everywhere")
        #expect(drawn.contains("◆") && drawn.contains("○") && drawn.contains("◇"))
        #expect(picture.contains("● lr=0.05: hidden, under ◆ lr=0.95 from step 1"))
        #expect(!picture.contains("◆ lr=0.95: hidden"))
    }

    /// The top row ends with the series whose last value is highest, though another series
    /// with a slightly lower value is drawn after it into the same cell.
    @Test func theTopRowNamesTheHighestSeries() {
        let epochs = [0.0, 1, 2]
        let chart = LineChart(series: [.init("rmsprop", y: [0.1, 0.9, 0.9806], x: epochs), .init("adam", y: [0.1, 0.85, 0.9805], x: epochs)],
                              width: 30, height: 8, xLabel: "epoch")
        let rows = plotRows(chart.render())
        #expect(rows.first?.last == "●", "the top row ends in rmsprop's marker")
        let bottom = LineChart(series: [.init("low", y: [1, 0.0195]), .init("high", y: [1, 0.0196])], width: 30, height: 8)
        #expect(plotRows(bottom.render()).last?.last == "●", "the bottom row ends in the lowest series' marker")
    }

    /// A band is drawn as shade under the series and named in the legend.
    @Test func aBandShadesThePopulation() {
        let x = [0.0, 100, 200]
        let chart = LineChart(series: [.init("median", y: [10, 5, 2], x: x)], width: 30, height: 8,
                              band: .init("all 4 members", low: [10, 1, 0.5], high: [10, 20, 9], x: x))
        let picture = chart.render()
        #expect(plotRows(picture).joined().contains("░"))
        #expect(picture.contains("● median  ░ all 4 members"))
        #expect(chart.render(style: .ascii).contains("* median  : all 4 members"))
    }

    /// `plot f` after a compare: x_k = 0.9^k (lr=0.05) stays right of 0, x_k = (−0.9)^k (lr=0.95)
    /// alternates; both show, each ends at 0.9^10 = 0.3487.
    @Test func everyComparedPathShowsOnTheCurve() {
        let paths = [CurvePlot.Path("lr=0.05", iterates: (0...10).map { pow(0.9, Double($0)) }),
                     CurvePlot.Path("lr=0.95", iterates: (0...10).map { pow(-0.9, Double($0)) })]
        var plot = CurvePlot(function: { $0 * $0 }, xRange: -1.2...1.2, width: 50, height: 12)
        plot.paths = paths
        let picture = plot.render()
        let rows = plotRows(picture)
        let left = rows.map { String($0.prefix(25)) }.joined(), right = rows.map { String($0.dropFirst(25)) }.joined()
        #expect(right.contains("●") && right.contains("○"), "both runs visit x > 0")
        #expect(!left.contains("●") && left.contains("○"), "only lr=0.95 visits x < 0")
        #expect(picture.contains("● lr=0.05 → x=0.3487  ○ lr=0.95 → x=0.3487"))
        #expect(!picture.contains("hidden"))
    }

    /// Validation points are hollow marks, training points filled.
    @Test func validationPointsAreDrawnApart() {
        let rect = PlotRect(xMin: 0, xMax: 4, yMin: 0, yMax: 4)
        let map = DecisionMap(rect: rect, width: 4, height: 4, regions: Array(repeating: 0, count: 16),
                              points: [.init(x: 0.5, y: 3.5, label: 0), .init(x: 3.5, y: 0.5, label: 0, isValidation: true)])
        let rows = plotRows(map.render())
        #expect(rows.first?.contains("●") == true)
        #expect(rows.last?.contains("○") == true)
        #expect(map.render().contains("filled marks: training rows; ○: validation rows"))
    }

    /// 200 rates fit 80 columns: each mark stands for the outcome most of its rates had.
    @Test func aLongStripFitsTheWidth() {
        let cells = (0..<200).map { $0 < 50 ? 0 : $0 < 120 ? 1 : $0 < 150 ? 2 : 3 }
        let grid = (0..<200).map { pow(10, -4 + 5 * Double($0) / 199) }
        let strip = Strip(grid: grid, cells: cells, critical: (name: "2/L", value: grid[150]))
        let lines = strip.render(width: 80).split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines[0].contains("░▒") && lines[0].contains("▓×"))
        #expect(lines.last?.hasPrefix("each mark: ") == true)
        #expect(Strip(grid: Array(grid.prefix(10)), cells: Array(cells.prefix(10))).render(width: 80).split(separator: "\n").count == 2)
    }
}

import Testing
import Foundation
@testable import LRLabText

/// A chart past eight series is drawn as one small panel per series on shared axes.
@Suite struct SmallMultiplesTests {
    /// Nine flat series at 1, 2, …, 9 over x = 0…10.
    static let chart = LineChart(series: (0..<9).map { LineChart.Series("s\($0 + 1)", y: Array(repeating: Double($0 + 1), count: 11)) },
                                 width: 66, height: 15, title: "nine levels", xLabel: "step", yLabel: "loss")

    /// The panel of each series read from the drawn characters: the line and column of its
    /// title, and the rows (0 = top) of its plotting area where its marker shows.
    func panels(_ text: String, marker: Character, height: Int) -> [String: (column: Int, rows: Set<Int>)] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        var found: [String: (column: Int, rows: Set<Int>)] = [:]
        for (index, line) in lines.enumerated() {
            let text = String(line)
            for label in (1...9).map({ "s\($0)" }) {
                guard let range = text.range(of: label + " ") ?? (text.hasSuffix(label) ? text.range(of: label, options: .backwards) : nil),
                      index + height + 1 < lines.count else { continue }
                let column = text.distance(from: text.startIndex, to: range.lowerBound)
                guard column == 0 || line[column - 1] == " " else { continue }
                var rows = Set<Int>()
                for row in 0..<height {
                    let cells = lines[index + 1 + row]
                    // The panel: its rule at `column`, then its plotting cells up to the next gap.
                    let end = Swift.min(cells.count, column + 23)
                    if column + 1 < end, cells[(column + 1)..<end].contains(marker) { rows.insert(row) }
                }
                found[label] = (column, rows)
            }
        }
        return found
    }

    @Test(arguments: GlyphStyle.allCases) func everySeriesHasItsOwnPanel(style: GlyphStyle) {
        let text = Self.chart.render(style: style)
        let multiples = Self.chart.smallMultiples
        #expect(text == multiples.render(style: style))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 78 })
        #expect(text.contains("9 series, one small chart each, all on the same axes"))
        #expect(text.replacingOccurrences(of: "\n  ", with: " ").contains("step 0 to 10 across, loss 1 to 9 up"))
        let height = multiples.panelHeight
        let found = panels(text, marker: style == .unicode ? "●" : "*", height: height)
        #expect(found.count == 9)
        // Each panel shows its series in one row; a higher level in a higher (smaller) row.
        let rows = (1...9).compactMap { found["s\($0)"]?.rows }
        #expect(rows.count == 9 && rows.allSatisfy { $0.count == 1 })
        let levels = rows.compactMap(\.first)
        #expect(levels.first == height - 1 && levels.last == 0)
        #expect(zip(levels, levels.dropFirst()).allSatisfy { $0 >= $1 })
        // Three panels side by side: s1, s2, s3 at three columns.
        #expect(Set((1...3).compactMap { found["s\($0)"]?.column }).count == 3)
    }

    @Test func eightSeriesStayOneChart() {
        var chart = Self.chart
        chart.series.removeLast()
        #expect(!chart.render().contains("small chart"))
    }

    @Test func divergingSeriesIsNamed() {
        var chart = Self.chart
        chart.series[4].y[6] = .infinity
        let text = chart.render()
        #expect(text.contains("↑ s5: not finite from x=6"))
    }
}

/// `plot f` after a comparison of nine runs: one panel per run, each with the curve.
@Suite struct CurvePlotSmallMultiplesTests {
    @Test func everyPathHasItsOwnPanel() {
        // Run i ends at x = -1 + i/4: its iterate sits further right in each next panel.
        var plot = CurvePlot(function: { $0 * $0 }, xRange: -1...1, width: 66, height: 15, title: "f(x) = x^2", xLabel: "x")
        plot.paths = (0..<9).map { CurvePlot.Path("run\($0)", iterates: [-1 + Double($0) / 4]) }
        let lines = plot.render().split(separator: "\n").map { Array(String($0)) }
        #expect(lines.allSatisfy { $0.count <= 78 })
        var columns: [Int] = []
        for index in 0..<9 {
            let title = "run\(index) → "
            guard let row = lines.firstIndex(where: { String($0).contains(title) }) else {
                Issue.record("no panel titled \(title)")
                continue
            }
            let start = String(lines[row]).range(of: title).map { String(lines[row])[..<$0.lowerBound].count } ?? 0
            // The panel's rows: its rule at `start`, then 23 cells; one ● (its one iterate) and dots (f).
            let cells = (row + 1...row + 5).flatMap { r in
                lines[r].indices.filter { $0 > start && $0 < start + 24 && lines[r][$0] == "●" }
            }
            #expect(cells.count == 1, "\(title)")
            #expect((row + 1...row + 5).contains { r in lines[r].indices.contains { $0 > start && $0 < start + 24 && lines[r][$0] == "·" } })
            columns.append((cells.first ?? start) - start)
        }
        #expect(columns == columns.sorted() && Set(columns).count == 9)
    }
}

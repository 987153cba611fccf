import Testing
@testable import LRLabText

/// The middle y label names the value drawn on its row: on a chart of even height, where the
/// middle value falls between two rows, the label sits on the row the value is drawn on.
@Suite struct AxisMiddleLabelTests {
    /// A constant series at 0.3 on an axis from 0.15 to 0.45: the middle value itself.
    @Test(arguments: [11, 12, 15, 16])
    func aConstantAtTheMiddleIsDrawnOnTheMiddleLabel(height: Int) throws {
        let chart = LineChart(series: [.init("lr", y: Array(repeating: 0.3, count: 20))], width: 40, height: height)
        let lines = chart.render(style: .ascii).split(separator: "\n").map(String.init)
        let labelled = try #require(lines.first { $0.hasPrefix(" 0.3 +") }, "no row labelled 0.3")
        #expect(labelled.contains("*"), "the row labelled 0.3 does not hold the series:\n\(lines.joined(separator: "\n"))")
    }

    @Test func rowsFollowTheMappingOfEachKindOfPicture() {
        #expect(AxisFrame.MiddleRow.rounded.row(height: 12) == 5)
        #expect(AxisFrame.MiddleRow.rounded.row(height: 13) == 6)
        #expect(AxisFrame.MiddleRow.band.row(height: 12) == 6)
        #expect(AxisFrame.MiddleRow.band.row(height: 13) == 6)
    }
}

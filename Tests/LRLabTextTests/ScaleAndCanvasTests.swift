import Testing
@testable import LRLabText

@Suite struct ScaleAndCanvasTests {
    @Test func rangesWidenConstants() {
        #expect(AxisRange(enclosing: [2, 2], scale: .linear) == AxisRange(low: 1, high: 3, scale: .linear))
        #expect(AxisRange(enclosing: [0], scale: .linear) == AxisRange(low: -1, high: 1, scale: .linear))
        #expect(AxisRange(enclosing: [5], scale: .log10) == AxisRange(low: 0.5, high: 50, scale: .log10))
        #expect(AxisRange(enclosing: [-1, 0, .nan], scale: .log10) == nil)
        #expect(AxisRange(enclosing: [], scale: .linear) == nil)
    }

    @Test func cellsOnBothScales() {
        let linear = AxisRange(low: 0, high: 10, scale: .linear)
        #expect(linear.cell(5, count: 11) == 5)
        #expect(linear.cell(20, count: 11) == 20)
        let log = AxisRange(low: 1, high: 1000, scale: .log10)
        #expect(log.cell(10, count: 4) == 1)
        #expect(log.cell(0, count: 4) == nil)
        #expect(log.value(atFraction: 0.5) == 31.622776601683793)
    }

    @Test func linesAreClippedToTheCanvas() {
        var canvas = Canvas(width: 5, height: 3)
        canvas.line(from: (-1_000_000, 1), to: (1_000_000, 1), "-")
        canvas.line(from: (2, -50), to: (2, 50), "|")
        canvas.line(from: (100, 100), to: (200, 200), "x")
        #expect(canvas.lines(color: false) == ["  |  ", "--|--", "  |  "])
    }
}

import Testing
@testable import LRLabShell

/// The repros of pictures that hid a series, through the shell: each reads the drawn characters.
@Suite struct HonestPictureCommandTests {
    /// The rows of every plotting area in `text`: what follows an axis tick or bar.
    func plotRows(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line -> String? in
            guard let bar = line.firstIndex(where: { $0 == "┤" || $0 == "│" }), !line.contains("└"), !line.contains("┌"),
                  !line.contains("├"), !line.hasPrefix("│") else { return nil }
            return String(line[line.index(after: bar)...])
        }
    }

    /// gd on x² from 1 with lr=0.05 and 0.95 has the same losses 0.81^k: the chart says the
    /// first is hidden under the second; `plot f` then shows every path, each with its mark.
    @Test func aParabolaCompareNamesTheHiddenRateAndPlotFShowsEveryPath() {
        let (text, _) = transcript(of: "f(x) = x^2; start x=1; compare lr=0.05,0.5,0.95,1.05 steps=10")
        #expect(!plotRows(text).joined().contains("●"))
        #expect(text.contains("● gd lr=0.05: hidden, under ◆ gd lr=0.95 from step 1"))
        let (plot, _) = transcript(of: "f(x) = x^2; start x=1; compare lr=0.05,0.5,0.95,1.05 steps=10; plot f")
        let picture = String(plot[plot.range(of: "f(x) = x^2\n")!.upperBound...])
        let drawn = plotRows(picture).joined()
        for mark in ["●", "○", "◆", "◇"] { #expect(drawn.contains(mark), "\(mark) is drawn") }
        // x_10 = 0.9^10 for lr=0.05 and (−0.9)^10 for lr=0.95; lr=1.05 ends at (−1.1)^10.
        #expect(picture.contains("● gd lr=0.05 → x=0.3487"))
        #expect(picture.contains("◆ gd lr=0.95 → x=0.3487"))
        #expect(picture.contains("◇ gd lr=1.05 → x=2.594"))
        #expect(picture.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    /// Lesson 11's compare: gd and momentum take the same single full-batch step, and adadelta's
    /// barely moves, so its marks cover gd's (and at the common start, adam's); the legend says so.
    @Test func digitsCompareSaysWhichOptimizerIsUnderWhich() {
        let (text, _) = transcript(of: "data digits; model mlp hidden=32; compare opt=gd,momentum,rmsprop,adagrad,adadelta,adam lr=0.01 epochs=1")
        #expect(text.contains("● gd: hidden, under ■ adadelta from epoch 1"))
    }

    @Test func sweepOfTwoHundredRatesFitsEightyColumns() {
        let (text, _) = transcript(of: "f(x) = x^2; start x=1; sweep n=200 steps=50")
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(text)")
        #expect(text.contains("each mark: "))
    }

    /// After a train, `fit` is the latest: `plot fit` draws its curves and the error chart.
    @Test func plotFitAfterFitDrawsTheDegreesAndTheSweetSpot() {
        let (text, _) = transcript(of: """
            data sine; opt adam lr=0.01; model poly degree=1; train epochs=5
            fit degree=1,3 epochs=50
            plot fit
            """)
        let picture = String(text[text.range(of: "plot fit draws the curves over the points")!.upperBound...])
        #expect(picture.contains("sine: degree 1, degree 3"))
        #expect(picture.contains("error against degree"))
        #expect(picture.contains("┊ sweet spot: degree "))
        #expect(plotRows(picture).joined().contains("┊"))
        #expect(picture.contains("● train  ○ validation"))
    }

    @Test func plotDataDrawsValidationRowsHollow() {
        let (text, _) = transcript(of: "data moons; plot data")
        #expect(text.contains("● class 0 train"))
        #expect(text.contains("○ validation"))
        let drawn = plotRows(text).joined()
        #expect(drawn.contains("●") && drawn.contains("○") && drawn.contains("◆") && drawn.contains("◇"))
    }
}

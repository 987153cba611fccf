import LRLab
import LRLabText

/// The tutorial's capacity figure under `plot fit`: training and validation error against the
/// polynomial degree, the degree with the lowest validation error marked as the sweet spot.
extension PlotCommands {
    static func errorChart(_ fits: PolynomialFits, size: (width: Int, height: Int)) -> LineChart? {
        let done = fits.fits.filter { $0.trainer.ending == nil }
        guard done.count >= 2 else { return nil }
        let degrees = done.map { Double($0.degree) }
        let series = [LineChart.Series("train", y: done.map { $0.trainError ?? .nan }, x: degrees),
                      LineChart.Series("validation", y: done.map { $0.validationError ?? .nan }, x: degrees)]
        let positive = series.allSatisfy { $0.y.allSatisfy { !$0.isFinite || $0 > 0 } }
        var chart = LineChart(series: series, width: size.width, height: Swift.max(6, size.height / 2), yScale: positive ? .log10 : .linear,
                              title: "error against degree (MSELoss after the last epoch)", xLabel: "degree", yLabel: "error")
        if let best = done.filter({ $0.validationError != nil && $0.validationError == fits.bestValidationError }).first {
            chart.mark = LineChart.Mark(x: Double(best.degree), label: "sweet spot: degree \(best.degree), the lowest validation error")
        }
        return chart
    }
}

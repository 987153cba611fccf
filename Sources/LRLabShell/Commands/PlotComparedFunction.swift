import LRLab
import LRLabText

/// `plot f` after a 1-D `compare`: every compared run's iterates on the function.
extension PlotCommands {
    /// The window spans the start and every iterate of the runs that do not diverge, and of the
    /// diverging ones as far as ten times that span (the rest leave by the edges as arrows).
    static func plotComparedFunction(_ session: Session, _ objective: Objective, _ comparison: Comparison.Report,
                                     size: (width: Int, height: Int)) -> Report {
        let paths = comparison.results.map { result in
            CurvePlot.Path(result.label, iterates: Array(result.run.trace.parameters.prefix(100_000)))
        }
        let steady = zip(comparison.results, paths).filter { $0.0.verdict.kind != .diverging }.flatMap { $0.1.iterates }
        let start = paths.first?.iterates.first ?? 0
        let known = (objective.minima + objective.localMinima).map { $0[0] } + [start]
        let core = CurvePlot.interval(enclosing: steady, including: known, margin: 0)
        let reach = Swift.max(core.upperBound - core.lowerBound, 1) * 10
        let far = paths.flatMap(\.iterates).filter { $0 >= core.lowerBound - reach && $0 <= core.upperBound + reach }
        let range = CurvePlot.interval(enclosing: steady + far, including: known)
        var plot = CurvePlot(function: { objective.loss(at: [$0]) }, xRange: range, width: size.width, height: size.height,
                             title: "\(objective.signature) = \(objective.expression)", xLabel: objective.parameters[0])
        plot.paths = paths
        let samples = (0...200).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / 200 }
        let series = [LineChart.Series("f", y: samples.map { objective.loss(at: [$0]) }, x: samples)]
            + paths.map { LineChart.Series($0.label, y: $0.iterates.map { objective.loss(at: [$0]) }, x: $0.iterates) }
        var report = Report()
        report.picture(plot, saved: .lineChart(LineChart(series: series, title: plot.title, xLabel: objective.parameters[0], yLabel: "f")))
        return report
    }
}

import LRLab
import LRLabText

/// `plot loss | f | path | lr`: the pictures of one run, sized to the terminal.
enum PlotCommands {
    /// `plot lr steps=N`.
    enum PlotOptions {
        static let steps = CommandOption.count("steps", limit: Limits.maximumScheduleHorizon, "the span of plot lr",
                                               subcommand: "lr", defaultDescription: "the run, ≥ 1000")
        static let all = [steps.option]
    }

    static func plotCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        guard statement.words.count >= 2 else {
            throw ShellError("plot what?", at: statement.words[0].range, hint: "plot loss, plot f, plot path, plot lr, plot pbt or plot data")
        }
        let what = statement.words[1]
        let size = session.pictureSize(tall: what.text == "path")
        switch what.text {
        case "loss":
            if session.focus == .model {
                let training = try session.currentTraining(at: what)
                return try plotTrainingLoss(statement, training.trainer.trace, size: size)
            }
            let run = try session.currentRun(at: what)
            let losses = Array(run.trace.losses)
            let scale = try statement.lossScale(for: losses)
            let chart = LineChart(series: [.init(run.configuration.kind.name, y: losses, x: run.trace.steps.map(Double.init))],
                                  width: size.width, height: size.height, yScale: scale,
                                  title: "loss per step", xLabel: "step", yLabel: "loss")
            var report = Report()
            report.picture(.lineChart(chart))
            return report
        case "f", "path":
            try statement.expectWords(2)
            let run = try session.currentRun(at: what)
            if run.lossFunction.parameterCount == 1 {
                return try plotFunction(session, run, size: size)
            }
            if what.text == "f" {
                throw ShellError("plot f draws 1-D functions", at: what.range, hint: "plot path draws a 2-D function with the trajectory")
            }
            return plotPath(session, run, size: size)
        case "data":
            return try plotDataCommand(session, statement)
        case "lr":
            let options = try CommandOptionValues(statement.words.dropFirst(2), options: PlotOptions.all, command: "plot lr")
            let steps = options[PlotOptions.steps] ?? ScheduleReport.defaultHorizon(session)
            var report = Report()
            report.picture(.lineChart(ScheduleReport.chart(session, steps: steps)))
            return report
        case "pbt":
            return try PopulationCommands.plotPopulation(session, statement)
        case "fit":
            try statement.expectWords(2)
            return try plotFit(session, at: what)
        default:
            throw ShellError("cannot plot '\(what.text)'", at: what.range, hint: "plot loss, plot f, plot path, plot lr, plot pbt or plot data")
        }
    }

    /// `plot f`: the curve with the run's iterates (or every compared run's); saved as a line chart.
    static func plotFunction(_ session: Session, _ run: Run, size: (width: Int, height: Int)) throws(ShellError) -> Report {
        guard let objective = run.objective else { throw ShellError("plot f draws formulas; this run's loss is not one") }
        if let comparison = session.explorer.comparison, comparison.results.count > 1 {
            return plotComparedFunction(session, objective, comparison, size: size)
        }
        let plot = functionPlot(objective, iterates: iterates(of: run), size: size)
        var report = Report()
        report.picture(plot, saved: .lineChart(functionChart(objective, plot)))
        return report
    }

    /// What `save FILE.svg` writes for `plot`, a curve with iterates: the function sampled on
    /// the same range, and the iterates joined in order.
    static func functionChart(_ objective: Objective, _ plot: CurvePlot) -> LineChart {
        let range = plot.xRange, iterates = plot.iterates
        let samples = (0...200).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / 200 }
        return LineChart(series: [.init("f", y: samples.map { objective.loss(at: [$0]) }, x: samples),
                                  .init("iterates", y: iterates.map { objective.loss(at: [$0]) }, x: iterates)],
                         title: "\(objective.signature) = \(objective.expression)", xLabel: objective.parameters[0], yLabel: "f")
    }

    /// `plot f`'s picture of a 1-D formula with `iterates` on its curve.
    static func functionPlot(_ objective: Objective, iterates: [Double],
                             size: (width: Int, height: Int)) -> CurvePlot {
        var known = (objective.minima + objective.localMinima).map { $0[0] }
        // Show the far side of where the run went too: a valley seen whole.
        if let first = iterates.first, let last = iterates.last {
            known.append(2 * last - first)
        }
        let range = CurvePlot.interval(enclosing: iterates, including: known)
        return CurvePlot(
            function: { objective.loss(at: [$0]) }, xRange: range,
            iterates: iterates, width: size.width, height: size.height,
            title: "\(objective.signature) = \(objective.expression)",
            xLabel: objective.parameters[0])
    }

    /// `plot path`'s contour map of a 2-D formula with `trajectories`.
    static func pathMap(_ objective: Objective,
                        _ trajectories: [ContourMap.Trajectory],
                        size: (width: Int, height: Int)) -> ContourMap {
        let minima = (objective.minima + objective.localMinima)
            .map { (x: $0[0], y: $0[1]) }
        let rect = PlotRect.enclosing(trajectories.map(\.points),
                                      points: minima.count <= 2 ? minima : [])
        return ContourMap(
            function: { objective.loss(at: [$0, $1]) }, rect: rect,
            trajectories: trajectories, minima: minima,
            width: size.width, height: size.height,
            title: "\(objective.signature) = \(objective.expression)")
    }

    /// `plot path`: the contour map with the run's trajectory, or every compared run's.
    static func plotPath(_ session: Session, _ run: Run, size: (width: Int, height: Int)) -> Report {
        guard let objective = run.objective else { return Report(prose: "plot path draws formulas of two variables; this run's loss is not one") }
        var trajectories: [ContourMap.Trajectory] = []
        if let comparison = session.explorer.comparison {
            for result in comparison.results {
                trajectories.append(.init(result.label, points: points(of: result.run)))
            }
        } else {
            trajectories.append(.init(run.configuration.kind.name, points: points(of: run)))
        }
        let map = pathMap(objective, trajectories, size: size)
        var report = Report()
        report.picture(.contourMap(map))
        return report
    }

    /// A 1-D run's kept finite iterates, the first 100,000 (what `plot f` draws).
    static func iterates(of run: Run) -> [Double] {
        Array(run.trace.parameters.filter(\.isFinite).prefix(100_000))
    }

    /// A 2-D run's kept trajectory as points.
    static func points(of run: Run) -> [(x: Double, y: Double)] {
        let values = run.trace.parameters
        return stride(from: 0, to: values.count - 1, by: 2).map { (x: values[$0], y: values[$0 + 1]) }
    }
}

extension Statement {
    /// Refuses words beyond the first `count`.
    func expectWords(_ count: Int) throws(ShellError) {
        if words.count > count {
            throw ShellError("unexpected '\(words[count].text)'", at: words[count].range)
        }
    }

    /// The y scale of `plot loss [log|linear]`: the word when given, else log when every value
    /// is positive and they span more than two decades.
    func lossScale(for values: [Double]) throws(ShellError) -> AxisScale {
        var scale: AxisScale = .linear
        let positive = values.filter { $0.isFinite && $0 > 0 }
        if let low = positive.min(), let high = positive.max(), positive.count == values.count, high / low > 100 { scale = .log10 }
        for word in words.dropFirst(2) {
            switch word.text {
            case "log": scale = .log10
            case "linear": scale = .linear
            default: throw ShellError("unexpected '\(word.text)'", at: word.range, hint: "plot loss log, or plot loss linear")
            }
        }
        return scale
    }
}

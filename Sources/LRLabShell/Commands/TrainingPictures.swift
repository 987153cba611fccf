import LRLab
import LRLabText

extension PlotCommands {
    /// `plot loss` after `train`: the training and validation loss per epoch, together (a
    /// learning curve); a log axis when the losses span more than a factor of 100.
    static func plotTrainingLoss(_ statement: Statement, _ trace: EpochTrace,
                                 size: (width: Int, height: Int)) throws(ShellError) -> Report {
        let epochs = trace.records.map { Double($0.epoch) }
        let train = trace.records.map(\.trainLoss)
        var series = [LineChart.Series("train", y: train, x: epochs)]
        var all = train
        if trace.hasValidation {
            let validation = trace.records.map { $0.validationLoss ?? .nan }
            series.append(.init("validation", y: validation, x: epochs))
            all += validation
        }
        let scale = try statement.lossScale(for: all)
        let chart = LineChart(series: series, width: size.width, height: size.height, yScale: scale,
                              title: "loss per epoch (train and validation, without l2)", xLabel: "epoch", yLabel: "loss")
        var report = Report()
        report.picture(.lineChart(chart))
        return report
    }
}

import LRLab
import LRLabText

extension Command {
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

    /// `lr` after `train`: prints or changes the training's base rate; the optimizer's state is kept.
    static func trainingLearningRateCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        var training = try session.currentTraining(at: statement.words[0])
        guard statement.words.count >= 2 else {
            return Report(prose: "lr \(session.format(training.trainer.run.learningRate)) (of the training; the next train uses it)")
        }
        let rate = try learningRateArgument(statement)
        if let ending = training.trainer.ending {
            throw ShellError("the training has ended: " + ending.description.text(digits: session.digits),
                             hint: "train again to start afresh, with a lower rate: opt ... lr=")
        }
        let previous = training.trainer.run.learningRate
        do throws(OptionError) {
            try training.trainer.setLearningRate(rate)
        } catch {
            throw ShellError(error.message, at: statement.words[1].range, hint: error.hint)
        }
        session.lab.training = training
        return Report(prose: "lr \(session.format(rate)) from step \(training.trainer.stepCount + 1) of the training on (was \(session.format(previous))); "
            + "the optimizer's state is kept")
    }
}

import LRLab
import LRLabText

/// `lrfind`: the learning-rate range test.
extension ExperimentCommands {
    /// `lrfind`'s options.
    enum LRFindOptions {
        static let from = CommandOption.rate("from", default: 1e-6, "the rate of the first step")
        static let to = CommandOption.rate("to", default: 10, "the rate of the last step (larger than from=)")
        static let steps = CommandOption.count("steps", default: 100, limit: Limits.maximumFinderSteps, "steps, the rate growing by the same factor each")
        static let all = [from.option, to.option, steps.option]
    }

    static func lrfindCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        let options = try CommandOptionValues(statement.words.dropFirst(), options: LRFindOptions.all, command: "lrfind")
        let (lower, upper) = (options[LRFindOptions.from], options[LRFindOptions.to])
        let steps = options[LRFindOptions.steps]
        guard upper > lower else { throw ShellError("to= must be larger than from=", at: statement.words[0].range) }
        let result: LearningRateFinder.Report
        var onModel: String?
        if session.focus == .model {
            // The model's training loss over every training row, from its initial parameters.
            let setup = try ModelTrainingSetup(session, at: statement.words[0])
            let loss = ModelLoss(model: setup.model, data: setup.split.training, l2: setup.l2)
            onModel = "\(setup.description) on \(setup.split.training.shownName), full batches from its initial parameters"
            do throws(EvaluationError) {
                result = try LearningRateFinder.run(objective: loss, start: setup.model.initialParameters(setup.initialization),
                                                    configuration: session.optimizer, from: lower, to: upper, steps: steps,
                                                    shouldStop: session.shouldStop)
            } catch {
                throw ShellError("the model's loss has no value at its start: \(error.description)", at: statement.words[0].range)
            }
        } else {
            let (objective, start) = try session.setup(at: statement.words[0])
            do throws(EvaluationError) {
                result = try LearningRateFinder.run(objective: objective, start: start, configuration: session.optimizer,
                                                    from: lower, to: upper, steps: steps, shouldStop: session.shouldStop)
            } catch {
                throw ShellError("\(objective.signature) has no value at the start: \(error.description)")
            }
        }
        let size = session.pictureSize()
        let logRates = result.rates.map { _log10($0) }
        let chart = LineChart(series: [.init("loss", y: result.losses, x: logRates)],
                              width: size.width, height: size.height,
                              yScale: result.losses.allSatisfy { !$0.isFinite || $0 > 0 } ? .log10 : .linear,
                              title: "range test: loss against the learning rate", xLabel: "log10 lr", yLabel: "loss")
        var report = Report()
        report.picture(.lineChart(chart))
        // The chart fits the width; the sentences under it wrap to it.
        var lines: [String] = []
        if let onModel { lines.append("range test of " + onModel) }
        if let suggested = result.suggestedRate {
            lines.append("suggested lr = \(NumberFormat.format(suggested, digits: 3))  (\(result.rule.text(digits: session.digits)))")
            if let critical = result.criticalRate, suggested > critical {
                lines.append("warning: that is above \(result.criticalSymbol) = \(NumberFormat.format(critical, digits: 3)) at the start; \(session.optimizer.kind.name) would bounce and grow there")
            }
        } else {
            lines.append("no suggestion: \(result.rule.text(digits: session.digits))")
        }
        if let reason = result.stopReason { lines.append("stopped: " + reason.text(digits: session.digits)) }
        if result.wasStopped {
            lines.append(Session.interruptionNote(atStep: result.rates.count, "the suggestion reads the steps taken"))
        }
        report.prose(lines.joined(separator: "\n"))
        return report
    }
}

#if canImport(Glibc)
import Glibc
#endif
@inline(__always) private func _log10(_ x: Double) -> Double { log10(x) }

import LRLab
import LRLabText

/// `compare` on a model: the explorer's entries (`compareEntries`), one training each.
extension ExperimentCommands {
    static func compareModels(_ session: Session, _ statement: Statement, options: CommandOptionValues,
                              entries: [Comparison.Entry], setup: ModelTrainingSetup) throws(ShellError) -> Report {
        let epochs = options[CompareOptions.epochs]
        let batch = options.given(CompareOptions.batch) ?? setup.batchSize
        // The trainings run one after the other and only their traces are kept.
        try session.memoryBudget.check(trainings: 1, of: setup.model, on: setup.split, configuration: session.optimizer, batchSize: batch,
                                       keepsBestParameters: false, what: "compare on this model", at: statement.words[0])
        session.lab.comparison = nil
        let comparison: TrainingComparison
        do throws(EvaluationError) {
            comparison = try TrainingComparison(model: setup.model, split: setup.split, l2: setup.l2, initialization: setup.initialization,
                                                entries: entries, epochs: epochs, batchSize: batch, seed: setup.seed,
                                                shouldStop: session.shouldStop)
        } catch {
            throw ShellError("the model's loss has no value at its start: \(error.description)", at: statement.words[0].range)
        }
        session.lab.comparison = comparison
        // Under the table, before the charts: the breakpoints are epochs, not updates.
        let note = scheduleInEpochsNote(entries, rows: setup.split.training.rowCount, batch: batch)
        return modelComparisonReport(comparison, session: session, entries: entries.count, batch: batch, setup: setup, note: note)
    }

    /// `schedule = step 0.1 40:0.01 70:0.001: its breakpoints count epochs (45 updates an
    /// epoch)` for the first entry with a schedule that is not constant; nil without one.
    static func scheduleInEpochsNote(_ entries: [Comparison.Entry], rows: Int, batch: Int?) -> String? {
        guard let entry = entries.first(where: { !($0.schedule is ConstantSchedule) }) else { return nil }
        let updates = batch.map { Swift.max(1, (rows + Swift.max($0, 1) - 1) / Swift.max($0, 1)) } ?? 1
        return "\(entry.label) = \(entry.schedule.description): its breakpoints count epochs "
            + "(\(NumberFormat.counted(updates, "update")) an epoch), the rate changing at the first update of the next epoch"
    }

    /// The table and the curves of a model compare, `note` under the table; the last chart
    /// (accuracy for classes, else loss) is what `save FILE.svg` writes.
    static func modelComparisonReport(_ comparison: TrainingComparison, session: Session, entries: Int, batch: Int?,
                                      setup: ModelTrainingSetup, note: String?) -> Report {
        let digits = Swift.min(session.digits, 4)
        let isClassifier = setup.split.training.isClassification
        let hasValidation = setup.split.validation != nil
        func cell(_ value: Double?) -> String { value.map { NumberFormat.format($0, digits: digits) } ?? "-" }
        let rows = comparison.results.map { result -> [String] in
            let last = result.last
            var row = [result.label, cell(last?.trainLoss), cell(last?.validationLoss)]
            if isClassifier { row += [cell(last?.trainAccuracy), cell(last?.validationAccuracy)] }
            row.append(result.ending == nil ? String(last?.epoch ?? 0) : "ended at \(last?.epoch ?? 0)")
            return row
        }
        var columns: [Table.Column] = [.init("run", alignment: .left), .init("train loss"), .init("val loss")]
        if isClassifier { columns += [.init("train acc"), .init("val acc")] }
        columns.append(.init("epochs"))
        let heading = "compare: \(setup.description) on \(setup.split.training.shownName), \(NumberFormat.counted(comparison.epochs, "epoch")) of "
                      + "\(batch.map { "batches of \($0)" } ?? "full batches"), the same start and batches (seed \(setup.seed))"
        var report = Report(prose: heading)
        report.table(Table(columns: columns, rows: rows))
        // The verdicts `train` would give each training, in the shared words (help verdicts).
        var lines = ["verdicts: " + comparison.results.map { "\($0.label) \($0.verdicts.map(\.name).joined(separator: ", "))" }
            .joined(separator: "; ")]
        lines.append("losses: \(setup.lossName) over the whole set after the last epoch (without l2); accuracies are fractions")
        if let note { lines.append(note) }
        report.prose(lines.joined(separator: "\n"))
        let size = session.pictureSize()
        let which = hasValidation ? "validation" : "training"
        let lossSeries = comparison.results.map { result in
            LineChart.Series(result.label, y: result.trace.records.map { hasValidation ? ($0.validationLoss ?? .nan) : $0.trainLoss },
                             x: result.trace.records.map { Double($0.epoch) })
        }
        let positive = lossSeries.allSatisfy { $0.y.allSatisfy { !$0.isFinite || $0 > 0 } }
        let lossChart = LineChart(series: lossSeries, width: size.width, height: size.height, yScale: positive ? .log10 : .linear,
                                  title: "\(which) loss per epoch", xLabel: "epoch", yLabel: "loss")
        report.picture(.lineChart(lossChart))
        if isClassifier {
            let accuracySeries = comparison.results.map { result in
                LineChart.Series(result.label, y: result.trace.records.map { (hasValidation ? $0.validationAccuracy : $0.trainAccuracy) ?? .nan },
                                 x: result.trace.records.map { Double($0.epoch) })
            }
            let accuracyChart = LineChart(series: accuracySeries, width: size.width, height: size.height,
                                          title: "\(which) accuracy per epoch", xLabel: "epoch", yLabel: "accuracy")
            report.picture(.lineChart(accuracyChart))
        }
        var endings: [String] = []
        for result in comparison.results {
            if let ending = result.ending { endings.append("\(result.label): " + ending.description.text(digits: session.digits)) }
        }
        if comparison.wasStopped {
            let last = comparison.results.last
            endings.append(Session.interruptionNote(atStep: last?.stepCount ?? 0, of: last?.label,
                                                    "the table shows the trainings so far (\(comparison.results.count) of \(entries))"))
        }
        if !endings.isEmpty { report.prose(endings.joined(separator: "\n")) }
        return report
    }
}

/// What a model compare trains: the session's model built for its data, its initialisation
/// and penalty, and the batches and seed of the training in progress (as `train`: batches of
/// `TrainingDefaults.batchRows` and seed 0 without one).
struct ModelTrainingSetup {
    var model: any Model
    var split: DataSplit
    var l2: Double
    var initialization: ModelInitialization
    var batchSize: Int?
    var seed: UInt64
    /// `mlp hidden=32 act=relu seed=0`.
    var description: String
    /// `CrossEntropyLoss`, `MSELoss`.
    var lossName: String

    /// The data lab's model on its data, or the error that says which is missing.
    init(_ session: Session, at word: Word) throws(ShellError) {
        guard let split = session.lab.data else {
            throw ShellError("no data yet", at: word.range, hint: "choose a data set first, e.g. data moons, data sine or data digits")
        }
        guard let specification = session.lab.model else {
            throw ShellError("no model yet", at: word.range, hint: "choose one, e.g. model mlp hidden=32, model linear or model poly degree=3")
        }
        do throws(ModelError) {
            model = try specification.makeModel(for: split.training)
        } catch {
            throw ShellError(error, at: word.range)
        }
        self.split = split
        l2 = specification.l2
        initialization = specification.initialization
        // As train: the batches of the training in progress, else train's default.
        let training = session.lab.training
        batchSize = training.map(\.batchSize) ?? TrainingDefaults.batchRows
        seed = training?.seed ?? 0
        description = specification.description
        lossName = TrainingLoss(for: split.training).pytorchName
    }
}

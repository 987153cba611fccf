import LRLab
import LRLabText

/// What `train` prints, as `run` does for steps: the first and last epochs this command
/// trained (with row 0 on a fresh training), the epochs where something happened (the rate
/// changed, the lowest validation loss), a summary, and the verdicts with their evidence.
struct TrainingReport {
    let session: Session
    let training: ModelTraining
    /// Epochs completed before this command.
    let firstEpoch: Int
    let requested: Int
    let stop: Trainer.Stop

    static let headLines = 3
    static let tailLines = 3

    var text: String {
        let trace = training.trainer.trace
        let records = trace.records
        // Rows of this command's epochs (and the row before them, where they start from).
        let rows = Array(records.indices.filter { records[$0].epoch >= firstEpoch })
        var chosen = Set(rows.prefix(TrainingReport.headLines))
        chosen.formUnion(rows.suffix(TrainingReport.tailLines))
        for row in rows.dropFirst() where records[row].learningRate != records[row - 1].learningRate && records[row - 1].epoch > 0 {
            chosen.insert(row)
        }
        if let best = trace.bestValidationEpoch, let row = records.firstIndex(of: best), rows.contains(row) { chosen.insert(row) }
        var lines = [TrainingReport.header(trace)]
        var shown: Int?
        for row in chosen.sorted() {
            if let shown, row - shown > 1 { lines.append("   ... \(NumberFormat.counted(row - shown - 1, "epoch")) ...") }
            lines.append(TrainingReport.line(records[row], trace: trace, session: session))
            shown = row
        }
        lines.append(summary)
        for verdict in TrainingDiagnosis.verdicts(for: training.trainer) {
            lines.append(TrainingReport.verdictText(verdict, session: session))
        }
        return lines.joined(separator: "\n")
    }

    var summary: String {
        let trainer = training.trainer
        let records = trainer.trace.records
        let trained = trainer.epoch - firstEpoch
        var lines: [String] = []
        if let start = records.first(where: { $0.epoch == firstEpoch }), let last = records.last {
            var text = trained > 0 ? NumberFormat.counted(trained, "epoch") + " (\(firstEpoch + 1)..\(trainer.epoch), step \(trainer.stepCount)): "
                : "no epoch completed (epoch \(firstEpoch + 1) stopped at step \(trainer.stepCount)): "
            text += "train loss \(session.format(start.trainLoss)) → \(session.format(last.trainLoss))"
            if let from = start.validationLoss, let to = last.validationLoss {
                text += ", val loss \(session.format(from)) → \(session.format(to))"
            }
            if let accuracy = last.validationAccuracy ?? last.trainAccuracy {
                text += ", \(last.validationAccuracy != nil ? "val" : "train") acc \(session.format(accuracy))"
            }
            lines.append(text)
        }
        if let best = trainer.trace.bestValidationEpoch, let loss = best.validationLoss {
            lines.append("lowest val loss \(session.format(loss)) at epoch \(best.epoch)")
        }
        switch stop {
        case .finished: break
        case .earlyStopped(let best):
            lines.append("stopped early at epoch \(trainer.epoch): no lower validation loss for \(trainer.epoch - best) epochs; the parameters of epoch \(best) are kept, "
                         + "and train continues from them with the optimizer's state started afresh")
        case .interrupted(let step, let into):
            let epochs = "the \(trained) finished epoch\(trained == 1 ? "" : "s")"
            let next = into == 0 ? (trained == 1 ? " is kept" : " are kept") : " and \(into) step\(into == 1 ? "" : "s") of the next are kept"
            lines.append(Session.interruptionNote(atStep: step, epochs + next + "; train continues"))
        case .ended:
            if let ending = trainer.ending { lines.append(ending.description.text(digits: session.digits)) }
        }
        return lines.joined(separator: "\n")
    }

    /// `epoch  step  lr  train_loss  val_loss  train_acc  val_acc`, padded like the lines.
    static func header(_ trace: EpochTrace) -> String {
        zip(trace.columnNames, widths(trace)).map { NumberFormat.rightPad($0, $1) }.joined(separator: " ")
    }

    static func widths(_ trace: EpochTrace) -> [Int] {
        [6, 8, 10, 12, 12] + (trace.isClassifier ? [9, 9] : [])
    }

    /// One epoch as a line; empty validation cells print `-`.
    static func line(_ record: EpochRecord, trace: EpochTrace, session: Session) -> String {
        let cells = trace.cells(record)
        return zip(cells.indices, widths(trace)).map { index, width in
            let text: String
            if let value = cells[index] {
                text = index < 2 ? String(Int(saturating: value)) : session.format(value)
            } else {
                text = "-"
            }
            return NumberFormat.rightPad(text, width)
        }.joined(separator: " ")
    }

    /// `verdict: overfitting — …` and its evidence, as `run` prints its verdict.
    static func verdictText(_ verdict: TrainingVerdict, session: Session) -> String {
        OutcomeStyle.verdictText(verdict.kind.outcome, summary: verdict.summary, evidence: verdict.evidence,
                                 color: session.useColor, digits: session.digits, width: session.terminalColumns)
    }

    /// The epoch trace as CSV: the column names, then one row per epoch, numbers with `%.17g`
    /// (they read back exactly), empty cells where a value is absent.
    static func csv(_ trace: EpochTrace) -> String {
        var text = trace.columnNames.joined(separator: ",") + "\n"
        for record in trace.records {
            text += trace.cells(record).map { $0.map(NumberFormat.exact) ?? "" }.joined(separator: ",") + "\n"
        }
        return text
    }
}

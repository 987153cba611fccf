import LRLab
import LRLabText

extension RunCommands {
    /// Lines of a long `step` shown at a time, so the table appears while the steps go on.
    static let stepLinesShownAtOnce = 256

    /// `step [N]`: one trace line per step. Repeated `step`s read as one table (`StepTable`):
    /// the header only when the statement before was not a `step` of this same run, or when
    /// the columns must widen for the new numbers. Every `stepLinesShownAtOnce` lines are
    /// presented as they come; the last lines, the run's ending or the interruption note are
    /// returned.
    static func stepCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        let count = try statement.count(limit: Limits.maximumPrintedSteps)
        var run = try session.currentRun(at: statement.words[0])
        let format = session.traceFormat(for: run)
        if let ending = run.ending {
            throw ShellError("the run has ended: " + ending.description.text(digits: session.digits), hint: "reset goes back to the start point")
        }
        var layout = session.stepTable.layout(continuingAt: run.stepCount, statement: session.statementsRun)
        var pending: [TraceRecord] = []
        /// The pending lines, under a header when the table starts or widens.
        func flush() -> Report {
            guard !pending.isEmpty else { return Report() }
            let fitted = format.layout(for: pending).merged(with: layout)
            var lines = fitted != layout ? [format.header(fitted)] : []
            layout = fitted
            lines += pending.map { format.line($0, fitted) }
            pending.removeAll(keepingCapacity: true)
            return Report(text: lines.joined(separator: "\n"))
        }
        var taken = 0
        while taken < count, !(taken & 1023 == 1023 && session.shouldStop()) {
            guard run.step() else { break }
            taken += 1
            pending.append(run.current)
            if pending.count >= stepLinesShownAtOnce { session.present(flush()) }
        }
        var report = flush()
        session.explorer.run = run
        session.focus = .formula
        session.stepTable.end(at: run.ending == nil ? run.stepCount : nil, statement: session.statementsRun, layout: layout)
        if let ending = run.ending {
            report.prose(ending.description.text(digits: session.digits))
        } else if taken < count {
            report.text(Session.interruptionNote(atStep: run.stepCount, "the steps are kept (\(taken) of \(count) taken)"))
        }
        return report
    }
}

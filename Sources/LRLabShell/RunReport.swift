import LRLab
import LRLabText

/// What `run` prints: the first and last few trace lines of the steps just taken, the lines
/// where something happened, and a summary. A million lines help nobody.
struct RunReport {
    let session: Session
    let run: Run
    let startStep: Int
    let startLoss: Double
    let requested: Int
    let taken: Int
    let untilConverged: Bool

    static let headLines = 3
    static let tailLines = 3
    static let eventLines = 6
    static let rateChangeLines = 12

    var text: String {
        let format = session.traceFormat(for: run)
        let trace = run.trace
        // The rows of the steps this command took, found by step number: thinning during the
        // command renumbers the rows kept before it.
        let steps = trace.steps
        var low = 0, high = trace.count
        while low < high {
            let middle = (low + high) / 2
            if steps[middle] > startStep { high = middle } else { low = middle + 1 }
        }
        // The first and last few rows of the command, and up to `eventLines` rows between
        // them where something happened: one pass over the notes, read in place.
        let rows = low..<trace.count
        let head = rows.prefix(RunReport.headLines), tail = rows.suffix(RunReport.tailLines)
        var chosen = Array(head)
        let notes = trace.notes
        var events = 0
        var rateChanges = 0
        var seenOvershoot = false
        for row in head.endIndex..<Swift.max(head.endIndex, tail.startIndex) {
            let rowNotes = notes[row]
            if rowNotes.isEmpty { continue }
            // A schedule's changes of rate are always worth seeing (up to a dozen).
            if rowNotes.contains(.rateChanged), rateChanges < RunReport.rateChangeLines {
                chosen.append(row)
                rateChanges += 1
                continue
            }
            var interesting = rowNotes.contains(.lossUp) || rowNotes.contains(.diverged) || rowNotes.contains(.undefined)
            if rowNotes.contains(.converged), row > 0, !notes[row - 1].contains(.converged) { interesting = true }
            if rowNotes.contains(.overshoot), !seenOvershoot { interesting = true; seenOvershoot = true }
            if interesting, events < RunReport.eventLines {
                chosen.append(row)
                events += 1
            }
        }
        chosen += tail.filter { $0 >= head.endIndex }
        // The rows to show (in order), each after a note of the steps hidden before it.
        var shown: [(hidden: Int, record: TraceRecord)] = []
        var shownStep = startStep
        for row in chosen {
            let record = steps[row] == run.stepCount ? run.current : trace.record(row)
            shown.append((record.step - shownStep - 1, record))
            shownStep = record.step
        }
        // Thinning may have left the latest step out of the trace: it is shown all the same.
        if shownStep < run.stepCount {
            shown.append((run.stepCount - shownStep - 1, run.current))
        }
        let layout = format.layout(for: shown.map(\.record))
        var lines = [format.header(layout)]
        for (hidden, record) in shown {
            if hidden > 0 { lines.append("   ... \(NumberFormat.counted(hidden, "step")) ...") }
            lines.append(format.line(record, layout))
        }
        lines.append(session.wrapped(summary))
        return lines.joined(separator: "\n")
    }

    var summary: String {
        var text = NumberFormat.counted(taken, "step") + " (\(startStep + 1)..\(run.stepCount)): loss \(session.format(startLoss)) → \(session.format(run.loss))"
        text += " at \(NumberFormat.point(run.point, digits: session.digits))"
        // The rows show the gradient each step moved along; the one at the last point is the next step's.
        if run.trace.dimension > 0 { text += " (gradient \(NumberFormat.point(run.gradient, digits: session.digits)))" }
        if let ending = run.ending {
            text += "\n" + ending.description.text(digits: session.digits)
        } else if run.hasConverged {
            let under = Phrase.under(run.current.gradientNorm, run.convergenceTolerance, digits: session.digits)
            text += "\nconverged: gradient norm " + under.text
            if let minimum = run.lossFunction.nearestMinimum(to: run.point) {
                text += minimum.isGlobal ? " (distance to the global minimum \(session.format(minimum.distance)))"
                    : " (at a local minimum, not the global one)"
            }
        } else if taken < requested {
            text += "\n" + Session.interruptionNote(atStep: run.stepCount, "the trace is kept (\(taken) of \(requested) steps taken)")
        } else if untilConverged {
            text += "\nnot converged after \(taken) steps (gradient norm \(session.format(run.current.gradientNorm)))"
        }
        if taken > 0 {
            text += "\n" + run.verdict().text(color: session.useColor, digits: session.digits, width: session.terminalColumns)
        }
        return text
    }
}

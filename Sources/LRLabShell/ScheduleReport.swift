import LRLab
import LRLabText

/// What the shell prints about a learning-rate schedule: the rate at the steps where it
/// changes (`schedule`), a table of sampled steps (`schedule table`), a chart (`plot lr`),
/// and tab completion of schedule kinds and options. Pure functions of the session's state.
enum ScheduleReport {
    /// Most rows `schedule table` prints, besides the breakpoints.
    static let sampledRows = 10
    /// Most points drawn by the chart; longer schedules are sampled (breakpoints always kept).
    static let chartPoints = 600

    /// Steps worth showing: the first, and on either side of every change the schedule makes.
    /// Continuous decays get decades (1, 10, 100, 1000). Sorted, unique, from 1.
    static func keySteps(_ schedule: any LearningRateSchedule, limit: Int = 12) -> [Int] {
        var steps: [Int] = [1]
        switch schedule {
        case let piecewise as PiecewiseSchedule:
            for breakpoint in piecewise.breakpoints { steps += [breakpoint.after, breakpoint.after + 1] }
        case let decay as StepDecaySchedule:
            for multiple in 1...3 { steps += [decay.every * multiple, decay.every * multiple + 1] }
        case let cosine as CosineSchedule:
            steps += [Swift.max(1, cosine.steps / 2), cosine.steps, cosine.steps + 1]
        case let warmup as WarmupSchedule:
            steps += [Swift.max(1, warmup.steps / 2), warmup.steps] + keySteps(warmup.inner, limit: limit)
        case is ConstantSchedule:
            break
        default:
            steps += [2, 10, 100, 1000]
        }
        return Array(Set(steps.filter { $0 >= 1 })).sorted().prefix(limit).map { $0 }
    }

    /// How many steps a table or chart covers when not told: the run so far, and enough to
    /// see every change the schedule makes (at least 1000).
    static func defaultHorizon(_ session: Session) -> Int {
        let last = keySteps(session.schedule).last ?? 1
        let natural = last <= 2 ? 0 : last + (last + 3) / 4
        return Swift.max(1000, session.explorer.run?.stepCount ?? 0, natural)
    }

    /// Whether the optimizer's `lr=` changes any rate the schedule gives.
    static func usesBaseRate(_ schedule: any LearningRateSchedule, steps: [Int]) -> Bool {
        steps.contains { schedule.rate(at: $0, base: 1) != schedule.rate(at: $0, base: 2) }
    }

    /// `  lr at step 1: 0.1, 400: 0.1, 401: 0.01 ...` and where the base rate comes from.
    static func summary(_ session: Session) -> String {
        let schedule = session.schedule, base = session.optimizer.learningRate
        let steps = keySteps(schedule)
        let rates = steps.map { "\($0): \(session.format(schedule.rate(at: $0, base: base)))" }
        var lines = ["  lr at step " + rates.joined(separator: ", ")]
        if usesBaseRate(schedule, steps: steps) {
            lines.append("  (from opt \(session.optimizer.kind.name) lr=\(session.format(base)); the trace's lr column shows the rate in force)")
        } else {
            lines.append("  (these rates replace opt \(session.optimizer.kind.name) lr=\(session.format(base)))")
        }
        if !(schedule is ConstantSchedule) {
            lines.append("  during train, and compare, fit or pbt on a model, these steps count epochs")
        }
        if let run = session.explorer.run, run.ending == nil {
            lines.append("  the run is at step \(run.stepCount); step \(run.stepCount + 1) will use lr = \(session.format(run.nextLearningRate))")
        }
        return lines.joined(separator: "\n")
    }

    /// The rate at the breakpoints and at evenly spaced steps from 1 to `steps`.
    static func table(_ session: Session, steps horizon: Int) -> String {
        let schedule = session.schedule, base = session.optimizer.learningRate
        var steps = Set(keySteps(schedule).filter { $0 <= horizon })
        if horizon <= 2 * sampledRows { steps.formUnion(1...horizon) }
        for index in 0...sampledRows where horizon > 2 * sampledRows {
            steps.insert(Swift.max(1, Int(saturating: (Double(horizon) * Double(index) / Double(sampledRows)).rounded())))
        }
        let arrow = session.useUnicode ? "→" : "->"
        var rows: [[String]] = []
        for step in steps.sorted() {
            let rate = schedule.rate(at: step, base: base)
            var note = ""
            if step > 1 {
                let before = schedule.rate(at: step - 1, base: base)
                // A jump followed by a flat stretch: a breakpoint, a decay, the end of a warm-up.
                if before != rate, schedule.rate(at: step + 1, base: base) == rate,
                   step == 2 || schedule.rate(at: step - 2, base: base) == before {
                    note = "\(session.format(before)) \(arrow) \(session.format(rate))"
                }
            }
            if let run = session.explorer.run, run.stepCount + 1 == step { note += (note.isEmpty ? "" : "; ") + "next step of the run" }
            rows.append([String(step), session.format(rate), note])
        }
        let table = Table(columns: [Table.Column("step"), Table.Column("lr"), Table.Column("change", alignment: .left)], rows: rows)
        return "schedule \(schedule.description), base lr=\(session.format(base)), steps 1..\(horizon)\n"
            + table.render(style: session.useUnicode ? .unicode : .ascii, border: .plain)
    }

    /// A line chart of the rate over steps 1...`steps` (log scale when it spans 100× or more).
    static func chart(_ session: Session, steps horizon: Int) -> LineChart {
        let schedule = session.schedule, base = session.optimizer.learningRate
        let horizon = Swift.max(1, horizon)
        var steps: [Int]
        if horizon <= chartPoints {
            steps = Array(1...horizon)
        } else {
            var sampled = Set(keySteps(schedule).filter { $0 <= horizon })
            for index in 0..<chartPoints {
                sampled.insert(1 + Int(saturating: Double(horizon - 1) * Double(index) / Double(chartPoints - 1)))
            }
            steps = sampled.sorted()
        }
        let rates = steps.map { schedule.rate(at: $0, base: base) }
        let positive = rates.filter { $0 > 0 && $0.isFinite }
        let logScale = positive.count == rates.count && (positive.max() ?? 1) >= 100 * (positive.min() ?? 1)
        return LineChart(series: [LineChart.Series("lr", y: rates, x: steps.map(Double.init))],
                         yScale: logScale ? .log10 : .linear,
                         title: "learning rate: schedule \(schedule.description), base lr=\(session.format(base))",
                         xLabel: "step", yLabel: "lr")
    }

    /// Tab completion after `schedule`: the kinds (and `table`) first; then the options of the
    /// kind being written, `then` after a warm-up's options, and the kinds after `then`.
    static func completions(after previous: [Word]) -> [String] {
        let words = previous.dropFirst().map { $0.text.lowercased() }
        guard let first = words.first else { return ScheduleKind.all.map(\.name) + ["table"] }
        // `schedule table`'s options are declared on the command; completion adds them.
        if first == "table" { return [] }
        if words.last == "then" { return ScheduleKind.all.map(\.name).filter { $0 != "warmup" } }
        guard let kindIndex = words.lastIndex(where: { ScheduleKind.named($0) != nil }),
              let kind = ScheduleKind.named(words[kindIndex]) else { return [] }
        let given = Set(words[(kindIndex + 1)...].map { String($0.split(separator: "=").first ?? "") })
        var candidates = kind.options.map(\.name).filter { !given.contains($0) }.map { $0 + "=" }
        if kind.name == "warmup" { candidates.append("then") }
        return candidates
    }
}

extension ScheduleReport {
    /// `help cosine`: one schedule kind with its options.
    static func help(for kind: ScheduleKind) -> String {
        var lines = ["schedule \(kind.usage)", kind.summary]
        if !kind.options.isEmpty { lines.append("options:") }
        for option in kind.options {
            lines.append("  " + NumberFormat.rightPad("\(option.name)=\(option.defaultText)", 22) + " " + option.summary)
        }
        lines.append("help schedule lists every kind")
        return lines.joined(separator: "\n")
    }
}

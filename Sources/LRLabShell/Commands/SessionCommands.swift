import LRLab
import LRLabText

enum SessionCommands {
    static let all: [Command] = [
        Command("save", usage: "save trace FILE.csv | save FILE.svg | save FILE.json | save pbt FILE.json", summary: "write the trace, the last picture, or the runs to a file",
                details: """
                FILE.svg: the last picture (plot, compare, lrfind) as a standalone SVG file a browser opens.
                FILE.json: the current run and the runs of the last compare, with their configuration,
                verdict and loss per kept step.
                pbt FILE.json: the last pbt population, every generation and the best lineage (help pbt).
                FILE.csv after `train`: the epoch trace, columns epoch,step,lr,train_loss,val_loss
                (and train_acc,val_acc for classes), one row per epoch from row 0; empty cells where
                there is no validation set.
                FILE.csv:
                CSV: a header row, then one row per step from row 0 (the start point, lr 0). The first
                columns are step,lr,x,loss,gx (1-D) or step,lr,x,y,loss,gx,gy (2-D); then the step
                taken (dx, dy) and any optimizer state. Numbers are printed with %.17g, so they read
                back exactly. Every step is written, even when the kept trace has been thinned.
                A file is never left half-written: it is written beside FILE under a temporary name
                and renamed over FILE when complete. Ctrl-C stops a save and keeps the old FILE.
                Before a file of \(largeFileNotice / 1_000_000) MB or more, save says how big it will be
                (a million-step 2-D trace is about 150 MB with gd, 400 MB with adam's state columns).
                """, completion: .files) { session, statement throws(ShellError) in
            var words = Array(statement.words.dropFirst())
            if words.first?.text == "pbt" { return try PopulationCommands.savePopulation(session, statement) }
            if words.first?.text == "trace" { words.removeFirst() }
            guard words.count == 1 else {
                throw ShellError("save needs one file name", at: words.dropFirst().first?.range ?? statement.words[0].range,
                                 hint: "e.g. save trace run.csv")
            }
            let path = words[0]
            let lowered = path.text.lowercased()
            if lowered.hasSuffix(".svg") {
                guard let picture = session.lastPicture else {
                    throw ShellError("no picture to save yet", at: path.range, hint: "draw one first, e.g. plot loss or plot path")
                }
                return try writeFile(path, picture.svg, session: session)
            }
            if lowered.hasSuffix(".json") {
                let run = try session.currentRun(at: statement.words[0])
                let json = RunJSON.document(current: run, comparison: session.explorer.comparison)
                return try writeFile(path, json, session: session)
            }
            guard lowered.hasSuffix(".csv") else {
                throw ShellError("cannot tell the format of '\(path.text)'", at: path.range, hint: "name it FILE.csv, FILE.svg or FILE.json")
            }
            if session.focus == .model {
                let training = try session.currentTraining(at: statement.words[0])
                // A training's trace: one row per epoch (`train`).
                return try writeFile(path, TrainingReport.csv(training.trainer.trace), session: session)
            }
            let run = try session.currentRun(at: statement.words[0])
            return try saveCSV(run, to: path, session: session)
        },
        Command("set", usage: "set digits=N | color=on|off | unicode=on|off | state=on|off | memory=SIZE",
                summary: "change how numbers, pictures and trace lines are printed, and the memory budget",
                details: """
                set digits=4        significant digits in printed numbers (1 to 17)
                set state=off       no optimizer state under each trace line (`state` still
                                    shows it)
                set unicode=off     ASCII pictures
                set live=off        no pictures redrawn while train or run N watch runs
                                    (the loss chart, a 2-D classifier's regions, a run's
                                    path); they are drawn only at a terminal, and not
                                    under NO_COLOR
                set memory=4GB      the memory a pbt, compare or train on a model may hold
                                    (default \(MemoryBudget.setting(MemoryBudget.standard.bytes)); also KB, MB, TB): each works out
                                    what it needs before it starts and refuses past the
                                    budget, saying what to lower
                `set` alone prints the current settings.
                """,
                completion: .words(["digits=", "color=", "unicode=", "state=", "memory=", "live="])) { session, statement throws(ShellError) in
            let definitions: [OptionDefinition] = [
                .integer("digits", default: session.digits, range: 1...17, "significant digits in printed numbers"),
                OptionDefinition("color", .flag(default: session.useColor), "colour in messages and pictures"),
                OptionDefinition("unicode", .flag(default: session.useUnicode), "Unicode pictures (off: ASCII)"),
                OptionDefinition("state", .flag(default: session.showsState), "optimizer state under each trace line"),
                OptionDefinition("live", .flag(default: session.live), "the loss chart redrawn while train runs"),
            ]
            guard statement.words.count > 1 else {
                let onOff = { (flag: Bool) in flag ? "on" : "off" }
                return Report(text: "digits=\(session.digits) color=\(onOff(session.useColor)) unicode=\(onOff(session.useUnicode)) state=\(onOff(session.showsState)) "
                              + "memory=\(MemoryBudget.setting(session.memoryBudget.bytes))")
            }
            var options = statement.options()
            var budget = session.memoryBudget
            if let index = options.firstIndex(where: { $0.key.lowercased() == "memory" }) {
                let text = options.remove(at: index).value ?? ""
                guard let bytes = MemoryBudget.parse(text), MemoryBudget.legal.contains(bytes) else {
                    throw ShellError("memory=\(text) is not a size from 1MB to 1PB", at: statement.word(forKey: "memory")?.range,
                                     hint: "e.g. set memory=4GB or set memory=512MB")
                }
                budget = MemoryBudget(bytes: bytes)
            }
            do throws(OptionError) {
                let values = try OptionValues.parse(options, definitions: definitions, context: "set")
                session.digits = Int(saturating: values.number("digits"))
                session.useColor = values.flag("color")
                session.useUnicode = values.flag("unicode")
                session.showsState = values.flag("state")
                session.live = values.flag("live")
                session.memoryBudget = budget
            } catch {
                throw ShellError(error.message, at: statement.word(forKey: error.key)?.range, hint: error.hint)
            }
            return Report()
        },
        Command("help", aliases: ["?"], usage: "help [COMMAND | OPTIMIZER]", summary: "list the commands, or explain one",
                completion: .commands) { session, statement throws(ShellError) in
            Report(text: TextWrap.wrapKeepingColumns(try HelpText.text(for: statement, in: session), width: session.terminalColumns))
        },
        Command("quit", aliases: ["exit"], usage: "quit", summary: "leave lrlab (Ctrl-D does the same)") { session, statement throws(ShellError) in
            try statement.expectNoArguments()
            session.wantsToQuit = true
            return Report()
        },
    ]

    /// Files this large (in bytes) or larger are announced before they are written.
    static let largeFileNotice = 10_000_000

    /// `writing about 412 MB to run.csv`, for a file of at least `largeFileNotice` bytes.
    static func sizeNotice(bytes: Int, path: String, exact: Bool) -> String? {
        guard bytes >= largeFileNotice else { return nil }
        return "writing \(exact ? "" : "about ")\((bytes + 500_000) / 1_000_000) MB to \(path)"
    }

    /// What a save says when Ctrl-C stopped it: the file at `path` is as it was before.
    static func saveInterrupted(_ path: String, existed: Bool, atStep step: Int? = nil) -> String {
        let kept = existed ? "\(path) is unchanged (the old file is kept)" : "\(path) was not written"
        if let step { return Session.interruptionNote(atStep: step, of: "writing \(path)", kept) }
        return "interrupted while writing \(path); " + kept
    }

    /// Writes `text` to the file named by `path` in chunks, so Ctrl-C can stop it. A big file's
    /// size is presented before the write starts; the report says what happened.
    static func writeFile(_ path: Word, _ text: String, session: Session) throws(ShellError) -> Report {
        let bytes = text.utf8.count
        let shown = DiagnosticRenderer.visible(path.text)
        if let notice = sizeNotice(bytes: bytes, path: shown, exact: true) { session.present(Report(prose: notice)) }
        let existed = TextFile.exists(path.text)
        let outcome: TextFile.WriteOutcome
        do throws(ShellError) {
            outcome = try TextFile.write(path.text, shouldStop: session.shouldStop) { emit in
                var utf8 = text.utf8[...]
                while !utf8.isEmpty {
                    // About 1 MB at a time, cut at a character boundary.
                    var end = utf8.index(utf8.startIndex, offsetBy: 1 << 20, limitedBy: utf8.endIndex) ?? utf8.endIndex
                    while end < utf8.endIndex, UTF8.isContinuation(utf8[end]) { end = utf8.index(after: end) }
                    guard emit(String(Substring(utf8[..<end]))) else { return }
                    utf8 = utf8[end...]
                }
            }
        } catch {
            var located = error
            located.range = path.range
            throw located
        }
        switch outcome {
        case .written: return Report(text: "wrote \(shown)")
        case .interrupted: return Report(prose: saveInterrupted(shown, existed: existed))
        }
    }

    /// About how many bytes `save trace` writes for `run`: rows differ only in their digits, so a
    /// few kept rows after the start give a fair average (row 0 is short, its state all 0).
    static func estimatedCSVBytes(_ run: Run, csv: TraceCSV) -> Int {
        let samples = Swift.min(8, run.trace.count - 1)
        let sampled = (0..<samples).map { index in
            csv.row(run.trace.record(1 + index * (run.trace.count - 2) / Swift.max(1, samples - 1))).utf8.count
        }
        let rowBytes = (sampled.isEmpty ? csv.row(run.current).utf8.count : sampled.reduce(0, +) / sampled.count) + 1
        return csv.header.utf8.count + 1 + rowBytes * (run.stepCount + 1)
    }

    /// Writes every step of `run` as CSV, replaying the run when the kept trace is thinned; as
    /// `writeFile`, a big file's size is presented first and the report says what happened.
    static func saveCSV(_ run: Run, to path: Word, session: Session) throws(ShellError) -> Report {
        let csv = TraceCSV(parameters: run.lossFunction.parameterNames, stateNames: run.stateNames)
        let estimate = estimatedCSVBytes(run, csv: csv)
        let shown = DiagnosticRenderer.visible(path.text)
        if let notice = sizeNotice(bytes: estimate, path: shown, exact: false) { session.present(Report(prose: notice)) }
        let existed = TextFile.exists(path.text)
        var rows = 0
        let outcome: TextFile.WriteOutcome
        do throws(ShellError) {
            outcome = try TextFile.write(path.text, shouldStop: session.shouldStop) { emit in
                guard emit(csv.header + "\n") else { return }
                if !run.trace.isThinned {
                    for row in 0..<run.trace.count {
                        guard emit(csv.row(run.trace.record(row)) + "\n") else { return }
                        rows += 1
                    }
                    return
                }
                // The replay re-applies the run's hyper-parameter changes (`lr 0.01`) where they were made.
                guard var replay = try? run.restarted() else { return }
                guard emit(csv.row(replay.current) + "\n") else { return }
                rows += 1
                while replay.stepCount < run.stepCount, replay.step() {
                    guard emit(csv.row(replay.current) + "\n") else { return }
                    rows += 1
                }
            }
        } catch {
            var located = error
            located.range = path.range
            throw located
        }
        switch outcome {
        case .written: return Report(text: "wrote \(rows) rows to \(shown)")
        case .interrupted: return Report(prose: saveInterrupted(shown, existed: existed, atStep: max(0, rows - 1)))
        }
    }
}

import LRLab
import LRLabText

extension Command {
    static let sessionCommands: [Command] = [
        Command("save", usage: "save trace FILE.csv | save FILE.svg | save FILE.json", summary: "write the trace, the last picture, or the runs to a file",
                details: """
                FILE.svg: the last picture (plot, compare, lrfind) as a standalone SVG file a browser opens.
                FILE.json: the current run and the runs of the last compare, with their configuration,
                verdict and loss per kept step.
                FILE.csv:
                CSV: a header row, then one row per step from row 0 (the start point, lr 0). The first
                columns are step,lr,x,loss,gx (1-D) or step,lr,x,y,loss,gx,gy (2-D); then the step
                taken (dx, dy) and any optimizer state. Numbers are printed with %.17g, so they read
                back exactly. Every step is written, even when the kept trace has been thinned.
                """, completion: .files) { session, statement throws(ShellError) in
            var words = Array(statement.words.dropFirst())
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
                let svg: String
                switch picture {
                case .lineChart(let chart): svg = SVG.lineChart(chart)
                case .contourMap(let map): svg = SVG.contourMap(map)
                }
                try writeFile(path, svg)
                session.say("wrote \(path.text)")
                return
            }
            if lowered.hasSuffix(".json") {
                let run = try session.currentRun(at: statement.words[0])
                let json = RunJSON.document(current: run, comparison: session.lastComparison)
                try writeFile(path, json)
                session.say("wrote \(path.text)")
                return
            }
            guard lowered.hasSuffix(".csv") else {
                throw ShellError("cannot tell the format of '\(path.text)'", at: path.range, hint: "name it FILE.csv, FILE.svg or FILE.json")
            }
            let run = try session.currentRun(at: statement.words[0])
            let rows = try saveCSV(run, to: path.text, at: path.range)
            session.say("wrote \(rows) rows to \(path.text)")
        },
        Command("set", usage: "set digits=N | color=on|off | unicode=on|off", summary: "change how numbers and pictures are printed",
                completion: .words(["digits=", "color=", "unicode="])) { session, statement throws(ShellError) in
            let definitions: [OptionDefinition] = [
                .integer("digits", default: session.digits, range: 1...17, "significant digits in printed numbers"),
                OptionDefinition("color", .flag(default: session.useColor), "colour in messages and pictures"),
                OptionDefinition("unicode", .flag(default: session.useUnicode), "Unicode pictures (off: ASCII)"),
            ]
            guard statement.words.count > 1 else {
                session.say("digits=\(session.digits) color=\(session.useColor ? "on" : "off") unicode=\(session.useUnicode ? "on" : "off")")
                return
            }
            let options = statement.options()
            do throws(OptionError) {
                let values = try OptionValues.parse(options, definitions: definitions, context: "set")
                session.digits = Int(saturating: values.number("digits"))
                session.useColor = values.flag("color")
                session.useUnicode = values.flag("unicode")
            } catch {
                throw ShellError(error.message, at: statement.word(forKey: error.key)?.range, hint: error.hint)
            }
        },
        Command("help", aliases: ["?"], usage: "help [COMMAND | OPTIMIZER]", summary: "list the commands, or explain one",
                completion: .commands) { session, statement throws(ShellError) in
            session.say(try HelpText.text(for: statement, in: session))
        },
        Command("quit", aliases: ["exit"], usage: "quit", summary: "leave lrlab (Ctrl-D does the same)") { session, statement throws(ShellError) in
            try statement.expectNoArguments()
            session.wantsToQuit = true
        },
    ]

    /// Writes `text` to the file named by `path`, pointing at the name when it fails.
    static func writeFile(_ path: Word, _ text: String) throws(ShellError) {
        do throws(ShellError) {
            try TextFile.write(path.text) { $0(text) }
        } catch {
            var located = error
            located.range = path.range
            throw located
        }
    }

    /// Writes every step of `run` as CSV, replaying the run when the kept trace is thinned.
    static func saveCSV(_ run: Run, to path: String, at range: SourceRange) throws(ShellError) -> Int {
        let csv = TraceCSV(parameters: run.objective.parameters, stateNames: run.stateNames)
        var rows = 0
        do {
            try TextFile.write(path) { emit in
                emit(csv.header + "\n")
                if !run.trace.isThinned {
                    for row in 0..<run.trace.count {
                        emit(csv.row(run.trace.record(row)) + "\n")
                        rows += 1
                    }
                    return
                }
                guard var replay = try? Run(objective: run.objective, start: run.start, configuration: run.configuration,
                                            schedule: run.schedule) else { return }
                emit(csv.row(replay.current) + "\n")
                rows += 1
                while replay.stepCount < run.stepCount, replay.step() {
                    emit(csv.row(replay.current) + "\n")
                    rows += 1
                }
            }
        } catch {
            var located = error
            located.range = range
            throw located
        }
        return rows
    }
}
